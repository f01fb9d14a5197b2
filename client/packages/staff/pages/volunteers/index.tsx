import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, PendingState } from '../../../../components/states';
import { TimeText } from '../../../../components/time-text';
import { readParam } from '../../../../lib/routes';
import { useActivityVolunteers } from '../../api/use-activity-volunteers';
import { shiftLine } from '../../lib/volunteer-rows';

/**
 * Staff: who volunteers on an activity — name, phone tail (for a call at the door), and when
 * each came and left, with the minutes recorded.
 */
export default function StaffVolunteersPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const volunteers = useActivityVolunteers(activityId);

  usePullDownRefresh(async () => {
    await volunteers.reload();
    Taro.stopPullDownRefresh();
  });

  if (!volunteers.data) {
    return (
      <PageShell>
        <PendingState remote={volunteers} />
      </PageShell>
    );
  }
  const { activityTitle, items } = volunteers.data;
  return (
    <PageShell>
      <View className="card">
        <Text className="section-title" id="volunteers-activity-title">
          {activityTitle}
        </Text>
        <Text className="hint" id="volunteers-summary">
          志愿者 {items.length} 人 · 已签到 {items.filter((v) => v.status !== 'signed_up').length} 人
        </Text>
      </View>
      {items.length === 0 ? (
        <EmptyState title="还没有志愿者报名" description="志愿者在活动页报名志愿岗位后会显示在这里" />
      ) : (
        <View id="volunteers-list">
          {items.map((row) => (
            <View className="card" key={row.shiftId} id={`volunteer-${row.shiftId}`}>
              <Text className="text-strong">{row.name}</Text>
              {row.phoneTail ? <Text className="hint">手机尾号 {row.phoneTail}</Text> : null}
              <TimeText
                className={`status-line status-line--${row.status === 'signed_up' ? 'warn' : 'ok'}`}
                id={`volunteer-state-${row.shiftId}`}
                text={shiftLine(row)}
              />
            </View>
          ))}
        </View>
      )}
    </PageShell>
  );
}
