import { Button } from '@nutui/nutui-react-taro';
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { type ReactNode, useState } from 'react';
import type { TActivityDetail } from '../../../../../shared/contracts/activities';
import {
  ACTIVITY_CATEGORIES,
  ACTIVITY_METHODS,
  ACTIVITY_STATUS_LABELS,
  cancelRefusal,
  isFull,
  signUpRefusal,
  type ActivitySchedule,
} from '../../../../../shared/domain/activity';
import { formatDateTime, formatSpan } from '../../../../../shared/domain/time';
import { ERROR_MESSAGES } from '../../../../../shared/errors';
import { ratingText, seatsText, waitlistText } from '../../../../components/activity-card';
import { ConfirmDialog } from '../../../../components/confirm-dialog';
import { PageShell } from '../../../../components/page-shell';
import { EmptyState, ErrorState, LoadingState } from '../../../../components/states';
import { useLiveReload } from '../../../../hooks/use-live-reload';
import { useAction } from '../../../../hooks/use-action';
import { useRemote } from '../../../../hooks/use-remote';
import { type FunctionRef, callFunction } from '../../../../lib/cloud';
import type { volunteeringContract } from '../../../../../shared/contracts/volunteering';
import { showSuccess } from '../../../../lib/feedback';
import { requestWaitlistNotice } from '../../../../lib/subscribe';
import { ROUTES, openPage, readParam } from '../../../../lib/routes';
import { useActivity } from '../../api/use-activity';
import { useCancelBooking, useClaimOffer, useSignUp } from '../../api/use-booking';
import { RatingPanel } from '../../components/rating-panel';
import { bookingLine } from '../../lib/booking-text';
import './index.scss';

/** Remaining seats are refreshed this often while the page is on screen. */
const LIVE_SEATS_MS = 30_000;

/** A phone number inside free text ("王社工 13800138000" or "021-65432100"), for tap-to-call. */
function phoneIn(text: string): string | null {
  const match = /1[3-9]\d{9}|0\d{2,3}-?\d{7,8}/.exec(text);
  return match ? match[0] : null;
}

function scheduleOf(activity: TActivityDetail): ActivitySchedule {
  return {
    status: activity.status,
    startAt: new Date(activity.startAt),
    endAt: new Date(activity.endAt),
    signUpOpensAt: new Date(activity.signUpOpensAt),
    signUpClosesAt: new Date(activity.signUpClosesAt),
    cancelDeadline: new Date(activity.cancelDeadline),
  };
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="meta-row">
      <Text className="meta-label">{label}</Text>
      <View className="meta-value">{children}</View>
    </View>
  );
}

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

/** When check-in opens: "开始前 30 分钟（9:00）起可签到". */
function checkInOpensText(activity: TActivityDetail): string {
  const opens = new Date(Date.parse(activity.startAt) - activity.checkInOpensMinutesBefore * 60_000);
  return activity.checkInOpensMinutesBefore > 0
    ? `活动开始前 ${activity.checkInOpensMinutesBefore} 分钟（${formatDateTime(opens)}）起可签到`
    : `活动开始时（${formatDateTime(opens)}）起可签到`;
}

/** The waitlist explained before joining it. */
function waitlistExplanation(activity: TActivityDetail): string {
  const ahead = activity.waitlisted > 0 ? `目前已有 ${activity.waitlisted} 人在候补。` : '';
  const how =
    activity.promotionMode === 'claim'
      ? `轮到您时，我们会发消息通知您，请在 ${activity.claimWindowHours} 小时内点“确认参加”，否则名额会顺延给下一位。`
      : '轮到您时会自动为您报名成功，并发消息通知您。';
  return `本活动名额已满。加入候补后，有人取消时按候补顺序依次递补。${ahead}\n${how}`;
}

/** The caller's booking in every state, and what they can do next: book, wait, claim, show the code, rate. */
function BookingPanel({ activity, onChanged }: { activity: TActivityDetail; onChanged: () => Promise<void> }) {
  const [confirmingWaitlist, setConfirmingWaitlist] = useState(false);
  const refreshOnRefusal = (error: { code: string }) => {
    // The activity changed under us (full, closed …): show why, and the fresh state behind it.
    if (error.code !== 'UNAUTHENTICATED') void onChanged();
  };
  const signUp = useSignUp({ onError: refreshOnRefusal });
  const claim = useClaimOffer({ onError: refreshOnRefusal });
  const now = new Date();
  const schedule = scheduleOf(activity);
  const booking = activity.myBooking;
  const status = booking?.status;

  const book = async () => {
    const result = await signUp.run(activity.activityId);
    if (result.ok) {
      showSuccess(result.value.status === 'waitlisted' ? '已加入候补' : '报名成功');
      await onChanged();
    }
  };

  const joinWaitlist = async () => {
    // The subscription prompt must open inside this tap, before anything is awaited.
    const asked = requestWaitlistNotice();
    await book();
    setConfirmingWaitlist(false);
    await asked;
  };

  const claimSeat = async () => {
    const result = await claim.run(activity.activityId);
    if (result.ok) {
      showSuccess('报名成功');
      await onChanged();
    }
  };

  if (activity.status === 'cancelled') {
    return (
      <View className="card" id="booking-panel">
        <Text className="status-line status-line--danger" id="activity-cancelled">
          ！本活动已取消
        </Text>
        {activity.cancelReason ? (
          <Text className="booking-panel__hint" id="cancel-reason">
            取消原因：{activity.cancelReason}
          </Text>
        ) : null}
        {booking && booking.status === 'cancelled' ? (
          <Text className="booking-panel__hint">您的报名已一并取消，无需任何操作。</Text>
        ) : null}
      </View>
    );
  }

  if (booking && status === 'confirmed') {
    const refusal = cancelRefusal(schedule, now);
    const ended = now >= schedule.endAt || activity.status === 'finished';
    return (
      <View className="card" id="booking-panel">
        <Text className="status-line status-line--ok" id="booking-status">
          {bookingLine(booking, 'detail').text}
        </Text>
        {ended ? (
          <Text className="booking-panel__hint">活动已结束。</Text>
        ) : (
          <View>
            <Text className="booking-panel__hint">{checkInOpensText(activity)}，到场后请出示签到码。</Text>
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
        <Text className="booking-panel__hint">取消截止：{formatDateTime(activity.cancelDeadline)}</Text>
        {refusal ? (
          <Text className="status-line status-line--warn">{ERROR_MESSAGES[refusal]}</Text>
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
  }

  if (booking && status === 'waitlisted') {
    return (
      <View className="card" id="booking-panel">
        <Text className="status-line status-line--warn" id="booking-status">
          {bookingLine(booking, 'detail').text}
        </Text>
        <Text className="booking-panel__hint" id="waitlist-hint">
          {activity.promotionMode === 'claim'
            ? `有人取消时按顺序递补。轮到您时会发消息通知您，请在 ${activity.claimWindowHours} 小时内确认参加。`
            : '有人取消时按顺序递补，轮到您时自动报名成功，并发消息通知您。'}
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
  }

  if (booking && status === 'offered') {
    return (
      <View className="card" id="booking-panel">
        <Text className="status-line status-line--warn" id="booking-status">
          {bookingLine(booking, 'detail').text}
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
  }

  if (booking && (status === 'checked_in' || status === 'no_show')) {
    const line = bookingLine(booking, 'detail');
    return (
      <View>
        <View className="card" id="booking-panel">
          <Text className={`status-line status-line--${line.tone}`} id="booking-status">
            {line.text}
          </Text>
          {status === 'no_show' ? (
            <Text className="booking-panel__hint">如果您其实到场了，请联系社工站更正。</Text>
          ) : null}
        </View>
        {status === 'checked_in' ? <RatingPanel activity={activity} booking={booking} onChanged={onChanged} /> : null}
      </View>
    );
  }

  // Not booked, or booked before and cancelled / expired: book (or join the waitlist) again.
  const refusal = signUpRefusal(schedule, now);
  const full = refusal === null && isFull(activity);
  const waitlistOpen = full && activity.capacity > 0 && activity.waitlistCapacity > activity.waitlisted;
  const reason = refusal
    ? ERROR_MESSAGES[refusal]
    : full && !waitlistOpen
      ? activity.capacity === 0
        ? '暂不接受报名'
        : activity.waitlistCapacity > 0
          ? ERROR_MESSAGES.WAITLIST_FULL
          : ERROR_MESSAGES.ACTIVITY_FULL
      : null;
  const again = status === 'cancelled' || status === 'expired';
  const label = reason ? '暂不能报名' : waitlistOpen ? '加入候补' : again ? '重新报名' : '立即报名';
  return (
    <View className="card" id="booking-panel">
      {booking && again ? (
        <Text className={`status-line status-line--${bookingLine(booking, 'detail').tone}`} id="booking-status">
          {bookingLine(booking, 'detail').text}
        </Text>
      ) : null}
      {reason ? (
        <Text className="status-line status-line--warn" id="booking-refusal">
          {reason}
        </Text>
      ) : waitlistOpen ? (
        <Text className="booking-panel__hint" id="waitlist-hint">
          名额已满，可以加入候补：有人取消时按顺序递补
          {activity.promotionMode === 'claim' ? `，轮到您时请在 ${activity.claimWindowHours} 小时内确认` : ''}。
        </Text>
      ) : (
        <Text className="booking-panel__hint">报名截止：{formatDateTime(activity.signUpClosesAt)}</Text>
      )}
      <View className="actions">
        <Button
          type="primary"
          size="large"
          block
          id="book-button"
          disabled={Boolean(reason) || signUp.pending}
          loading={signUp.pending && !confirmingWaitlist}
          onClick={() => (waitlistOpen ? setConfirmingWaitlist(true) : void book())}
        >
          {label}
        </Button>
      </View>
      <ConfirmDialog
        visible={confirmingWaitlist}
        title="加入候补？"
        content={waitlistExplanation(activity)}
        confirmText="确认加入候补"
        cancelText="再想想"
        pending={signUp.pending}
        confirmId="confirm-waitlist-button"
        cancelId="cancel-waitlist-button"
        onConfirm={() => void joinWaitlist()}
        onCancel={() => setConfirmingWaitlist(false)}
      />
    </View>
  );
}

const volunteeringFn: FunctionRef<typeof volunteeringContract> = { name: 'volunteering' };
const SHIFT_WORDS = {
  signed_up: '✓ 您已报名志愿岗位',
  checked_in: '✓ 服务中（已签到）',
  checked_out: '✓ 志愿服务已完成',
} as const;

/** 志愿者名额 N/M and 报名志愿岗位 (`volunteering.signUpShift`); a signed-up volunteer gets their shift code. */
function VolunteerPanel({ activity, onChanged }: { activity: TActivityDetail; onChanged: () => Promise<void> }) {
  const shifts = useRemote(
    `volunteering.myShifts:detail:${activity.activityId}`,
    async () => {
      // Upcoming lists signed-up and checked-in shifts; a checked-out one is among the past ones.
      const mine = (when: 'upcoming' | 'past') =>
        callFunction(volunteeringFn, 'myShifts', { when, page: 1, pageSize: 50 }).then((page) =>
          page.items.find((s) => s.activityId === activity.activityId && s.status !== 'cancelled'),
        );
      return (await mine('upcoming')) ?? (await mine('past')) ?? null;
    },
    { reloadOnShow: true, signInOnDemand: false },
  );
  const shift = shifts.data ?? undefined;
  const signUp = useAction(() => callFunction(volunteeringFn, 'signUpShift', { activityId: activity.activityId }), {
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
      {shift ? (
        <View>
          <Text className="status-line status-line--ok" id="shift-status">
            {shift.status === 'cancelled' ? '' : SHIFT_WORDS[shift.status]}
          </Text>
          {shift.status !== 'checked_out' ? (
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
            void signUp.run().then(async (answer) => {
              if (!answer.ok) return;
              showSuccess('志愿岗位报名成功');
              await Promise.all([shifts.reload(), onChanged()]);
            })
          }
        >
          报名志愿岗位
        </Button>
      ) : null}
    </View>
  );
}

export default function ActivityDetailPage() {
  const { params } = useRouter();
  const activityId = readParam(params.activityId);
  const activity = useActivity(activityId);
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
  const seats = seatsText(data);
  const waitlist = waitlistText(data);
  const rating = ratingText(data);
  const contactPhone = phoneIn(data.contact);
  const call = (phoneNumber: string) =>
    // Rejects when the person closes the call sheet: nothing to report.
    Taro.makePhoneCall({ phoneNumber }).catch(() => undefined);

  return (
    <PageShell>
      <View className="card">
        <Text className="activity-detail__title" id="activity-title">
          {data.title}
        </Text>
        <View>
          <Text className="chip">{ACTIVITY_CATEGORIES[data.category]}</Text>
          <Text className="chip chip--muted">{ACTIVITY_METHODS[data.method]}</Text>
          <Text className="chip chip--muted">{ACTIVITY_STATUS_LABELS[data.status]}</Text>
        </View>
        <Row label="时间">
          <Text>{formatSpan(data)}</Text>
        </Row>
        <Row label="地点">
          <Text>{data.location}</Text>
        </Row>
        <Row label="站点">
          <Text
            className="activity-detail__link"
            onClick={() => openPage(ROUTES.stationDetail, { stationId: data.stationId })}
          >
            {data.stationName}
          </Text>
        </Row>
        <Row label="名额">
          <Text className={`status-line status-line--${seats.tone}`} id="remaining-seats">
            {seats.text}
          </Text>
          <Text className="text-secondary">共 {data.capacity} 个名额</Text>
          {waitlist ? (
            <Text className="status-line status-line--warn" id="waitlist-state">
              {waitlist}
            </Text>
          ) : data.waitlistCapacity > 0 && data.waitlisted > 0 ? (
            <Text className="text-secondary" id="waitlist-state">
              {`候补 ${data.waitlisted} 人`}
            </Text>
          ) : null}
        </Row>
        {rating ? (
          <Row label="评价">
            <Text id="activity-rating">★ {rating}</Text>
          </Row>
        ) : null}
        <Row label="报名时间">
          <Text>{`${formatDateTime(data.signUpOpensAt)} 至 ${formatDateTime(data.signUpClosesAt)}`}</Text>
        </Row>
        {data.contact ? (
          <Row label="联系方式">
            {contactPhone ? (
              <Text className="activity-detail__link" id="call-contact" onClick={() => void call(contactPhone)}>
                {data.contact}（点击拨打）
              </Text>
            ) : (
              <Text>{data.contact}</Text>
            )}
          </Row>
        ) : null}
      </View>

      <BookingPanel activity={data} onChanged={activity.reload} />
      {data.volunteerSlots > 0 ? <VolunteerPanel activity={data} onChanged={activity.reload} /> : null}

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
