import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TFamilyMember } from '../../../../../shared/contracts/accounts';
import {
  FAMILY_RELATIONS,
  FAMILY_RELATION_KEYS,
  MAX_FAMILY_MEMBERS,
  familyMemberLabel,
} from '../../../../../shared/domain/booking';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { ChoiceChips, FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { useAddFamilyMember, useRemoveFamilyMember } from '../../api/use-family';
import {
  EMPTY_FAMILY_FORM,
  checkFamilyForm,
  familyErrorsFrom,
  type FamilyErrors,
  type FamilyFormValues,
} from '../../lib/family-form';
import './index.scss';

const RELATION_OPTIONS = FAMILY_RELATION_KEYS.map((key) => ({ key, label: FAMILY_RELATIONS[key] }));

/** The order the form's fields appear in, to bring the first problem into view. */
const FIELD_ORDER = ['name', 'relation', 'phone', 'consent'] as const;

/**
 * 我的家人: the family members a resident books activities for — name, relation and, only if
 * they want, a phone — added with the member's consent and removed at any time.
 */
export default function FamilyPage() {
  const me = useMe();
  const [adding, setAdding] = useState(false);
  const [values, setValues] = useState<FamilyFormValues>(EMPTY_FAMILY_FORM);
  const [errors, setErrors] = useState<FamilyErrors>({});
  const [removing, setRemoving] = useState<TFamilyMember | null>(null);
  const showErrors = (found: FamilyErrors) => {
    setErrors(found);
    const first = FIELD_ORDER.find((field) => found[field]);
    if (first) Taro.pageScrollTo({ selector: `#field-family-${first}`, duration: 200 }).catch(() => undefined);
  };
  const add = useAddFamilyMember({
    onError: (error) => {
      const fields = familyErrorsFrom(error.fields);
      if (!Object.keys(fields).length) return false;
      showErrors(fields);
      return true;
    },
  });
  const remove = useRemoveFamilyMember();

  const set = <F extends keyof FamilyFormValues>(field: F, value: FamilyFormValues[F]) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined }));
  };

  const submit = async () => {
    const checked = checkFamilyForm(values);
    if (!checked.ok) {
      showErrors(checked.errors);
      return;
    }
    const result = await add.run(checked.data);
    if (!result.ok) return;
    showSuccess('已添加');
    setValues(EMPTY_FAMILY_FORM);
    setAdding(false);
    await me.reload();
  };

  const confirmRemove = async () => {
    if (!removing) return;
    const result = await remove.run(removing.memberId);
    setRemoving(null);
    if (!result.ok) return;
    showSuccess('已删除');
    await me.reload();
  };

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  const family = me.data.family;
  return (
    <PageShell>
      <View className="card">
        <Text className="section-title family__title">我的家人</Text>
        <Text className="hint" id="family-privacy-note">
          添加后可以在活动页为家人报名，签到码和消息会写明是为谁报名。只保存姓名、关系和（可不填的）手机号，仅用于活动签到，随时可以删除。
        </Text>
      </View>

      {family.length === 0 ? (
        <View className="card">
          <EmptyState title="还没有添加家人" description="例如为父母、孩子报名社区活动" />
        </View>
      ) : (
        <View id="family-list">
          {family.map((member) => (
            <View className="card family-member" key={member.memberId} id={`family-member-${member.memberId}`}>
              <Text className="text-strong family-member__name">{familyMemberLabel(member)}</Text>
              <Text className="hint">{member.phone ? `手机号：${member.phone}` : '未留手机号'}</Text>
              <View className="actions">
                <Button
                  type="danger"
                  fill="outline"
                  id={`remove-family-${member.memberId}`}
                  onClick={() => setRemoving(member)}
                >
                  删除
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}

      {adding ? (
        <View className="card" id="family-form">
          <FormField name="family-name" label="家人姓名" required error={errors.name}>
            <View className="form-input">
              <Input
                id="family-name-input"
                value={values.name}
                placeholder="例如：王秀英"
                maxLength={20}
                onChange={(value) => set('name', value)}
              />
            </View>
          </FormField>
          <FormField name="family-relation" label="与您的关系" required error={errors.relation}>
            <ChoiceChips
              name="family-relation"
              options={RELATION_OPTIONS}
              value={values.relation}
              onChange={(key) => set('relation', key)}
            />
          </FormField>
          <FormField
            name="family-phone"
            label="家人手机号"
            hint="可不填；填写后签到名单只显示尾号"
            error={errors.phone}
          >
            <View className="form-input">
              <Input
                id="family-phone-input"
                type="tel"
                value={values.phone}
                placeholder="11位手机号（可不填）"
                maxLength={11}
                onChange={(value) => set('phone', value)}
              />
            </View>
          </FormField>
          <FormField name="family-consent" label="家人同意" required error={errors.consent}>
            <View
              id="family-consent"
              className={`filter-chip${values.consent ? ' filter-chip--active' : ''}`}
              onClick={() => set('consent', !values.consent)}
            >
              {values.consent ? '✓ 我已征得家人同意' : '我已征得家人同意'}
            </View>
          </FormField>
          <View className="actions">
            <Button id="cancel-family-button" onClick={() => setAdding(false)}>
              取消
            </Button>
            <Button
              type="primary"
              id="submit-family-button"
              loading={add.pending}
              disabled={add.pending}
              onClick={() => void submit()}
            >
              保存
            </Button>
          </View>
        </View>
      ) : family.length < MAX_FAMILY_MEMBERS ? (
        <View className="actions">
          <Button type="primary" size="large" block id="add-family-button" onClick={() => setAdding(true)}>
            添加家人
          </Button>
        </View>
      ) : (
        <Text className="hint">最多添加 {MAX_FAMILY_MEMBERS} 位家人。</Text>
      )}

      <ConfirmDialog
        visible={removing !== null}
        title={`删除${removing ? familyMemberLabel(removing) : ''}？`}
        content="删除后不能再为TA报名；已报名的活动不受影响。"
        confirmText="确认删除"
        danger
        pending={remove.pending}
        confirmId="confirm-remove-family-button"
        cancelId="keep-family-button"
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      />
    </PageShell>
  );
}
