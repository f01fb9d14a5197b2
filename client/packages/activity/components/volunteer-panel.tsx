import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TActivityDetail } from '../../../../shared/contracts/activities';
import { cancelRefusal } from '../../../../shared/domain/activity';
import { formatDateTime } from '../../../../shared/domain/time';
import { ERROR_MESSAGES } from '../../../../shared/errors';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TimeText } from '../../../components/time-text';
import { showSuccess } from '../../../lib/feedback';
import { ROUTES, openPage } from '../../../lib/routes';
import { useCancelShift, useMyShift, useSignUpShift } from '../api/use-shift';
import { scheduleOf } from '../lib/booking-panel';

const SHIFT_WORDS = {
  signed_up: '✓ 您已报名志愿岗位',
  checked_in: '✓ 服务中（已签到）',
  checked_out: '✓ 志愿服务已完成',
} as const;

/**
 * For registered volunteers: 志愿者名额 N/M, 报名志愿岗位 (`volunteering.signUpShift`), the shift
 * code once signed up, and 取消志愿岗位 until the activity's cancellation deadline, after a
 * confirmation.
 */
export function VolunteerPanel({ activity, onChanged }: { activity: TActivityDetail; onChanged: () => Promise<void> }) {
  const shift = useMyShift(activity.activityId, true);
  const mine = shift.data ?? undefined;
  const [confirmingCancel, setConfirmingCancel] = useState(false);
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
  const cancel = useCancelShift({
    onError: (error) => {
      if (error.code !== 'UNAUTHENTICATED') void Promise.all([shift.reload(), onChanged()]);
      return false;
    },
  });
  const full = activity.volunteersSignedUp >= activity.volunteerSlots;
  const started = Date.parse(activity.startAt) <= Date.now();
  const refusal = cancelRefusal(scheduleOf(activity), new Date());

  const confirmCancel = async () => {
    const answer = await cancel.run(activity.activityId);
    setConfirmingCancel(false);
    if (!answer.ok) return;
    showSuccess('已取消志愿岗位');
    await Promise.all([shift.reload(), onChanged()]);
  };

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
          {mine.status === 'signed_up' ? (
            refusal ? (
              <Text className="status-line status-line--warn" id="shift-cancel-refusal">
                {ERROR_MESSAGES[refusal]}
              </Text>
            ) : (
              <View>
                <TimeText
                  className="booking-panel__hint"
                  id="shift-cancel-deadline"
                  text={`取消截止：${formatDateTime(activity.cancelDeadline)}`}
                />
                <View className="actions">
                  <Button
                    type="danger"
                    fill="outline"
                    id="cancel-shift-button"
                    onClick={() => setConfirmingCancel(true)}
                  >
                    取消志愿岗位
                  </Button>
                </View>
              </View>
            )
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
      <ConfirmDialog
        visible={confirmingCancel}
        title="确认取消志愿岗位？"
        content={`取消后岗位会让给其他志愿者，如需参加要重新报名。\n活动：${activity.title}`}
        confirmText="确认取消"
        danger
        pending={cancel.pending}
        confirmId="confirm-cancel-shift-button"
        cancelId="keep-shift-button"
        onConfirm={() => void confirmCancel()}
        onCancel={() => setConfirmingCancel(false)}
      />
    </View>
  );
}
