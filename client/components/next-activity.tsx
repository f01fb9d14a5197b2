import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import type { TMyBooking } from '../../shared/contracts/activities';
import { familyMemberLabel } from '../../shared/domain/booking';
import { formatSpan } from '../../shared/domain/time';
import { myStateLine } from '../lib/activity-text';
import { ROUTES, openPage } from '../lib/routes';
import { TimeText } from './time-text';

/**
 * 首页's 我的下一场活动: the activity, when, whom the booking is for, its state in words, and
 * 出示签到码 right there (one tap from 首页 to the door).
 */
export function NextActivity({ booking }: { booking: TMyBooking }) {
  const { activity } = booking;
  const member = booking.forMember;
  const state = myStateLine({
    status: booking.status,
    waitlistPosition: booking.waitlistPosition,
    checkedInAt: booking.checkedInAt,
    forName: member ? familyMemberLabel(member) : null,
  });
  return (
    <View
      className="card next-activity"
      id="next-activity"
      onClick={() => openPage(ROUTES.activityDetail, { activityId: activity.activityId })}
    >
      <Text className="text-strong activity-card__title" id="next-activity-title">
        {activity.title}
      </Text>
      <View className="meta-row">
        <Text className="meta-label">时间</Text>
        <TimeText className="meta-value" id="next-activity-time" text={formatSpan(activity)} />
      </View>
      <View className="meta-row">
        <Text className="meta-label">地点</Text>
        <Text className="meta-value">{activity.location}</Text>
      </View>
      <Text className={`status-line status-line--${state.tone}`} id="next-activity-state">
        {state.text}
      </Text>
      {booking.status === 'confirmed' ? (
        <View className="actions">
          <Button
            type="primary"
            size="large"
            block
            id="next-activity-code-button"
            onClick={(event) => {
              event.stopPropagation();
              openPage(ROUTES.checkInCode, { activityId: activity.activityId, memberId: member?.memberId });
            }}
          >
            {member ? `出示${member.name}的签到码` : '出示签到码'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
