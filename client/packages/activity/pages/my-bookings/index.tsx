import { Button, Tabs } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useState } from 'react';
import type { TMyBooking } from '../../../../../shared/contracts/activities';
import { familyMemberLabel } from '../../../../../shared/domain/booking';
import { ActivityCard } from '../../../../components/activity-card';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadMore, LoadingState } from '../../../../components/states';
import { showSuccess } from '../../../../lib/feedback';
import { ROUTES, openPage } from '../../../../lib/routes';
import { useClaimOffer } from '../../api/use-booking';
import { useMyBookings } from '../../api/use-my-bookings';
import { bookingLine } from '../../lib/booking-text';

type When = 'upcoming' | 'past';

/** A booking's state in words, and the one thing to do next right from the list. */
function BookingRow({
  booking,
  claiming,
  onClaim,
}: {
  booking: TMyBooking;
  claiming: boolean;
  onClaim: (booking: TMyBooking) => void;
}) {
  const { activity } = booking;
  if (activity.status === 'cancelled') {
    return <Text className="status-line status-line--danger">！活动已取消（点开查看原因）</Text>;
  }
  const line = bookingLine(booking, 'list');
  const member = booking.forMember;
  const suffix = member ? `-${member.memberId}` : '';
  return (
    <View>
      {member ? (
        <Text className="text-strong booking-for" id={`booking-for-${booking.activityId}${suffix}`}>
          为{familyMemberLabel(member)}报名
        </Text>
      ) : null}
      <Text className={`status-line status-line--${line.tone}`}>{line.text}</Text>
      {booking.status === 'confirmed' && activity.status === 'published' && Date.parse(activity.endAt) > Date.now() ? (
        <View className="actions">
          <Button
            type="primary"
            id={`show-code-${booking.activityId}${suffix}`}
            onClick={(event) => {
              event.stopPropagation();
              openPage(ROUTES.checkInCode, { activityId: booking.activityId, memberId: member?.memberId });
            }}
          >
            {member ? `出示${member.name}的签到码` : '出示签到码'}
          </Button>
        </View>
      ) : null}
      {booking.status === 'offered' ? (
        <View className="actions">
          <Button
            type="primary"
            id={`claim-offer-${booking.activityId}${suffix}`}
            loading={claiming}
            disabled={claiming}
            onClick={(event) => {
              event.stopPropagation();
              onClaim(booking);
            }}
          >
            确认参加
          </Button>
        </View>
      ) : null}
      {booking.status === 'checked_in' ? (
        <Text className="list-summary">
          {booking.myRating ? `我的评价：${booking.myRating.score} 分` : '还没有评价，点开活动打个分吧 ›'}
        </Text>
      ) : null}
    </View>
  );
}

/** The caller's bookings: 即将参加 (not yet ended) and 已结束, each paged, with every booking state in words. */
export default function MyBookingsPage() {
  const [when, setWhen] = useState<When>('upcoming');
  const list = useMyBookings(when);
  const claim = useClaimOffer({
    onError: (error) => {
      if (error.code !== 'UNAUTHENTICATED') void list.reload();
      return false;
    },
  });

  const claimSeat = async (booking: TMyBooking) => {
    const result = await claim.run(booking.activityId, booking.forMember?.memberId);
    if (result.ok) {
      showSuccess('报名成功');
      await list.reload();
    }
  };

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
              showSeats={false}
              onClick={() => openPage(ROUTES.activityDetail, { activityId: booking.activityId })}
            >
              <BookingRow booking={booking} claiming={claim.pending} onClaim={(b) => void claimSeat(b)} />
            </ActivityCard>
          ))}
          <LoadMore list={list} />
        </View>
      )}
    </PageShell>
  );
}
