import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { TActivityDetail, TFamilyBooking } from '../../../../shared/contracts/activities';
import { familyMemberLabel } from '../../../../shared/domain/booking';
import { ConfirmDialog } from '../../../components/confirm-dialog';
import { showSuccess } from '../../../lib/feedback';
import { ROUTES, openPage } from '../../../lib/routes';
import { useCancelBooking, useClaimOffer, useSignUp } from '../api/use-booking';
import { bookingPanelState } from '../lib/booking-panel';

/** One family member's booking on this activity: whom, the state in words, and the one thing to do. */
function FamilyRow({
  activity,
  member,
  onChanged,
}: {
  activity: TActivityDetail;
  member: TFamilyBooking;
  onChanged: () => Promise<void>;
}) {
  const [asking, setAsking] = useState<'book' | 'cancel' | null>(null);
  const refresh = (error: { code: string }) => {
    if (error.code !== 'UNAUTHENTICATED') void onChanged();
  };
  const signUp = useSignUp({ onError: refresh });
  const cancel = useCancelBooking({ onError: refresh });
  const claim = useClaimOffer({ onError: refresh });
  const who = familyMemberLabel(member);
  const state = bookingPanelState(activity, member.booking, new Date(), true);
  const id = member.memberId;

  const run = async (what: 'book' | 'cancel' | 'claim') => {
    const result =
      what === 'book'
        ? await signUp.run(activity.activityId, id)
        : what === 'cancel'
          ? await cancel.run(activity.activityId, id)
          : await claim.run(activity.activityId, id);
    setAsking(null);
    if (!result.ok) return;
    showSuccess(
      what === 'cancel'
        ? '已取消'
        : what === 'book' && result.value.status === 'waitlisted'
          ? '已加入候补'
          : `已为${member.name}报名`,
    );
    await onChanged();
  };

  const line =
    state.kind === 'open'
      ? (state.refusal ?? state.previous?.text ?? '未报名')
      : state.kind === 'activityCancelled'
        ? '活动已取消'
        : state.line;
  const cancellable =
    (state.kind === 'confirmed' && !state.cancelRefusal && !state.ended) ||
    state.kind === 'waitlisted' ||
    state.kind === 'offered';
  const confirm = state.kind === 'open' ? state.confirm : null;
  return (
    <View className="family-row" id={`family-${id}`}>
      <Text className="text-strong family-row__who">{who}</Text>
      <Text className="family-row__state" id={`family-status-${id}`}>
        {line}
      </Text>
      <View className="actions">
        {state.kind === 'open' && !state.refusal ? (
          <Button
            type="primary"
            id={`family-book-${id}`}
            loading={signUp.pending}
            disabled={signUp.pending}
            onClick={() => (confirm ? setAsking('book') : void run('book'))}
          >
            {state.waitlistOpen ? `为${member.name}加入候补` : `为${member.name}报名`}
          </Button>
        ) : null}
        {state.kind === 'confirmed' && !state.ended ? (
          <Button
            type="primary"
            id={`family-code-${id}`}
            onClick={() => openPage(ROUTES.checkInCode, { activityId: activity.activityId, memberId: id })}
          >
            出示{member.name}的签到码
          </Button>
        ) : null}
        {state.kind === 'offered' ? (
          <Button type="primary" id={`family-claim-${id}`} loading={claim.pending} onClick={() => void run('claim')}>
            确认参加
          </Button>
        ) : null}
        {cancellable ? (
          <Button type="danger" fill="outline" id={`family-cancel-${id}`} onClick={() => setAsking('cancel')}>
            {state.kind === 'waitlisted' ? '退出候补' : '取消报名'}
          </Button>
        ) : null}
      </View>
      <ConfirmDialog
        visible={asking === 'book' && confirm !== null}
        title={confirm?.title ?? ''}
        content={`为${who}报名。\n${confirm?.content ?? ''}`}
        confirmText={confirm?.confirmText ?? '确认'}
        pending={signUp.pending}
        confirmId="confirm-family-book-button"
        cancelId="cancel-family-book-button"
        onConfirm={() => void run('book')}
        onCancel={() => setAsking(null)}
      />
      <ConfirmDialog
        visible={asking === 'cancel'}
        title={`取消${who}的报名？`}
        content={`名额会让给其他居民，如需参加要重新报名。\n活动：${activity.title}`}
        confirmText="确认取消"
        danger
        pending={cancel.pending}
        confirmId="confirm-family-cancel-button"
        cancelId="keep-family-booking-button"
        onConfirm={() => void run('cancel')}
        onCancel={() => setAsking(null)}
      />
    </View>
  );
}

/** 为家人报名: each family member's booking on this activity, or a way to add family first. */
export function FamilyBookings({ activity, onChanged }: { activity: TActivityDetail; onChanged: () => Promise<void> }) {
  if (activity.status === 'cancelled') return null;
  return (
    <View className="card" id="family-bookings">
      <Text className="section-title family-bookings__title">为家人报名</Text>
      {activity.familyBookings.length === 0 ? (
        <View className="actions">
          <Button fill="outline" id="add-family-link" onClick={() => openPage(ROUTES.family)}>
            添加家人后可为家人报名
          </Button>
        </View>
      ) : (
        activity.familyBookings.map((member) => (
          <FamilyRow key={member.memberId} activity={activity} member={member} onChanged={onChanged} />
        ))
      )}
    </View>
  );
}
