/*
 * What the activities function tells people, in one place: the words residents read under 消息
 * and in WeChat subscription messages.
 */

import { familyMemberLabel } from '../../shared/domain/booking';
import { formatDateTime } from '../../shared/domain/time';
import type { ActivityDoc, BookingDoc } from '../core/documents';
import type { Notice } from '../core/notify';

/** Whom a booking is for, said in a message: "您为母亲 王秀英报名的" (family) or "" (the holder's own). */
function forWhom(booking: BookingDoc): string {
  return booking.forMember ? `您为${familyMemberLabel(booking.forMember)}报名的` : '';
}

/** A seat passed on from the waitlist: confirmed at once, or offered until the claim window ends. */
export function promotionNotice(activity: ActivityDoc, promoted: BookingDoc): Notice {
  const when = formatDateTime(activity.startAt);
  const who = forWhom(promoted);
  return promoted.status === 'offered' && promoted.offerExpiresAt
    ? {
        userId: promoted.userId,
        kind: 'offered',
        title: '有空位了，请确认参加',
        body: `${who}「${activity.title}」（${when}）有空位了。请在 ${formatDateTime(promoted.offerExpiresAt)} 前点“确认参加”，逾期名额将顺延给下一位。`,
        activityId: activity._id,
      }
    : {
        userId: promoted.userId,
        kind: 'promoted',
        title: '有空位了，已为您报名成功',
        body: `${who}「${activity.title}」（${when}）有空位了，已从候补转为报名成功，请按时参加。`,
        activityId: activity._id,
      };
}

/** An offer ran out unclaimed; the seat went to the next in line. */
export function offerExpiredNotice(activity: ActivityDoc, offer: BookingDoc): Notice {
  const who = offer.forMember ? `为${familyMemberLabel(offer.forMember)}候补的` : '';
  return {
    userId: offer.userId,
    kind: 'offer_expired',
    title: '候补名额已失效',
    body: `您未在时限内确认${who}「${activity.title}」的候补名额，名额已顺延给下一位。如仍想参加，可重新报名。`,
    activityId: activity._id,
  };
}

/** Staff cancelled an activity the person had booked or was waiting for. */
export function activityCancelledNotice(activity: ActivityDoc, booking: BookingDoc, reason: string): Notice {
  return {
    userId: booking.userId,
    kind: 'activity_cancelled',
    title: '活动已取消',
    body: `很抱歉，${forWhom(booking)}「${activity.title}」（${formatDateTime(activity.startAt)}）已取消。原因：${reason}`,
    activityId: activity._id,
  };
}

/** The station writes to the people booked on an activity (`notifyParticipants`). */
export function stationNotice(activity: ActivityDoc, userId: string, message: string): Notice {
  return {
    userId,
    kind: 'station_notice',
    title: `${activity.stationName}通知`,
    body: `关于「${activity.title}」（${formatDateTime(activity.startAt)}）：${message}`,
    activityId: activity._id,
  };
}
