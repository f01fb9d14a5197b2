import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { RISK_TIER_KEYS, RISK_TIERS } from '../../../../../shared/domain/targets';
import { VISIT_PERIOD_KEYS, type VisitPolicy } from '../../../../../shared/domain/visit-plan';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { showSuccess } from '../../../../lib/feedback';
import { readParam } from '../../../../lib/routes';
import { useSetVisitPolicy, useVisitPolicy } from '../../api/targets';
import { ChoiceChips, FormField } from '../../components/fields';
import { stationsWith } from '../../lib/stations';
import { VISIT_PERIOD_LABELS } from '../../lib/text';
import '../../components/targets.scss';

const PERIODS = VISIT_PERIOD_KEYS.map((key) => ({ key, label: VISIT_PERIOD_LABELS[key] }));

/**
 * 探访频次: how often each risk tier must be visited in the district. Everyone sees it; the centre's
 * admins change it (audited), and plans and the 月报 follow from the next request.
 */
export default function PolicyPage() {
  const me = useMe();
  const { params } = useRouter();
  const stationId = readParam(params.stationId) ?? stationsWith(me.data, 'targets:read')[0]?.stationId;
  const current = useVisitPolicy(stationId);
  const [policy, setPolicy] = useState<VisitPolicy | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useSetVisitPolicy();
  useEffect(() => {
    if (current.data) setPolicy(current.data.policy);
  }, [current.data]);

  if (!stationId)
    return (
      <PageShell>
        <EmptyState title="您还没有查看探访频次的权限" />
      </PageShell>
    );
  if (!current.data || !policy)
    return (
      <PageShell>
        <PendingState remote={current} />
      </PageShell>
    );
  const data = current.data;
  return (
    <PageShell>
      <View className="card" id="visit-policy">
        <Text className="section-title">{data.centerName}</Text>
        <Text className="hint">
          {data.isDefault ? '使用默认频次（高风险每周、重点每月、一般每季度）' : '本区设置的探访频次'}
        </Text>
        {RISK_TIER_KEYS.map((tier) => (
          <FormField key={tier} name={`policy-${tier}`} label={RISK_TIERS[tier]}>
            {data.canEdit ? (
              <ChoiceChips
                name={`policy-${tier}`}
                options={PERIODS}
                value={policy[tier]}
                onChange={(period) => setPolicy({ ...policy, [tier]: period })}
              />
            ) : (
              <Text id={`policy-${tier}-value`}>{VISIT_PERIOD_LABELS[policy[tier]]}</Text>
            )}
          </FormField>
        ))}
        <Text className="hint">另外：标记住院、丧亲、受灾等突发情况后，须在 24 小时内探访。</Text>
        {data.canEdit ? (
          <View className="actions">
            <Button type="primary" size="large" id="save-policy-button" onClick={() => setConfirming(true)}>
              保存
            </Button>
          </View>
        ) : null}
      </View>
      <ConfirmDialog
        visible={confirming}
        title="修改全区探访频次？"
        content="保存后全区的探访计划和月探访率都按新的频次计算。"
        confirmText="确认保存"
        confirmId="confirm-policy-button"
        cancelId="cancel-policy-button"
        pending={save.pending}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          const result = await save.run({ centerId: data.centerId, policy });
          setConfirming(false);
          if (result.ok) {
            showSuccess('已保存');
            await current.reload();
          }
        }}
      />
    </PageShell>
  );
}
