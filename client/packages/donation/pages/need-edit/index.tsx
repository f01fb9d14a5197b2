import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { BENEFICIARY_GROUPS, NEED_KINDS, NEED_KIND_KEYS } from '../../../../../shared/domain/donation';
import { PageShell } from '../../../../components/page-shell';
import { showSuccess } from '../../../../lib/feedback';
import { readParam } from '../../../../lib/routes';
import { NEEDS_CHANGED, useCharities, useCreateNeed } from '../../api/donations';
import { DateField } from '../../../../components/date-field';
import { ChoiceChips, FormField, NoMoneyNotice } from '../../components/fields';
import { beijingDateIn } from '../../lib/format';
import { parseNeed, type Errors, type NeedFormValues } from '../../lib/forms';

/** Staff publish a need for a station they manage; validated with the SAME `ZNeedInput` as the server. */
export default function NeedEditPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const [values, setValues] = useState<NeedFormValues>({
    title: '',
    kind: '',
    unit: '',
    targetQuantity: '',
    unitValueYuan: '',
    deadline: beijingDateIn(30),
    beneficiaryGroup: '',
    description: '',
    charityId: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const funds = values.kind === 'funds_via_charity';
  const charities = useCharities(funds ? stationId : undefined);
  const set = <K extends keyof NeedFormValues>(key: K, value: NeedFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  const create = useCreateNeed({
    onError: (error) => {
      if (error.fields) {
        const next: Errors = {};
        for (const [path, message] of Object.entries(error.fields)) next[path.split('.').pop() ?? path] = message;
        setErrors(next);
      }
      return false;
    },
  });

  const submit = async () => {
    if (!stationId) return;
    const parsed = parseNeed(values);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    const result = await create.run({ stationId, data: parsed.input });
    if (result.ok) {
      showSuccess('需求已发布');
      Taro.eventCenter.trigger(NEEDS_CHANGED);
      void Taro.navigateBack();
    }
  };

  const text = (
    name: keyof NeedFormValues,
    label: string,
    opts: { max: number; hint?: string; type?: 'number' | 'digit' },
  ) => (
    <FormField
      name={name}
      label={label}
      required={name !== 'unitValueYuan'}
      hint={opts.hint}
      error={errors[name === 'unitValueYuan' ? 'unitValueFen' : name]}
    >
      <View className="form-input">
        <Input
          id={`need-${name}-input`}
          type={opts.type ?? 'text'}
          value={String(values[name])}
          maxLength={opts.max}
          onChange={(v) => set(name, v)}
        />
      </View>
    </FormField>
  );

  return (
    <PageShell>
      <View className="card" id="need-form">
        {text('title', '需求名称', { max: 40 })}
        <FormField name="kind" label="需求类型" required error={errors.kind}>
          <ChoiceChips
            name="need-kind"
            options={NEED_KIND_KEYS.map((key) => ({ key, label: NEED_KINDS[key] }))}
            value={values.kind}
            onChange={(key) => set('kind', key)}
          />
        </FormField>
        {funds ? <NoMoneyNotice /> : null}
        {funds ? (
          <FormField
            name="charityId"
            label="慈善组织"
            required
            hint="资金只能由具有公开募捐资格的慈善组织接收"
            error={errors.charityId}
          >
            {charities.data?.items.length ? (
              <ChoiceChips
                name="charity"
                options={charities.data.items.map((c) => ({ key: c.charityId, label: `${c.name} · ${c.projectName}` }))}
                value={values.charityId}
                onChange={(key) => set('charityId', key)}
              />
            ) : (
              <Text className="row-block">
                {charities.loading ? '正在加载…' : '本区还没有登记慈善组织，请联系指导中心添加'}
              </Text>
            )}
          </FormField>
        ) : (
          <View>
            {text('unit', '单位', { max: 10, hint: '如：件、箱、次、小时' })}
            {text('unitValueYuan', '参考单价（元，可不填）', {
              max: 11,
              hint: '用于公示估值，如 35 或 35.50',
              type: 'digit',
            })}
          </View>
        )}
        {text('targetQuantity', funds ? '目标金额（元）' : '目标数量', { max: 9, type: 'number' })}
        <FormField name="deadline" label="截止日期" required error={errors.deadline}>
          <DateField name="need-deadline" value={values.deadline} onChange={(v) => set('deadline', v)} />
        </FormField>
        <FormField name="beneficiaryGroup" label="受益群体" required error={errors.beneficiaryGroup}>
          <ChoiceChips
            name="need-group"
            options={BENEFICIARY_GROUPS.map((g) => ({ key: g as string, label: g as string }))}
            value={values.beneficiaryGroup}
            onChange={(g) => set('beneficiaryGroup', g)}
          />
        </FormField>
        <FormField
          name="description"
          label="需求说明"
          hint="请勿填写银行卡号、账号等支付信息"
          error={errors.description}
        >
          <View className="form-input">
            <TextArea
              id="need-description-input"
              value={values.description}
              maxLength={500}
              onChange={(v) => set('description', v)}
            />
          </View>
        </FormField>
        <View className="actions">
          <Button
            type="primary"
            id="publish-need-button"
            loading={create.pending}
            disabled={create.pending}
            onClick={() => void submit()}
          >
            发布需求
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
