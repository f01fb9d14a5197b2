import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { TPledge } from '../../../../../shared/contracts/donations';
import {
  DELIVERY_METHODS,
  NEED_KINDS,
  NEED_STATUS_LABELS,
  PLEDGE_STATUS_LABELS,
  formatFen,
  type DeliveryMethod,
  type NeedKind,
} from '../../../../../shared/domain/donation';
import { formatDate } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { ErrorState, LoadingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { requestDonationNotice } from '../../../../lib/subscribe';
import { useNeed, usePledge } from '../../api/donations';
import { CharityCard, CharityReceiptForm } from '../../components/charity';
import { DateField } from '../../../../components/date-field';
import { DeliveryInfo } from '../../components/delivery-info';
import { ChoiceChips, FormField, Progress } from '../../components/fields';
import { beijingDateIn } from '../../lib/format';
import { parsePledge, type Errors, type PledgeFormValues } from '../../lib/forms';
import { deliveryLead } from '../../lib/pledge-text';

const GOODS_METHODS: DeliveryMethod[] = ['drop_off', 'pickup', 'express'];

/** A need (or, with `?stationId=`, a general pledge to a station) and the pledge form. */
export default function NeedPage() {
  const { params } = useRouter();
  const needId = readParam(params.needId);
  const need = useNeed(needId);
  const me = useMe({ signInOnDemand: false });
  const stationId = need.data?.stationId ?? readParam(params.stationId);
  const stationName = need.data?.stationName ?? readParam(params.stationName) ?? '社工站';
  const funds = need.data?.kind === 'funds_via_charity';
  const [open, setOpen] = useState(!needId);
  const [errors, setErrors] = useState<Errors>({});
  const [done, setDone] = useState<TPledge | null>(null);
  const [values, setValues] = useState<PledgeFormValues>({
    quantity: '',
    deliveryMethod: '',
    expectedDate: beijingDateIn(3),
    message: '',
    anonymous: true,
    donorName: '',
    contactPhone: '',
    kind: '',
    unit: '',
  });
  const set = <K extends keyof PledgeFormValues>(key: K, value: PledgeFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  // Prefill from the profile once it arrives.
  useEffect(() => {
    if (me.data)
      setValues((v) => ({
        ...v,
        donorName: v.donorName || me.data?.nickname || '',
        contactPhone: v.contactPhone || me.data?.phone || '',
      }));
  }, [me.data]);
  useEffect(() => {
    if (funds) setValues((v) => ({ ...v, deliveryMethod: 'online_via_charity' }));
  }, [funds]);

  const pledge = usePledge({
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
    const parsed = parsePledge(values, { stationId, needId });
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    // From the tap itself (WeChat asks only inside a gesture): may we tell you when it arrives?
    void requestDonationNotice();
    const result = await pledge.run(parsed.request);
    if (result.ok) {
      showSuccess('认捐成功');
      setDone(result.value);
      void need.reload();
    }
  };

  if (needId && !need.data) {
    return (
      <PageShell>
        {need.error ? <ErrorState error={need.error} onRetry={() => void need.reload()} /> : <LoadingState />}
      </PageShell>
    );
  }
  if (!stationId) {
    return (
      <PageShell>
        <Text className="notice">缺少站点信息，请从站点页面进入。</Text>
      </PageShell>
    );
  }

  const unit = need.data?.unit ?? (values.unit || '件');
  const methods: DeliveryMethod[] = funds ? ['online_via_charity'] : GOODS_METHODS;
  const n = need.data;

  return (
    <PageShell>
      {n ? (
        <View className="card" id="need-card">
          <Text className="activity-card__title" id="need-title">
            {n.title}
          </Text>
          <View className="meta-row">
            <Text className="meta-label">站点</Text>
            <Text className="meta-value">{n.stationName}</Text>
          </View>
          <View className="meta-row">
            <Text className="meta-label">类型</Text>
            <Text className="meta-value">{NEED_KINDS[n.kind]}</Text>
          </View>
          <View className="meta-row">
            <Text className="meta-label">受益群体</Text>
            <Text className="meta-value">{n.beneficiaryGroup}</Text>
          </View>
          <View className="meta-row">
            <Text className="meta-label">截止</Text>
            <Text className="meta-value">{formatDate(n.deadline)}</Text>
          </View>
          <View className="meta-row">
            <Text className="meta-label">状态</Text>
            <Text className="meta-value" id="need-status">
              {NEED_STATUS_LABELS[n.status]}
            </Text>
          </View>
          {n.unitValueFen > 0 && !funds ? (
            <View className="meta-row">
              <Text className="meta-label">参考单价</Text>
              <Text className="meta-value">
                {formatFen(n.unitValueFen)} / {n.unit}
              </Text>
            </View>
          ) : null}
          <Progress
            id="need-progress"
            received={n.receivedQuantity}
            target={n.targetQuantity}
            pledged={n.pledgedQuantity}
            unit={n.unit}
            percent={n.receivedPercent}
          />
          {n.description ? <Text className="row-block">{n.description}</Text> : null}
        </View>
      ) : (
        <View className="card">
          <Text className="activity-card__title">向{stationName}捐赠</Text>
          <Text className="row-block">不针对某项需求的捐赠，由站点统筹用于有需要的居民。</Text>
        </View>
      )}

      {n && funds && n.charity ? <CharityCard charity={n.charity} /> : null}
      {!funds && !done ? <DeliveryInfo stationId={stationId} title="送到哪里" /> : null}

      {done ? (
        <View>
          <View className="card" id="pledge-result">
            <Text className="section-title">✓ 认捐已登记</Text>
            <Text className="row-block" id="pledge-result-status">
              状态：
              {done.charity && done.status === 'pledged'
                ? '已认捐，待您在慈善组织完成捐赠'
                : PLEDGE_STATUS_LABELS[done.status]}
            </Text>
            <Text className="row-block">
              {done.quantity} {done.unit}
              {done.estimatedValueFen > 0 ? `，估值 ${formatFen(done.estimatedValueFen)}` : ''}
            </Text>
            {done.charity ? (
              <View>
                <Text className="row-block">
                  请前往「{done.charity.name}」的「{done.charity.projectName}」项目页面完成捐赠，然后在这里填写票据号。
                </Text>
                {done.receiptNo ? (
                  <Text className="row-block" id="pledge-receipt-no">
                    ✓ 已保存电子捐赠票据号：{done.receiptNo}
                  </Text>
                ) : (
                  <CharityReceiptForm pledgeId={done.pledgeId} onDone={setDone} />
                )}
              </View>
            ) : (
              <Text className="row-block" id="pledge-result-next">
                {deliveryLead(done)}
              </Text>
            )}
            <View className="actions">
              <Button
                type="primary"
                fill="outline"
                id="open-my-pledges-button"
                onClick={() => openPage(ROUTES.myPledges)}
              >
                查看我的捐赠
              </Button>
            </View>
          </View>
          {done.charity ? null : <DeliveryInfo stationId={done.stationId} title="送达地点" />}
        </View>
      ) : n && n.status !== 'open' ? (
        <Text className="notice" id="need-not-open">
          该需求{NEED_STATUS_LABELS[n.status]}，暂不接受认捐。
        </Text>
      ) : !open ? (
        <View className="actions">
          <Button type="primary" id="pledge-button" onClick={() => setOpen(true)}>
            {funds ? '我要认捐（经慈善组织）' : '我要认捐'}
          </Button>
        </View>
      ) : (
        <View className="card" id="pledge-form">
          <Text className="section-title">填写认捐</Text>
          {!n ? (
            <View>
              <FormField name="kind" label="捐赠类型" required error={errors.kind}>
                <ChoiceChips
                  name="pledge-kind"
                  options={(['goods', 'service'] as NeedKind[]).map((key) => ({ key, label: NEED_KINDS[key] }))}
                  value={values.kind}
                  onChange={(key) => set('kind', key)}
                />
              </FormField>
              <FormField name="unit" label="单位" required hint="如：件、箱、次、小时" error={errors.unit}>
                <View className="form-input">
                  <Input id="pledge-unit-input" value={values.unit} maxLength={10} onChange={(v) => set('unit', v)} />
                </View>
              </FormField>
            </View>
          ) : null}
          <FormField
            name="quantity"
            label={funds ? '认捐金额（元）' : `数量（${unit}）`}
            required
            hint={funds ? '金额按整元填写，在慈善组织页面实际捐赠' : `请填写整数，单位：${unit}`}
            error={errors.quantity}
          >
            <View className="form-input">
              <Input
                id="pledge-quantity-input"
                type="number"
                value={values.quantity}
                onChange={(v) => set('quantity', v)}
              />
            </View>
          </FormField>
          <FormField name="deliveryMethod" label="送达方式" required error={errors.deliveryMethod}>
            <ChoiceChips
              name="delivery"
              options={methods.map((key) => ({ key, label: DELIVERY_METHODS[key] }))}
              value={values.deliveryMethod}
              onChange={(key) => set('deliveryMethod', key)}
            />
          </FormField>
          <FormField
            name="expectedDate"
            label={funds ? '预计捐赠日期' : '预计送达日期'}
            required
            error={errors.expectedDate}
          >
            <DateField name="expected-date" value={values.expectedDate} onChange={(v) => set('expectedDate', v)} />
          </FormField>
          <FormField name="message" label="留言" hint="请勿填写银行卡号、账号等支付信息" error={errors.message}>
            <View className="form-input">
              <TextArea
                id="pledge-message-input"
                value={values.message}
                maxLength={200}
                onChange={(v) => set('message', v)}
              />
            </View>
          </FormField>
          <FormField
            name="anonymous"
            label="匿名公开"
            hint={
              values.anonymous
                ? '已开启：公开时显示为“爱心人士”，不显示您的姓名和电话'
                : '已关闭：公示账本会显示您填写的捐赠人名称'
            }
          >
            <View className="meta-row">
              <Text id="pledge-anonymous-state">{values.anonymous ? '匿名（已开启）' : '显示名称（已关闭）'}</Text>
              <Switch id="pledge-anonymous-switch" checked={values.anonymous} onChange={(v) => set('anonymous', v)} />
            </View>
          </FormField>
          <FormField
            name="donorName"
            label="捐赠人名称"
            required
            hint="个人或企业名称，仅站点可见（匿名时）"
            error={errors.donorName}
          >
            <View className="form-input">
              <Input
                id="pledge-donor-name-input"
                value={values.donorName}
                maxLength={20}
                onChange={(v) => set('donorName', v)}
              />
            </View>
          </FormField>
          <FormField
            name="contactPhone"
            label="联系电话"
            required
            hint="仅用于站点与您联系，不会公开"
            error={errors.contactPhone}
          >
            <View className="form-input">
              <Input
                id="pledge-phone-input"
                type="tel"
                value={values.contactPhone}
                maxLength={11}
                onChange={(v) => set('contactPhone', v)}
              />
            </View>
          </FormField>
          <View className="actions">
            <Button
              type="primary"
              id="pledge-submit-button"
              loading={pledge.pending}
              disabled={pledge.pending}
              onClick={() => void submit()}
            >
              提交认捐
            </Button>
          </View>
        </View>
      )}
    </PageShell>
  );
}
