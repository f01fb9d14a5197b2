import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { canAnywhere } from '../../../../../shared/domain/policy';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { readParam } from '../../../../lib/routes';
import { useAddCharity, useCharities } from '../../api/donations';
import { FormField } from '../../components/fields';
import { OPEN_LINK_LABEL, openProjectLink } from '../../lib/open-link';
import '../../components/donation.scss';
import {
  EMPTY_CHARITY_FORM,
  parseCharity,
  type CharityErrors,
  type CharityField,
  type CharityFormValues,
} from './form';

const FIELDS: { key: CharityField; id: string; label: string; max: number; hint?: string }[] = [
  { key: 'name', id: 'charity-name-input', label: '慈善组织名称', max: 60 },
  {
    key: 'registrationNo',
    id: 'charity-regno-input',
    label: '统一社会信用代码',
    max: 40,
    hint: '18位，见慈善组织登记证书',
  },
  { key: 'projectName', id: 'charity-project-input', label: '募捐项目名称', max: 60 },
  {
    key: 'projectUrl',
    id: 'charity-url-input',
    label: '项目页面网址',
    max: 300,
    hint: '慈善组织自己的募捐项目页面，以 https:// 开头',
  },
];

/** District admins: the district's registered charities (资金只经它们) and 添加慈善组织. */
export default function CharitiesPage() {
  const { params } = useRouter();
  const me = useMe();
  const isAdmin = Boolean(me.data && canAnywhere({ grants: me.data.roles }, 'station:manage'));
  const centerId = useMemo(() => {
    const given = readParam(params.centerId);
    if (given) return given;
    return me.data?.roles.find((r) => r.role === 'admin' && r.stationTier === 'center')?.stationId;
  }, [params.centerId, me.data]);
  const charities = useCharities(centerId);

  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<CharityFormValues>(EMPTY_CHARITY_FORM);
  const [errors, setErrors] = useState<CharityErrors>({});
  const set = (key: CharityField, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const add = useAddCharity({
    onError: (error) => {
      if (!error.fields) return false;
      const next: CharityErrors = {};
      for (const [path, message] of Object.entries(error.fields)) {
        next[(path.split('.').pop() ?? path) as CharityField] = message;
      }
      setErrors(next);
      return true;
    },
  });

  const submit = async () => {
    if (!centerId) return;
    const parsed = parseCharity(centerId, values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const result = await add.run(parsed.request);
    if (result.ok) {
      showSuccess('已添加慈善组织');
      setValues(EMPTY_CHARITY_FORM);
      setErrors({});
      setOpen(false);
      await charities.reload();
    }
  };

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  if (!isAdmin || !centerId) {
    return (
      <PageShell>
        <EmptyState title="没有可管理的指导中心" description="慈善组织名录仅对指导中心管理员开放" />
      </PageShell>
    );
  }

  return (
    <PageShell>
      <Text className="notice" id="charities-why">
        只有具备公开募捐资格的慈善组织才能接收资金捐赠：资金类需求只能选择本名录中的慈善组织，捐赠人在其项目页面捐款，本平台不经手任何款项。
      </Text>

      {open ? (
        <View className="card" id="charity-form">
          <Text className="section-title">添加慈善组织</Text>
          {FIELDS.map((f) => (
            <FormField
              key={f.key}
              name={`charity-${f.key}`}
              label={f.label}
              required
              hint={f.hint}
              error={errors[f.key]}
            >
              <View className="form-input">
                <Input id={f.id} value={values[f.key]} maxLength={f.max} onChange={(v) => set(f.key, v)} />
              </View>
            </FormField>
          ))}
          <FormField
            name="charity-howToGive"
            label="捐赠方式说明"
            hint="告诉捐赠人如何在项目页面捐赠；请勿填写银行卡号、账号等支付信息"
            error={errors.howToGive}
          >
            <View className="form-input">
              <TextArea
                id="charity-howto-input"
                value={values.howToGive}
                maxLength={300}
                onChange={(v) => set('howToGive', v)}
              />
            </View>
          </FormField>
          {errors.form ? <Text className="form-field__error">！{errors.form}</Text> : null}
          <View className="actions">
            <Button
              type="primary"
              id="submit-charity-button"
              loading={add.pending}
              disabled={add.pending}
              onClick={() => void submit()}
            >
              保存
            </Button>
            <Button type="primary" fill="outline" id="cancel-charity-button" onClick={() => setOpen(false)}>
              取消
            </Button>
          </View>
        </View>
      ) : (
        <View className="actions">
          <Button
            type="primary"
            id="add-charity-button"
            onClick={() => {
              setOpen(true);
              setErrors({});
            }}
          >
            添加慈善组织
          </Button>
        </View>
      )}

      <Text className="section-title">本区慈善组织</Text>
      {charities.loading && !charities.data ? (
        <LoadingState />
      ) : charities.error && !charities.data ? (
        <ErrorState error={charities.error} onRetry={() => void charities.reload()} />
      ) : !charities.data?.items.length ? (
        <EmptyState title="本区还没有登记慈善组织" description="添加后，社工发布资金类需求时即可选择" />
      ) : (
        <View id="charity-list">
          {charities.data.items.map((c) => (
            <View className="card" key={c.charityId} id={`charity-item-${c.charityId}`}>
              <Text className="activity-card__title">{c.name}</Text>
              <View className="meta-row">
                <Text className="meta-label">信用代码</Text>
                <Text className="meta-value">{c.registrationNo}</Text>
              </View>
              <View className="meta-row">
                <Text className="meta-label">募捐项目</Text>
                <Text className="meta-value">{c.projectName}</Text>
              </View>
              <Text className="row-block">{c.projectUrl}</Text>
              {c.howToGive ? <Text className="row-block text-secondary">{c.howToGive}</Text> : null}
              <View className="actions">
                <Button
                  type="primary"
                  fill="outline"
                  id={`open-charity-link-${c.charityId}`}
                  onClick={() => openProjectLink(c.projectUrl)}
                >
                  {OPEN_LINK_LABEL}
                </Button>
              </View>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
