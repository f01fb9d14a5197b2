import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TActivityDetail } from '../../../../shared/contracts/activities';
import { showSuccess } from '../../../lib/feedback';
import { ROUTES, openPage } from '../../../lib/routes';
import { useMyShift, useSignUpShift } from '../api/use-shift';

const SHIFT_WORDS = {
  signed_up: '✓ 您已报名志愿岗位',
  checked_in: '✓ 服务中（已签到）',
  checked_out: '✓ 志愿服务已完成',
} as const;

/** 志愿者名额 N/M and 报名志愿岗位 (`volunteering.signUpShift`); a signed-up volunteer gets their shift code. */
export function VolunteerPanel({ activity, onChanged }: { activity: TActivityDetail; onChanged: () => Promise<void> }) {
  const shift = useMyShift(activity.activityId, true);
  const mine = shift.data ?? undefined;
  const signUp = useSignUpShift({
    onError: (error) => {
      if (error.code !== 'NOT_REGISTERED') return false;
      void Taro.showModal({
        title: '请先登记',
        content: error.userMessage,
        confirmText: '去登记',
        cancelText: '再想想',
      }).then((res) => (res.confirm ? openPage(ROUTES.volunteerRegister) : undefined));
      return true;
    },
  });
  const full = activity.volunteersSignedUp >= activity.volunteerSlots;
  const started = Date.parse(activity.startAt) <= Date.now();
  return (
    <View className="card" id="volunteer-panel">
      <Text className="booking-panel__hint" id="volunteer-slots">
        {`志愿者名额 ${activity.volunteersSignedUp}/${activity.volunteerSlots}${full ? '（已满）' : ''}`}
      </Text>
      {mine ? (
        <View>
          <Text className="status-line status-line--ok" id="shift-status">
            {mine.status === 'cancelled' ? '' : SHIFT_WORDS[mine.status]}
          </Text>
          {mine.status !== 'checked_out' ? (
            <Button
              type="primary"
              size="large"
              block
              id="show-shift-code-button"
              onClick={() => openPage(ROUTES.volunteerShiftCode, { activityId: activity.activityId })}
            >
              出示志愿者签到码
            </Button>
          ) : null}
        </View>
      ) : !full && !started && activity.status === 'published' ? (
        <Button
          type="primary"
          fill="outline"
          size="large"
          block
          id="shift-signup-button"
          loading={signUp.pending}
          disabled={signUp.pending}
          onClick={() =>
            void signUp.run(activity.activityId).then(async (answer) => {
              if (!answer.ok) return;
              showSuccess('志愿岗位报名成功');
              await Promise.all([shift.reload(), onChanged()]);
            })
          }
        >
          报名志愿岗位
        </Button>
      ) : null}
    </View>
  );
}
