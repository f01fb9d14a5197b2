import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { formatDateTime } from '../../../../../shared/domain/time';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useMyHours } from '../../api/volunteering';
import '../../components/volunteer.scss';
import { KIND_LABELS, hoursText } from '../../lib/text';

/** 服务时长: totals kept apart by provenance, by month, by station, and every entry. */
export default function VolunteerHoursPage() {
  const hours = useMyHours();
  usePullDownRefresh(async () => {
    await hours.reload();
    Taro.stopPullDownRefresh();
  });

  if (!hours.data) {
    return (
      <PageShell>
        {hours.error?.code === 'NOT_REGISTERED' ? (
          <EmptyState
            title="您还不是登记志愿者"
            actionText="去登记"
            actionId="go-register-button"
            onAction={() => openPage(ROUTES.volunteerRegister)}
          />
        ) : hours.error ? (
          <ErrorState error={hours.error} onRetry={() => void hours.reload()} />
        ) : (
          <LoadingState />
        )}
      </PageShell>
    );
  }
  const { totals, byMonth, byStation, entries } = hours.data;
  return (
    <PageShell>
      <View className="card" id="hours-totals">
        <Text className="vol-label">累计服务时长</Text>
        <Text className="vol-big" id="total-hours">
          {hoursText(totals.totalMinutes)}
        </Text>
        <Text className="vol-row__line" id="verified-hours">
          签到核实：{hoursText(totals.verifiedMinutes)}
        </Text>
        <Text className="vol-row__line" id="topup-hours">
          补录：{hoursText(totals.topupMinutes)}
        </Text>
        {totals.adjustmentMinutes !== 0 ? (
          <Text className="vol-row__line" id="adjustment-hours">
            更正：{totals.adjustmentMinutes > 0 ? '+' : ''}
            {hoursText(totals.adjustmentMinutes)}
          </Text>
        ) : null}
      </View>

      {entries.length === 0 ? (
        <EmptyState
          title="还没有服务时长记录"
          description="报名志愿岗位，到场和离开时请社工扫码，时长会自动记录"
          actionText="申请补录"
          actionId="go-claim-button"
          onAction={() => openPage(ROUTES.volunteerClaim)}
        />
      ) : (
        <View>
          <View className="card" id="hours-by-month">
            <Text className="section-title">按月份</Text>
            {byMonth.map((month) => (
              <View className="vol-row" key={month.month}>
                <Text className="vol-row__line">{`${month.month}：共 ${hoursText(month.totalMinutes)}`}</Text>
                <Text className="hint">{`签到核实 ${hoursText(month.verifiedMinutes)} · 补录 ${hoursText(month.topupMinutes)}`}</Text>
              </View>
            ))}
          </View>
          <View className="card" id="hours-by-station">
            <Text className="section-title">按站点</Text>
            {byStation.map((station) => (
              <View className="vol-row" key={station.stationId}>
                <Text className="vol-row__line">{`${station.stationName}：共 ${hoursText(station.totalMinutes)}`}</Text>
                <Text className="hint">{`签到核实 ${hoursText(station.verifiedMinutes)} · 补录 ${hoursText(station.topupMinutes)}`}</Text>
              </View>
            ))}
          </View>
          <View className="card" id="hours-entries">
            <Text className="section-title">全部记录（共 {entries.length} 条）</Text>
            {entries.map((entry) => (
              <View className="vol-row" key={entry.entryId} id={`entry-${entry.entryId}`}>
                <View>
                  <Text className="vol-tag" id={`entry-kind-${entry.entryId}`}>
                    {KIND_LABELS[entry.kind]}
                  </Text>
                  <Text className="text-strong">
                    {entry.minutes > 0 && entry.kind === 'adjustment' ? '+' : ''}
                    {hoursText(entry.minutes)}
                  </Text>
                </View>
                <Text className="vol-row__line">{entry.activityTitle ?? '（未关联活动）'}</Text>
                <Text className="hint">{`${formatDateTime(entry.serviceDate)} · ${entry.stationName}`}</Text>
                <Text className="hint">{`来源：${entry.provenance}${entry.autoClosed ? '（系统自动签退）' : ''}`}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </PageShell>
  );
}
