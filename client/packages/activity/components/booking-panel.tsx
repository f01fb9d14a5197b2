import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TActivityDetail } from '../../../../shared/contracts/activities';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { TimeText } from '../../../components/time-text';
import { showSuccess } from '../../../lib/feedback';
import { ROUTES, openPage } from '../../../lib/routes';
import { requestWaitlistNotice } from '../../../lib/subscribe';
import { useCancelBooking, useClaimOffer, useSignUp } from '../api/use-booking';
import { bookingPanelState } from '../lib/booking-panel';
import { RatingPanel } from './rating-panel';

/** Buttons and texts shared by the booked states: give the seat/place/offer back, after a confirmation. */
function CancelBookingAction(props: {
  activity: TActivityDetail;
  label: string;
  title: string;
  content: string;
  confirmText: string;
  doneText: string;
  buttonId: string;
  onChanged: () => Promise<void>;
}) {
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelBooking({
    onError: (error) => {
      if (error.code !== 'UNAUTHENTICATED') void props.onChanged();
      return false;
    },
  });
  const confirm = async () => {
    const result = await cancel.run(props.activity.activityId);
    setConfirming(false);
    if (result.ok) {
      showSuccess(props.doneText);
      await props.onChanged();
    }
  };
  return (
    <View>
      <View className="actions">
        <Button type="danger" fill="outline" id={props.buttonId} onClick={() => setConfirming(true)}>
          {props.label}
        </Button>
      </View>
      <ConfirmDialog
        visible={confirming}
        title={props.title}
        content={`${props.content}\n活动：${props.activity.title}`}
        confirmText={props.confirmText}
        cancelText="再想想"
        danger
        pending={cancel.pending}
        confirmId="confirm-cancel-booking-button"
        cancelId="keep-booking-button"
        onConfirm={() => void confirm()}
        onCancel={() => setConfirming(false)}
      />
    </View>
  );
}

/**
 * The caller's booking in every state and what they can do next — book (asking first when the
 * cancel deadline has passed or the seat is a place in line), wait, claim, show the code, cancel,
 * rate. What to show is `bookingPanelState`'s decision; this renders it and runs the actions.
 */
export function BookingPanel({ activity, onChanged }: { activity: TActivityDetail; onChanged: () => Promise<void> }) {
  const [confirmingBooking, setConfirmingBooking] = useState(false);
  const refreshOnRefusal = (error: { code: string }) => {
    // The activity changed under us (full, closed …): show why, and the fresh state behind it.
    if (error.code !== 'UNAUTHENTICATED') void onChanged();
  };
  const signUp = useSignUp({ onError: refreshOnRefusal });
  const claim = useClaimOffer({ onError: refreshOnRefusal });
  const booking = activity.myBooking;
  const state = bookingPanelState(activity, booking, new Date());

  const book = async () => {
    const result = await signUp.run(activity.activityId);
    if (result.ok) {
      showSuccess(result.value.status === 'waitlisted' ? '已加入候补' : '报名成功');
      await onChanged();
    }
  };

  const confirmBooking = async (waitlist: boolean) => {
    // The subscription prompt must open inside this tap, before anything is awaited.
    const asked = waitlist ? requestWaitlistNotice() : Promise.resolve();
    await book();
    setConfirmingBooking(false);
    await asked;
  };

  const claimSeat = async () => {
    const result = await claim.run(activity.activityId);
    if (result.ok) {
      showSuccess('报名成功');
      await onChanged();
    }
  };

  switch (state.kind) {
    case 'activityCancelled':
      return (
        <View className="card" id="booking-panel">
          <Text className="status-line status-line--danger" id="activity-cancelled">
            ！本活动已取消
          </Text>
          {state.reason ? (
            <Text className="booking-panel__hint" id="cancel-reason">
              取消原因：{state.reason}
            </Text>
          ) : null}
          {state.bookingCancelled ? (
            <Text className="booking-panel__hint">您的报名已一并取消，无需任何操作。</Text>
          ) : null}
        </View>
      );
    case 'confirmed':
      return (
        <View className="card" id="booking-panel">
          <Text className="status-line status-line--ok" id="booking-status">
            {state.line}
          </Text>
          {state.ended ? (
            <Text className="booking-panel__hint">活动已结束。</Text>
          ) : (
            <View>
              <TimeText className="booking-panel__hint" id="check-in-hint" text={state.checkInHint} />
              <View className="actions">
                <Button
                  type="primary"
                  size="large"
                  block
                  id="show-code-button"
                  onClick={() => openPage(ROUTES.checkInCode, { activityId: activity.activityId })}
                >
                  出示签到码
                </Button>
              </View>
            </View>
          )}
          <TimeText className="booking-panel__hint" id="cancel-deadline" text={state.cancelDeadlineText} />
          {state.cancelRefusal ? (
            <Text className="status-line status-line--warn">{state.cancelRefusal}</Text>
          ) : (
            <CancelBookingAction
              activity={activity}
              label="取消报名"
              title="确认取消报名？"
              content="取消后名额会让给其他居民，如需参加要重新报名。"
              confirmText="确认取消"
              doneText="已取消报名"
              buttonId="cancel-booking-button"
              onChanged={onChanged}
            />
          )}
        </View>
      );
    case 'waitlisted':
      return (
        <View className="card" id="booking-panel">
          <Text className="status-line status-line--warn" id="booking-status">
            {state.line}
          </Text>
          <Text className="booking-panel__hint" id="waitlist-hint">
            {state.hint}
          </Text>
          <CancelBookingAction
            activity={activity}
            label="退出候补"
            title="确认退出候补？"
            content="退出后您在候补名单中的位置会让给后面的居民。"
            confirmText="确认退出"
            doneText="已退出候补"
            buttonId="cancel-booking-button"
            onChanged={onChanged}
          />
        </View>
      );
    case 'offered':
      return (
        <View className="card" id="booking-panel">
          <Text className="status-line status-line--warn" id="booking-status">
            {state.line}
          </Text>
          <Text className="booking-panel__hint">过了这个时间，名额会顺延给下一位候补的居民。</Text>
          <View className="actions">
            <Button
              type="primary"
              size="large"
              block
              id="claim-offer-button"
              loading={claim.pending}
              disabled={claim.pending}
              onClick={() => void claimSeat()}
            >
              确认参加
            </Button>
          </View>
          <CancelBookingAction
            activity={activity}
            label="放弃名额"
            title="确认放弃这个名额？"
            content="放弃后名额会让给下一位候补的居民，如需参加要重新报名。"
            confirmText="确认放弃"
            doneText="已放弃名额"
            buttonId="decline-offer-button"
            onChanged={onChanged}
          />
        </View>
      );
    case 'attended':
      return (
        <View>
          <View className="card" id="booking-panel">
            <Text className={`status-line status-line--${state.tone}`} id="booking-status">
              {state.line}
            </Text>
            {state.noShow ? <Text className="booking-panel__hint">如果您其实到场了，请联系社工站更正。</Text> : null}
          </View>
          {!state.noShow && booking ? (
            <RatingPanel activity={activity} booking={booking} onChanged={onChanged} />
          ) : null}
        </View>
      );
    case 'open': {
      const { confirm } = state;
      return (
        <View className="card" id="booking-panel">
          {state.previous ? (
            <Text className={`status-line status-line--${state.previous.tone}`} id="booking-status">
              {state.previous.text}
            </Text>
          ) : null}
          {state.refusal ? (
            <Text className="status-line status-line--warn" id="booking-refusal">
              {state.refusal}
            </Text>
          ) : (
            <TimeText
              className="booking-panel__hint"
              id={state.waitlistOpen ? 'waitlist-hint' : 'signup-hint'}
              text={state.hint}
            />
          )}
          <View className="actions">
            <Button
              type="primary"
              size="large"
              block
              id="book-button"
              disabled={Boolean(state.refusal) || signUp.pending}
              loading={signUp.pending && !confirmingBooking}
              onClick={() => (confirm ? setConfirmingBooking(true) : void book())}
            >
              {state.buttonLabel}
            </Button>
          </View>
          {confirm ? (
            <ConfirmDialog
              visible={confirmingBooking}
              title={confirm.title}
              content={confirm.content}
              confirmText={confirm.confirmText}
              cancelText="再想想"
              pending={signUp.pending}
              confirmId={state.waitlistOpen ? 'confirm-waitlist-button' : 'confirm-book-button'}
              cancelId={state.waitlistOpen ? 'cancel-waitlist-button' : 'cancel-book-button'}
              onConfirm={() => void confirmBooking(state.waitlistOpen)}
              onCancel={() => setConfirmingBooking(false)}
            />
          ) : null}
        </View>
      );
    }
  }
}
