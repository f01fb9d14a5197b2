import { Tabs } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import { BOOKING_STATUS_LABELS } from '../../../../../shared/domain/activity';
import { formatDateTime } from '../../../../../shared/domain/time';
import { ActivityCard } from '../../../../components/activity-card';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useMyBookings } from '../../api/use-my-bookings';

type When = 'upcoming' | 'past';

/** The caller's bookings: 即将参加 (not yet ended) and 已结束, each paged. */
export default function MyBookingsPage() {
  const [when, setWhen] = useState<When>('upcoming');
  const list = useMyBookings(when);

  usePullDownRefresh(async () => {
    await list.reload();
    Taro.stopPullDownRefresh();
  });
  useReachBottom(() => void list.loadMore());

  return (
    <PageShell>
      <Tabs value={when} onChange={(value) => setWhen(value === 'past' ? 'past' : 'upcoming')} activeType="line">
        <Tabs.TabPane title="即将参加" value="upcoming" />
        <Tabs.TabPane title="已结束" value="past" />
      </Tabs>

      {list.loading && !list.loaded ? (
        <LoadingState />
      ) : list.error && !list.loaded ? (
        <ErrorState error={list.error} onRetry={() => void list.reload()} />
      ) : list.items.length === 0 ? (
        <EmptyState
          title={when === 'upcoming' ? '还没有报名的活动' : '还没有参加过的活动'}
          description={when === 'upcoming' ? '去看看社工站最近有哪些活动吧' : undefined}
          actionText={when === 'upcoming' ? '去看看活动' : undefined}
          actionId="browse-activities-button"
          onAction={when === 'upcoming' ? () => openPage(ROUTES.activityList) : undefined}
        />
      ) : (
        <View>
          <Text className="list-summary">共 {list.total} 条报名记录</Text>
          {list.items.map((booking) => (
            <ActivityCard
              key={booking.bookingId}
              activity={booking.activity}
              onClick={() => openPage(ROUTES.activityDetail, { activityId: booking.activityId })}
            >
              <Text
                className={`status-line ${booking.status === 'confirmed' ? 'status-line--ok' : 'status-line--warn'}`}
              >
                {booking.status === 'confirmed'
                  ? `${BOOKING_STATUS_LABELS.confirmed}（${formatDateTime(booking.createdAt)} 报名）`
                  : `${BOOKING_STATUS_LABELS.cancelled}${booking.cancelledAt ? `（${formatDateTime(booking.cancelledAt)}）` : ''}`}
              </Text>
            </ActivityCard>
          ))}
          <LoadMore
            hasMore={list.hasMore}
            loadingMore={list.loadingMore}
            error={list.loadMoreError}
            total={list.total}
            onLoadMore={() => void list.loadMore()}
          />
        </View>
      )}
    </PageShell>
  );
}
