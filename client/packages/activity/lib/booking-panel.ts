import type { TActivityDetail, TBooking } from '../../../../shared/contracts/activities';
import { cancelRefusal, isFull, signUpRefusal, type ActivitySchedule } from '../../../../shared/domain/activity';
import { formatDateTime } from '../../../../shared/domain/time';
import { ERROR_MESSAGES } from '../../../../shared/errors';
import { bookingLine, type Tone } from './booking-text';

/** A question asked before a tap takes effect. */
export interface Confirmation {
  title: string;
  content: string;
  confirmText: string;
}

/**
 * What the booking panel shows for one booking (the caller's own, or a family member's) on an
 * activity at `now`, and what the person can do next. The panel renders this and nothing else
 * decides: every rule about booking states lives here, tested without a screen.
 */
export type BookingPanelState =
  | { kind: 'activityCancelled'; reason: string | null; bookingCancelled: boolean }
  | {
      kind: 'confirmed';
      line: string;
      /** The activity is over: no code, no cancelling. */
      ended: boolean;
      checkInHint: string;
      cancelDeadlineText: string;
      /** Why cancelling is no longer possible, or null when it is. */
      cancelRefusal: string | null;
    }
  | { kind: 'waitlisted'; line: string; hint: string }
  | { kind: 'offered'; line: string }
  | { kind: 'attended'; line: string; tone: Tone; noShow: boolean }
  | {
      kind: 'open';
      /** A cancelled or expired earlier booking, in words; null when there was none. */
      previous: { text: string; tone: Tone } | null;
      /** Why booking is not possible now, or null. */
      refusal: string | null;
      waitlistOpen: boolean;
      hint: string;
      buttonLabel: string;
      /** Asked before booking (joining the waitlist; a passed cancel deadline), or null for one tap. */
      confirm: Confirmation | null;
    };

/** The schedule fields the shared rules read, as dates. */
export function scheduleOf(activity: TActivityDetail): ActivitySchedule {
  return {
    status: activity.status,
    startAt: new Date(activity.startAt),
    endAt: new Date(activity.endAt),
    signUpOpensAt: new Date(activity.signUpOpensAt),
    signUpClosesAt: new Date(activity.signUpClosesAt),
    cancelDeadline: new Date(activity.cancelDeadline),
  };
}

/** When check-in opens: "活动开始前 30 分钟（11月3日 周一 9:00）起可签到". */
export function checkInOpensText(activity: TActivityDetail): string {
  const opens = new Date(Date.parse(activity.startAt) - activity.checkInOpensMinutesBefore * 60_000);
  return activity.checkInOpensMinutesBefore > 0
    ? `活动开始前 ${activity.checkInOpensMinutesBefore} 分钟（${formatDateTime(opens)}）起可签到`
    : `活动开始时（${formatDateTime(opens)}）起可签到`;
}

/** The waitlist explained before joining it. */
export function waitlistExplanation(activity: TActivityDetail): string {
  const ahead = activity.waitlisted > 0 ? `目前已有 ${activity.waitlisted} 人在候补。` : '';
  const how =
    activity.promotionMode === 'claim'
      ? `轮到您时，我们会发消息通知您，请在 ${activity.claimWindowHours} 小时内点“确认参加”，否则名额会顺延给下一位。`
      : '轮到您时会自动为您报名成功，并发消息通知您。';
  return `本活动名额已满。加入候补后，有人取消时按候补顺序依次递补。${ahead}\n${how}`;
}

/** Said before booking once the cancel deadline has passed: the seat cannot be given back online. */
export function lateBookingWarning(activity: TActivityDetail): string {
  return `本活动的取消截止时间（${formatDateTime(activity.cancelDeadline)}）已过，报名后不能在线取消。如临时不能参加，请联系社工站。`;
}

/**
 * The panel for `booking` (null: never booked) on `activity` at `now`; `family` for a family
 * member's booking, whose lines are said without "您".
 */
export function bookingPanelState(
  activity: TActivityDetail,
  booking: TBooking | null,
  now: Date,
  family = false,
): BookingPanelState {
  const where = family ? 'family' : 'detail';
  const schedule = scheduleOf(activity);
  if (activity.status === 'cancelled') {
    return {
      kind: 'activityCancelled',
      reason: activity.cancelReason,
      bookingCancelled: booking?.status === 'cancelled',
    };
  }
  switch (booking?.status) {
    case 'confirmed': {
      const refusal = cancelRefusal(schedule, now);
      return {
        kind: 'confirmed',
        line: bookingLine(booking, where).text,
        ended: now >= schedule.endAt || activity.status === 'finished',
        checkInHint: `${checkInOpensText(activity)}，到场后请出示签到码。`,
        cancelDeadlineText: `取消截止：${formatDateTime(activity.cancelDeadline)}`,
        cancelRefusal: refusal ? ERROR_MESSAGES[refusal] : null,
      };
    }
    case 'waitlisted':
      return {
        kind: 'waitlisted',
        line: bookingLine(booking, where).text,
        hint:
          activity.promotionMode === 'claim'
            ? `有人取消时按顺序递补。轮到您时会发消息通知您，请在 ${activity.claimWindowHours} 小时内确认参加。`
            : '有人取消时按顺序递补，轮到您时自动报名成功，并发消息通知您。',
      };
    case 'offered':
      return { kind: 'offered', line: bookingLine(booking, where).text };
    case 'checked_in':
    case 'no_show': {
      const line = bookingLine(booking, where);
      return { kind: 'attended', line: line.text, tone: line.tone, noShow: booking.status === 'no_show' };
    }
    case 'cancelled':
    case 'expired':
    case undefined:
      break;
  }

  const signUp = signUpRefusal(schedule, now);
  const full = signUp === null && isFull(activity);
  const waitlistOpen = full && activity.capacity > 0 && activity.waitlistCapacity > activity.waitlisted;
  const refusal = signUp
    ? ERROR_MESSAGES[signUp]
    : full && !waitlistOpen
      ? activity.capacity === 0
        ? '暂不接受报名'
        : activity.waitlistCapacity > 0
          ? ERROR_MESSAGES.WAITLIST_FULL
          : ERROR_MESSAGES.ACTIVITY_FULL
      : null;
  const again = booking !== null;
  const late = refusal === null && now >= schedule.cancelDeadline;
  const confirm: Confirmation | null = refusal
    ? null
    : waitlistOpen
      ? {
          title: '加入候补？',
          content: late
            ? `${waitlistExplanation(activity)}\n${lateBookingWarning(activity)}`
            : waitlistExplanation(activity),
          confirmText: '确认加入候补',
        }
      : late
        ? {
            title: '确认报名？',
            content: `${lateBookingWarning(activity)}\n活动：${activity.title}`,
            confirmText: '确认报名',
          }
        : null;
  return {
    kind: 'open',
    previous: booking ? bookingLine(booking, where) : null,
    refusal,
    waitlistOpen,
    hint: waitlistOpen
      ? `名额已满，可以加入候补：有人取消时按顺序递补${activity.promotionMode === 'claim' ? `，轮到您时请在 ${activity.claimWindowHours} 小时内确认` : ''}。`
      : `报名截止：${formatDateTime(activity.signUpClosesAt)}`,
    buttonLabel: refusal ? '暂不能报名' : waitlistOpen ? '加入候补' : again ? '重新报名' : '立即报名',
    confirm,
  };
}
