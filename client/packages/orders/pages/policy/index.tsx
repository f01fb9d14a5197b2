import { Button, Input } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { TIME_CLASSES, TIME_CLASS_KEYS, type TimeClass } from '../../../../../shared/domain/orders';
import { FormField } from '../../../../components/form-field';
import { PageShell } from '../../../../components/page-shell';
import { PendingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { readParam } from '../../../../lib/routes';
import { usePolicy, useSetPolicy } from '../../api/orders';
import { hoursText } from '../../lib/text';
import '../../components/orders.scss';

type Hours = Record<TimeClass, { responseHours: string; completionHours: string }>;

/**
 * 响应与办结时限: the 中心's rules (12345-style defaults until it sets its own). Everyone sees the
 * rules in force; the 中心's head or admin may change them for orders placed afterwards.
 */
export default function PolicyPage() {
  const { params } = useRouter();
  const stationId = readParam(params.stationId);
  const policy = usePolicy(stationId);
  const [hours, setHours] = useState<Hours | null>(null);
  const [confirmHours, setConfirmHours] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSetPolicy({
    onError: (error) => {
      setProblem(Object.values(error.fields ?? {})[0] ?? error.userMessage);
      return true;
    },
  });
  useEffect(() => {
    const p = policy.data?.policy;
    if (!p) return;
    setHours(
      Object.fromEntries(
        TIME_CLASS_KEYS.map((k) => [
          k,
          { responseHours: String(p[k].responseHours), completionHours: String(p[k].completionHours) },
        ]),
      ) as Hours,
    );
    setConfirmHours(String(p.confirmHours));
  }, [policy.data]);

  if (!policy.data || !hours) {
    return (
      <PageShell>
        <PendingState remote={policy} />
      </PageShell>
    );
  }
  const data = policy.data;
  const int = (t: string) => (/^\d{1,4}$/.test(t.trim()) ? Number(t.trim()) : NaN);
  const submit = async () => {
    const values = Object.fromEntries(
      TIME_CLASS_KEYS.map((k) => [
        k,
        { responseHours: int(hours[k].responseHours), completionHours: int(hours[k].completionHours) },
      ]),
    ) as Record<TimeClass, { responseHours: number; completionHours: number }>;
    if (
      TIME_CLASS_KEYS.some((k) => Number.isNaN(values[k].responseHours) || Number.isNaN(values[k].completionHours)) ||
      Number.isNaN(int(confirmHours))
    ) {
      return setProblem('请填写整数小时');
    }
    setProblem(null);
    const result = await save.run({ centerId: data.centerId, data: { ...values, confirmHours: int(confirmHours) } });
    if (result.ok) {
      showSuccess('已保存');
      await policy.reload();
    }
  };

  return (
    <PageShell>
      <Text className="section-title" id="policy-center-name">
        {data.centerName}
      </Text>
      <Text className="notice" id="policy-source">
        {data.isDefault
          ? '目前使用默认规则（参照 12345 热线：紧急 2 小时响应、24 小时办结；一般 24 小时响应、7 天办结；复杂 15 天办结）。'
          : '中心已设置本区规则。'}
        修改只对之后提交的服务单生效。
      </Text>
      {TIME_CLASS_KEYS.map((k) => (
        <View className="card" key={k} id={`policy-${k}`}>
          <Text className="order-card__title">{TIME_CLASSES[k]}</Text>
          {data.canEdit ? (
            <View>
              <FormField name={`${k}-response`} label="响应时限（小时）">
                <View className="form-input">
                  <Input
                    id={`${k}-response-input`}
                    type="digit"
                    value={hours[k].responseHours}
                    onChange={(v) => setHours({ ...hours, [k]: { ...hours[k], responseHours: v } })}
                  />
                </View>
              </FormField>
              <FormField name={`${k}-completion`} label="办结时限（小时）">
                <View className="form-input">
                  <Input
                    id={`${k}-completion-input`}
                    type="digit"
                    value={hours[k].completionHours}
                    onChange={(v) => setHours({ ...hours, [k]: { ...hours[k], completionHours: v } })}
                  />
                </View>
              </FormField>
            </View>
          ) : (
            <Text className="row-block">{`${hoursText(data.policy[k].responseHours)}内响应，${hoursText(data.policy[k].completionHours)}内办结`}</Text>
          )}
        </View>
      ))}
      <View className="card">
        <Text className="order-card__title">居民确认期限</Text>
        {data.canEdit ? (
          <View className="form-input">
            <Input id="confirm-hours-input" type="digit" value={confirmHours} onChange={setConfirmHours} />
          </View>
        ) : (
          <Text className="row-block">{`办结后 ${hoursText(data.policy.confirmHours)}内可确认或要求重新办理`}</Text>
        )}
      </View>
      <Text className="hint">满 2 天且为整天的时限，截止到北京时间最后一天的 24:00。</Text>
      {problem ? <Text className="form-field__error">！{problem}</Text> : null}
      {data.canEdit ? (
        <View className="actions">
          <Button
            type="primary"
            id="save-policy-button"
            loading={save.pending}
            disabled={save.pending}
            onClick={() => void submit()}
          >
            保存时限规则
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
