import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ActivityCard } from '../../components/activity-card';
import { NextActivity } from '../../components/next-activity';
import { PageShell } from '../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../components/states';
import { StationCard } from '../../components/station-card';
import { useMe } from '../../hooks/use-me';
import { useNextBooking } from '../../hooks/use-next-booking';
import type { Remote } from '../../hooks/use-remote';
import { useUnreadMessages } from '../../hooks/use-unread-messages';
import { useStation } from '../../hooks/use-station';
import { useUpcomingActivities } from '../../hooks/use-upcoming-activities';
import type { TStationDetail } from '../../../shared/contracts/stations';
import { ROUTES, openPage } from '../../lib/routes';
import { activityScope } from '../../lib/station-scope';

function MyStation({ stationId, station }: { stationId: string | null; station: Remote<TStationDetail> }) {
  if (!stationId) {
    return (
      <View className="card">
        <EmptyState
          title="还没有选择您的社工站"
          description="我们可以按您的位置找到离您最近的社工站；选好后，这里会显示它的地址、电话和活动"
          actionText="找离我最近的社工站"
          actionId="choose-station-button"
          onAction={() => openPage(ROUTES.stations)}
        />
      </View>
    );
  }
  if (station.data) {
    return (
      <StationCard station={station.data} onClick={() => openPage(ROUTES.stationDetail, { stationId })}>
        <View className="actions">
          <Button
            type="primary"
            id="open-my-station-button"
            onClick={() => openPage(ROUTES.stationDetail, { stationId })}
          >
            进入站点
          </Button>
          <Button
            type="primary"
            id="home-order-button"
            onClick={(event) => {
              // The card around it opens the station page; this button opens the menu only.
              event.stopPropagation();
              openPage(ROUTES.orderMenu, { stationId });
            }}
          >
            我要点单
          </Button>
        </View>
      </StationCard>
    );
  }
  if (station.error) {
    return (
      <View className="card">
        <ErrorState error={station.error} onRetry={() => void station.reload()} />
      </View>
    );
  }
  return <LoadingState />;
}

export default function HomePage() {
  const me = useMe();
  useUnreadMessages(Boolean(me.data));
  // Until the profile answers, the station scope is unknown (undefined); a failed profile falls back to all.
  const homeStationId = me.data ? me.data.homeStationId : me.error ? null : undefined;
  const station = useStation(homeStationId);
  const upcoming = useUpcomingActivities(homeStationId);
  const next = useNextBooking(Boolean(me.data));
  // 查看全部活动: the resident's 站 and all its rooms, not only their own 室.
  const scope = station.data ? activityScope(station.data) : undefined;

  usePullDownRefresh(async () => {
    await Promise.all([me.reload(), upcoming.reload(), next.reload()]);
    Taro.stopPullDownRefresh();
  });

  return (
    <PageShell>
      <Text className="section-title" id="home-greeting">
        {me.data ? `您好，${me.data.nickname || '居民朋友'}` : '您好'}
      </Text>

      {next.data ? (
        <View>
          <Text className="section-title">我的下一场活动</Text>
          <NextActivity booking={next.data} />
        </View>
      ) : null}

      <Text className="section-title">我的社工站</Text>
      {me.data ? (
        <MyStation stationId={me.data.homeStationId} station={station} />
      ) : me.error ? (
        <View className="card">
          <ErrorState error={me.error} onRetry={() => void me.reload()} />
        </View>
      ) : (
        <LoadingState />
      )}

      <Text className="section-title">近期活动</Text>
      {upcoming.data ? (
        upcoming.data.length === 0 ? (
          <View className="card">
            <EmptyState title="近期暂无活动" description="社工站发布新活动后会显示在这里" />
          </View>
        ) : (
          upcoming.data.map((activity) => (
            <ActivityCard
              key={activity.activityId}
              activity={activity}
              mine={activity.mine}
              onClick={() => openPage(ROUTES.activityDetail, { activityId: activity.activityId })}
            />
          ))
        )
      ) : upcoming.error ? (
        <View className="card">
          <ErrorState error={upcoming.error} onRetry={() => void upcoming.reload()} />
        </View>
      ) : (
        <LoadingState />
      )}

      <View className="actions">
        <Button
          type="primary"
          fill="outline"
          id="all-activities-button"
          onClick={() => openPage(ROUTES.activityList, scope ?? {})}
        >
          查看全部活动
        </Button>
        <Button type="primary" fill="outline" id="browse-stations-button" onClick={() => openPage(ROUTES.stations)}>
          浏览社工站
        </Button>
      </View>
    </PageShell>
  );
}
