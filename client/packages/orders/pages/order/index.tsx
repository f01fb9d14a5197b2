import { Button, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import {
  DELIVERY_MODES,
  PREFERRED_TIMES,
  PREFERRED_TIME_KEYS,
  RELATIONSHIPS,
  RELATIONSHIP_KEYS,
} from '../../../../../shared/domain/orders';
import { maskPhone } from '../../../../../shared/domain/privacy';
import { ChoiceChips, FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, readParam } from '../../../../lib/routes';
import { useMenu, useOrderDefaults, usePlaceForResident, usePlaceOrder } from '../../api/orders';
import { requestOrderNotice } from '../../api/subscribe';
import { MenuItemCard } from '../../components/menu-item-card';
import { OrderPhotoField, type UploadedPhoto } from '../../components/photo-field';
import { newClientKey, parseOrderForm, type Errors, type OrderFormValues } from '../../lib/forms';
import { hoursText, urgentHint } from '../../lib/text';
import '../../components/orders.scss';

const TIME_OPTIONS = PREFERRED_TIME_KEYS.map((key) => ({ key, label: PREFERRED_TIMES[key] }));
const RELATIONSHIP_OPTIONS = RELATIONSHIP_KEYS.map((key) => ({ key, label: RELATIONSHIPS[key] }));
const VIA_OPTIONS = [
  { key: 'phone' as const, label: '电话登记' },
  { key: 'desk' as const, label: '窗口登记' },
];

/**
 * 我要点单: the item chosen on the menu, then only what the station needs — when suits, the phone
 * (prefilled), the address for a home service. A short description or a photo is optional. 为家人
 * 点单 names the person served and the relationship; staff with `?proxy=1` take it for someone
 * without a phone (代点单).
 */
export default function OrderFormPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const itemId = readParam(params.itemId);
  const proxy = readParam(params.proxy) === '1';
  const menu = useMenu(stationId);
  const me = useMe();
  const defaults = useOrderDefaults(Boolean(me.data) && !proxy);
  const item = useMemo(() => menu.data?.items.find((i) => i.itemId === itemId), [menu.data, itemId]);
  const [clientKey] = useState(newClientKey);
  const [photo, setPhoto] = useState<UploadedPhoto | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [editPhone, setEditPhone] = useState(proxy);
  const [values, setValues] = useState<OrderFormValues>({
    title: '',
    description: '',
    preferredTime: 'anytime',
    timeNote: '',
    contactPhone: '',
    address: '',
    delivery: '',
    urgent: false,
    photoFileId: '',
    forOther: false,
    recipientName: '',
    relationship: '',
    via: '',
  });
  const set = <K extends keyof OrderFormValues>(key: K, value: OrderFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };
  // Prefill the phone and the last home address once they arrive; the person can still change them.
  useEffect(() => {
    if (!defaults.data) return;
    setValues((v) => ({
      ...v,
      contactPhone: v.contactPhone || defaults.data?.contactPhone || '',
      address: v.address || defaults.data?.address || '',
    }));
    if (!defaults.data.contactPhone) setEditPhone(true);
  }, [defaults.data]);
  useEffect(() => {
    if (item && !values.delivery) setValues((v) => ({ ...v, delivery: item.delivery[0] ?? '' }));
  }, [item, values.delivery]);

  const onError = (error: { fields?: Record<string, string> }) => {
    if (error.fields) {
      const next: Errors = {};
      for (const [path, message] of Object.entries(error.fields)) next[path.split('.').pop() ?? path] = message;
      setErrors(next);
    }
    return false;
  };
  const place = usePlaceOrder({ onError });
  const placeForResident = usePlaceForResident({ onError });
  const pending = place.pending || placeForResident.pending;

  if (!stationId) {
    return (
      <PageShell>
        <EmptyState title="缺少站点信息" description="请从社工站的服务清单进入" />
      </PageShell>
    );
  }
  if (!menu.data) {
    return (
      <PageShell>
        <PendingState remote={menu} />
      </PageShell>
    );
  }
  if (itemId && !item) {
    return (
      <PageShell>
        <EmptyState title="这项服务暂不受理" description="请回到服务清单选择其他服务" />
      </PageShell>
    );
  }

  const delivery = values.delivery || item?.delivery[0] || 'phone';
  const homeService = delivery === 'home';

  const submit = async () => {
    const parsed = parseOrderForm(
      { ...values, delivery, photoFileId: photo?.fileId ?? '' },
      { stationId, itemId, clientKey, homeService },
      proxy ? 'proxy' : 'resident',
    );
    if (!parsed.ok) {
      setErrors(parsed.errors);
      return;
    }
    // Asked inside the tap, before any await (WeChat allows the prompt only there).
    await (proxy ? Promise.resolve() : requestOrderNotice());
    const result =
      parsed.kind === 'proxy' ? await placeForResident.run(parsed.request) : await place.run(parsed.request);
    if (result.ok) {
      showSuccess('已提交');
      void Taro.redirectTo({ url: `${ROUTES.orderDetail}?orderId=${result.value.orderId}` });
    }
  };

  return (
    <PageShell>
      {item ? (
        <MenuItemCard item={item} />
      ) : (
        <View className="card">
          <Text className="order-card__title">其他需求</Text>
          <Text className="order-card__line">清单里没有的需求，社工会先看一看，再安排或为您转介。</Text>
        </View>
      )}
      <View id="order-form">
        {proxy ? (
          <View>
            <Text className="notice">代居民点单：为没有手机的居民登记，操作会被记录。</Text>
            <FormField name="via" label="登记方式" required error={errors.via}>
              <ChoiceChips name="via" options={VIA_OPTIONS} value={values.via} onChange={(v) => set('via', v)} />
            </FormField>
            <FormField name="recipientName" label="居民姓名" required error={errors.recipientName}>
              <View className="form-input">
                <Input
                  id="recipient-name-input"
                  value={values.recipientName}
                  maxLength={20}
                  onChange={(v) => set('recipientName', v)}
                />
              </View>
            </FormField>
          </View>
        ) : (
          <View className="card">
            {/* The whole row is the tap target (≥ 60 px in 大字模式), not only the small switch. */}
            <View
              className="meta-row tap-target"
              id="for-other-entry"
              onClick={() => set('forOther', !values.forOther)}
            >
              <Text className="meta-value text-strong">为家人点单</Text>
              <View onClick={(event) => event.stopPropagation()}>
                <Switch id="for-other-switch" checked={values.forOther} onChange={(v) => set('forOther', v)} />
              </View>
            </View>
            {values.forOther ? (
              <View>
                <FormField name="recipientName" label="家人的称呼" required error={errors.recipientName}>
                  <View className="form-input">
                    <Input
                      id="recipient-name-input"
                      value={values.recipientName}
                      maxLength={20}
                      placeholder="如：王奶奶"
                      onChange={(v) => set('recipientName', v)}
                    />
                  </View>
                </FormField>
                <FormField name="relationship" label="您是 TA 的" required error={errors.relationship}>
                  <ChoiceChips
                    name="relationship"
                    options={RELATIONSHIP_OPTIONS}
                    value={values.relationship}
                    onChange={(v) => set('relationship', v)}
                  />
                </FormField>
              </View>
            ) : null}
          </View>
        )}

        {item ? null : (
          <FormField name="title" label="需要什么帮助" required error={errors.title}>
            <View className="form-input">
              <Input
                id="title-input"
                value={values.title}
                maxLength={20}
                placeholder="一句话，如：帮忙换灯泡"
                onChange={(v) => set('title', v)}
              />
            </View>
          </FormField>
        )}

        {item && item.delivery.length > 1 ? (
          <FormField name="delivery" label="服务方式" error={errors.delivery}>
            <ChoiceChips
              name="delivery"
              options={item.delivery.map((key) => ({ key, label: DELIVERY_MODES[key] }))}
              value={delivery}
              onChange={(v) => set('delivery', v)}
            />
          </FormField>
        ) : null}

        <FormField name="preferredTime" label="什么时候方便" error={errors.preferredTime}>
          <ChoiceChips
            name="time"
            options={TIME_OPTIONS}
            value={values.preferredTime}
            onChange={(v) => set('preferredTime', v)}
          />
        </FormField>

        <FormField name="contactPhone" label="联系电话" required error={errors.contactPhone}>
          {editPhone ? (
            <View className="form-input">
              <Input
                id="phone-input"
                type="digit"
                value={values.contactPhone}
                maxLength={11}
                onChange={(v) => set('contactPhone', v)}
              />
            </View>
          ) : (
            <View className="meta-row">
              <Text className="meta-value" id="phone-masked">
                {maskPhone(values.contactPhone)}
              </Text>
              <Text
                className="datetime-field__clear tap-target"
                id="edit-phone-button"
                onClick={() => setEditPhone(true)}
              >
                修改
              </Text>
            </View>
          )}
        </FormField>

        {homeService ? (
          <FormField name="address" label="上门地址" required error={errors.address}>
            <View className="form-input">
              <Input
                id="address-input"
                value={values.address}
                maxLength={80}
                placeholder="小区、楼号、门牌"
                onChange={(v) => set('address', v)}
              />
            </View>
          </FormField>
        ) : null}

        <FormField
          name="description"
          label="简单说说情况"
          hint="可不填；不方便打字可以拍张照片"
          error={errors.description}
        >
          <View className="form-input">
            <TextArea
              id="description-input"
              value={values.description}
              maxLength={200}
              onChange={(v) => set('description', v)}
            />
          </View>
        </FormField>

        <OrderPhotoField
          name="order-photo"
          label="照片（可选）"
          stationId={stationId}
          value={photo}
          onChange={setPhoto}
        />

        <View className="card">
          <View className="meta-row tap-target" id="urgent-entry" onClick={() => set('urgent', !values.urgent)}>
            <Text className="meta-value text-strong">紧急（涉及安全）</Text>
            <View onClick={(event) => event.stopPropagation()}>
              <Switch id="urgent-switch" checked={values.urgent} onChange={(v) => set('urgent', v)} />
            </View>
          </View>
          <Text className="hint">
            {values.urgent
              ? urgentHint(menu.data.urgent)
              : item
                ? `${hoursText(item.responseHours)}内响应，${hoursText(item.completionHours)}内办结`
                : '社工会尽快联系您'}
          </Text>
        </View>

        {errors.form ? <Text className="form-field__error">！{errors.form}</Text> : null}
        <View className="actions">
          <Button
            type="primary"
            size="large"
            id="submit-order-button"
            loading={pending}
            disabled={pending}
            onClick={() => void submit()}
          >
            提交
          </Button>
        </View>
      </View>
    </PageShell>
  );
}
