import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useState } from 'react';
import { formatIndicator, INDICATORS, type IndicatorKey } from '../../../../../shared/domain/report';
import { formatTime } from '../../../../../shared/domain/time';
import { visitCardLine } from '../../../../../shared/domain/visit-rate';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState, PendingState } from '../../../../components/states';
import { useMe } from '../../../../hooks/use-me';
import { ROUTES, openPage, type Route } from '../../../../lib/routes';
import { type TodayData, useToday } from '../../api/reports';
import { OrderCards } from '../../components/order-cards';
import { StationPicker } from '../../components/station-picker';
import { monthLabel } from '../../lib/month';
import { hasAnywhere, stationsWith } from '../../lib/stations';
import '../../components/console.scss';

type QueueKey = keyof TodayData['queues'];
type Activity = TodayData['activitiesToday'][number];

/** The queue cards: name, what the count means, and the page (with its query) a tap opens. */
const QUEUES: { key: QueueKey; name: string; route: Route; query?: Record<string, string> }[] = [
  { key: 'pendingClaims', name: '待审核补录', route: ROUTES.volunteerReview, query: { tab: 'claims' } },
  { key: 'autoClosedToReview', name: '自动签退待复核', route: ROUTES.volunteerReview, query: { tab: 'autoClosed' } },
  { key: 'pledgesExpectedThisWeek', name: '本周待收捐赠', route: ROUTES.donationStaff, query: { filter: 'week' } },
  { key: 'pledgesOverdue', name: '逾期捐赠', route: ROUTES.donationStaff, query: { filter: 'overdue' } },
  { key: 'offersPending', name: '候补待确认', route: ROUTES.staffActivities },
];

const KEY_FIGURES: IndicatorKey[] = [
  'activitiesHeld',
  'attendances',
  'residentsServed',
  'verifiedMinutes',
  'pledgesReceived',
  'averageRatingTenths',
];

/** The activity the big 扫码签到 opens: the first one today that has not ended, else the last. */
function scanTarget(activities: Activity[]): Activity | undefined {
  const now = Date.now();
  return activities.find((a) => new Date(a.endAt).getTime() > now) ?? activities[activities.length - 1];
}

function ActivityRow({ activity }: { activity: Activity }) {
  return (
    <View className="card" id={`today-${activity.activityId}`}>
      <Text className="activity-card__title">{activity.title}</Text>
      <View className="meta-row">
        <Text className="meta-label">时间</Text>
        <Text className="meta-value">{`${formatTime(activity.startAt)}–${formatTime(activity.endAt)}`}</Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">报名</Text>
        <Text className="meta-value" id={`seats-${activity.activityId}`}>
          {`已报名 ${activity.confirmed} / 名额 ${activity.capacity}`}
          {activity.waitlisted > 0 ? ` · 候补 ${activity.waitlisted} 人` : ''}
        </Text>
      </View>
      <View className="meta-row">
        <Text className="meta-label">签到</Text>
        <Text className="meta-value" id={`checked-in-${activity.activityId}`}>{`已签到 ${activity.checkedIn} 人`}</Text>
      </View>
      <View className="actions">
        <Button
          type="primary"
          id={`console-scan-${activity.activityId}`}
          onClick={() => openPage(ROUTES.staffScan, { activityId: activity.activityId })}
        >
          扫码签到
        </Button>
        <Button
          fill="outline"
          id={`console-roster-${activity.activityId}`}
          onClick={() => openPage(ROUTES.staffRoster, { activityId: activity.activityId })}
        >
          查看名单
        </Button>
      </View>
    </View>
  );
}

/** Staff: the console (工作台) of a station — today, queues, this month, and the way to the rest. */
export default function ConsoleHomePage() {
  const me = useMe();
  const stations = me.data ? stationsWith(me.data, 'report:read') : [];
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const stationId = stations.some((s) => s.stationId === chosen) ? chosen : stations[0]?.stationId;
  const today = useToday(stationId);

  usePullDownRefresh(async () => {
    await Promise.all([me.reload(), today.reload()]);
    Taro.stopPullDownRefresh();
  });

  if (!me.data) {
    return (
      <PageShell>
        <PendingState remote={me} />
      </PageShell>
    );
  }
  if (!stationId) {
    return (
      <PageShell>
        <EmptyState title="您还没有工作台权限" description="如需开通，请联系区级指导中心" />
      </PageShell>
    );
  }
  const isAdmin = hasAnywhere(me.data, 'roles:grant');
  const canAudit = stationsWith(me.data, 'audit:read').length > 0;
  const data = today.data;
  const target = data ? scanTarget(data.activitiesToday) : undefined;

  return (
    <PageShell>
      <StationPicker stations={stations} value={stationId} onChange={setChosen} />

      {today.loading && !data ? (
        <LoadingState />
      ) : today.error && !data ? (
        <ErrorState error={today.error} onRetry={() => void today.reload()} />
      ) : data ? (
        <View>
          <Button
            className="console-scan"
            type="primary"
            size="large"
            id="console-scan-entry"
            disabled={!target}
            onClick={() => target && openPage(ROUTES.staffScan, { activityId: target.activityId })}
          >
            {target ? `扫码签到 · ${target.title}` : '扫码签到（今天没有活动）'}
          </Button>

          <Text className="section-title">今日活动（{data.activitiesToday.length} 场）</Text>
          {data.activitiesToday.length === 0 ? (
            <View className="card" id="today-empty">
              <Text>今天没有活动</Text>
            </View>
          ) : (
            <View id="today-activities">
              {data.activitiesToday.map((activity) => (
                <ActivityRow key={activity.activityId} activity={activity} />
              ))}
            </View>
          )}

          <Text className="section-title">待办事项</Text>
          <View className="queue-grid" id="console-queues">
            {QUEUES.map((queue) => {
              const count = data.queues[queue.key];
              return (
                <View
                  key={queue.key}
                  className="queue-card"
                  id={`queue-${queue.key}`}
                  onClick={() => openPage(queue.route, queue.query && { stationId, ...queue.query })}
                >
                  <Text className="queue-card__count">{count}</Text>
                  <Text className="queue-card__name">{queue.name}</Text>
                  <Text className="queue-card__go">{count > 0 ? '去处理 ›' : '查看 ›'}</Text>
                </View>
              );
            })}
          </View>

          <OrderCards stationId={stationId} />

          <Text className="section-title">{monthLabel(data.month)}数据</Text>
          <View className="card">
            <View className="figure-grid" id="console-month-figures">
              {KEY_FIGURES.map((key) => (
                <View className="figure" key={key} id={`figure-${key}`}>
                  <Text className="figure__value">{formatIndicator(key, data.monthFigures[key] ?? 0)}</Text>
                  <Text className="figure__label">{INDICATORS[key].label}</Text>
                </View>
              ))}
            </View>
            <View className="actions">
              <Button
                type="primary"
                id="open-report-button"
                onClick={() => openPage(ROUTES.consoleReport, { stationId, month: data.month })}
              >
                查看月报
              </Button>
            </View>
          </View>

          <Text className="section-title">重点对象探访</Text>
          <View
            className="card"
            id="console-visits-card"
            onClick={() => openPage(ROUTES.targetsPlan, { stationId, view: 'month', all: 1 })}
          >
            <Text className="text-strong" id="console-visits-line">
              {visitCardLine(data.visits)}
            </Text>
            <Text className="hint">{`月探访率 ${(data.visits.ratePermille / 10).toFixed(1)}% · 去探访关爱 ›`}</Text>
          </View>

          <Text className="section-title">更多</Text>
          <View className="actions">
            <Button fill="outline" id="open-activities-button" onClick={() => openPage(ROUTES.staffActivities)}>
              活动管理
            </Button>
            {canAudit ? (
              <Button
                fill="outline"
                id="open-audit-button"
                onClick={() => openPage(ROUTES.consoleAudit, { stationId })}
              >
                操作记录
              </Button>
            ) : null}
            {isAdmin ? (
              <Button fill="outline" id="open-staff-button" onClick={() => openPage(ROUTES.consoleStaff)}>
                人员管理
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
    </PageShell>
  );
}
