import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { useLiveReload } from '../../../../hooks/use-live-reload';
import { useMe } from '../../../../hooks/use-me';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivity } from '../../api/use-activity';
import { ActivityFacts } from '../../components/activity-facts';
import { BookingPanel } from '../../components/booking-panel';
import { FamilyBookings } from '../../components/family-bookings';
import { VolunteerPanel } from '../../components/volunteer-panel';
import './index.scss';

/** Remaining seats are refreshed this often while the page is on screen. */
const LIVE_SEATS_MS = 30_000;

/**
 * One activity: its facts, the caller's booking panel (every booking state), booking for family
 * members once signed in, the volunteer panel for registered volunteers (and the activity's staff)
 * when it recruits volunteers, the description, and 编辑活动 for staff who manage it.
 */
export default function ActivityDetailPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const activity = useActivity(activityId);
  const me = useMe({ signInOnDemand: false });
  useLiveReload(activity.reload, LIVE_SEATS_MS);

  usePullDownRefresh(async () => {
    await activity.reload();
    Taro.stopPullDownRefresh();
  });

  if (!activity.data) {
    return (
      <PageShell>
        {activity.error ? (
          <ErrorState error={activity.error} onRetry={() => void activity.reload()} />
        ) : activityId ? (
          <LoadingState />
        ) : (
          <EmptyState
            title="没有找到这个活动"
            actionText="查看全部活动"
            onAction={() => openPage(ROUTES.activityList)}
          />
        )}
      </PageShell>
    );
  }

  const data = activity.data;
  // Volunteer slots are for volunteers: a resident who never registered is not shown "志愿者名额 0/6".
  const volunteerView = data.volunteerSlots > 0 && Boolean(me.data?.volunteerNo || data.canManage);
  return (
    <PageShell>
      <ActivityFacts activity={data} />
      <BookingPanel activity={data} onChanged={activity.reload} />
      {me.data ? <FamilyBookings activity={data} onChanged={activity.reload} /> : null}
      {volunteerView ? <VolunteerPanel activity={data} onChanged={activity.reload} /> : null}

      {data.description ? (
        <View className="card">
          <Text className="section-title">活动介绍</Text>
          <Text className="activity-detail__description">{data.description}</Text>
        </View>
      ) : null}

      {data.canManage ? (
        <View className="actions">
          <Button
            type="primary"
            fill="outline"
            id="edit-activity-button"
            onClick={() => openPage(ROUTES.staffEdit, { activityId: data.activityId })}
          >
            编辑活动
          </Button>
        </View>
      ) : null}
    </PageShell>
  );
}
