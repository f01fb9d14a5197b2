import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { formatInviteCode, normalizeInviteCode } from '../../../../../shared/domain/invites';
import { RELATIONSHIPS, RELATIONSHIP_KEYS, type Relationship } from '../../../../../shared/domain/orders';
import { TARGET_LINK_ROLE_KEYS, type TargetLinkRole } from '../../../../../shared/domain/target-links';
import { ChoiceChips, FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { type TargetLink, useRedeemLinkCode } from '../../api/links';
import '../../components/targets.scss';

const ROLE_OPTIONS = TARGET_LINK_ROLE_KEYS.map((key) => ({
  key,
  label: key === 'self' ? '本人' : '家属',
}));
const RELATIONSHIP_OPTIONS = RELATIONSHIP_KEYS.map((key) => ({ key, label: RELATIONSHIPS[key] }));

/**
 * 绑定服务对象 (我的): a resident enters the 绑定码 the social worker gave them, says whether they
 * are the person themself or a family member (and how related), and can then order the station's
 * 仅限服务对象 services — for themself, or for the person they look after (ADR 0027).
 */
export default function LinkTargetPage() {
  const { params } = useRouter();
  const given = normalizeInviteCode(readParam(params.code) ?? '');
  const [text, setText] = useState(given ? formatInviteCode(given) : '');
  const [role, setRole] = useState<TargetLinkRole | ''>('');
  const [relationship, setRelationship] = useState<Relationship | ''>('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [linked, setLinked] = useState<TargetLink | null>(null);
  const redeem = useRedeemLinkCode({
    onError: (error) => {
      if (error.code === 'UNAUTHENTICATED') return false;
      setErrors({ code: error.fields?.code ?? '', form: error.fields?.code ? '' : error.userMessage });
      return true;
    },
  });

  const submit = async () => {
    const code = normalizeInviteCode(text);
    const next: Record<string, string> = {};
    if (!code) next.code = '绑定码为10位字母和数字，请核对';
    if (!role) next.role = '请选择您与服务对象的关系';
    if (role === 'family' && !relationship) next.relationship = '请选择与老人的关系';
    setErrors(next);
    if (!code || !role || Object.keys(next).length > 0) return;
    const r = await redeem.run({ code, role, ...(role === 'family' && relationship ? { relationship } : {}) });
    if (r.ok) {
      setLinked(r.value);
      showSuccess('绑定成功');
    }
  };

  if (linked) {
    return (
      <PageShell>
        <View className="card" id="target-linked">
          <Text className="text-strong">{`✓ 已绑定：${linked.stationName} 的服务对象 ${linked.targetLabel}`}</Text>
          <Text className="hint" id="target-linked-as">{`您的身份：${linked.label}`}</Text>
          <Text className="hint">
            {linked.role === 'self'
              ? '现在您可以在本站服务清单中点“仅限服务对象”的服务了。'
              : '现在您可以在本站服务清单中为家人点“仅限服务对象”的服务（点单时选“为家人点单”）。'}
          </Text>
          <View className="actions">
            <Button
              type="primary"
              size="large"
              block
              id="linked-open-stations"
              onClick={() => openPage(ROUTES.stations)}
            >
              去社工站点单
            </Button>
          </View>
        </View>
      </PageShell>
    );
  }

  return (
    <PageShell>
      <View className="card" id="target-link-form">
        <Text className="text-strong">绑定服务对象</Text>
        <Text className="hint">
          如果您或家人是社工站登记的服务对象，社工会给您一个10位绑定码。绑定后即可自己点“仅限服务对象”的服务。
        </Text>
        <FormField name="link-code" label="绑定码" required error={errors.code || undefined}>
          <View className="form-input">
            <Input
              id="link-code-input"
              value={text}
              maxLength={11}
              placeholder="10位绑定码"
              onChange={(value) => {
                setText(value);
                setErrors((e) => ({ ...e, code: '', form: '' }));
              }}
            />
          </View>
        </FormField>
        <FormField name="link-role" label="您是服务对象的" required error={errors.role || undefined}>
          <ChoiceChips name="link-role" options={ROLE_OPTIONS} value={role} onChange={(v) => setRole(v)} />
        </FormField>
        {role === 'family' ? (
          <FormField name="link-relationship" label="与老人的关系" required error={errors.relationship || undefined}>
            <ChoiceChips
              name="link-relationship"
              options={RELATIONSHIP_OPTIONS}
              value={relationship}
              onChange={(v) => setRelationship(v)}
            />
          </FormField>
        ) : null}
        {errors.form ? <Text className="form-field__error">！{errors.form}</Text> : null}
        <View className="actions">
          <Button
            type="primary"
            size="large"
            block
            id="redeem-link-code-button"
            loading={redeem.pending}
            disabled={redeem.pending}
            onClick={() => void submit()}
          >
            确认绑定
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
