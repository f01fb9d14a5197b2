import type { TBooking } from '../../../../shared/contracts/activities';
import { BOOKING_STATUS_LABELS } from '../../../../shared/domain/booking';
import { formatDateTime, formatTime } from '../../../../shared/domain/time';

export type Tone = 'ok' | 'warn' | 'danger';

/**
 * A booking's state in words, as the detail page and 我的报名 show it (`family`: a family member's
 * booking on the detail page, said without "您"). The words carry the meaning (✓ for done, "！"
 * for something to do); the tone only repeats it in colour.
 */
export function bookingLine(
  booking: Pick<
    TBooking,
    'status' | 'createdAt' | 'cancelledAt' | 'waitlistPosition' | 'offerExpiresAt' | 'checkedInAt'
  >,
  where: 'detail' | 'list' | 'family',
): { text: string; tone: Tone } {
  switch (booking.status) {
    case 'confirmed':
      return where === 'detail'
        ? { text: '✓ 您已报名成功', tone: 'ok' }
        : where === 'family'
          ? { text: '✓ 已报名成功', tone: 'ok' }
          : { text: `${BOOKING_STATUS_LABELS.confirmed}（${formatDateTime(booking.createdAt)} 报名）`, tone: 'ok' };
    case 'waitlisted':
      return {
        text: booking.waitlistPosition ? `候补第 ${booking.waitlistPosition} 位` : BOOKING_STATUS_LABELS.waitlisted,
        tone: 'warn',
      };
    case 'offered':
      return {
        text: booking.offerExpiresAt
          ? `有空位了！请在 ${formatDateTime(booking.offerExpiresAt)} 前确认`
          : '有空位了！请尽快确认',
        tone: 'warn',
      };
    case 'expired':
      return { text: '未在时限内确认，名额已顺延', tone: 'danger' };
    case 'checked_in':
      return {
        text: booking.checkedInAt
          ? `✓ 已签到 ${formatTime(booking.checkedInAt)}`
          : `✓ ${BOOKING_STATUS_LABELS.checked_in}`,
        tone: 'ok',
      };
    case 'no_show':
      return { text: BOOKING_STATUS_LABELS.no_show, tone: 'danger' };
    case 'cancelled':
      return where !== 'list'
        ? { text: where === 'family' ? '已取消过报名' : '您已取消过报名', tone: 'warn' }
        : {
            text: `${BOOKING_STATUS_LABELS.cancelled}${booking.cancelledAt ? `（${formatDateTime(booking.cancelledAt)}）` : ''}`,
            tone: 'warn',
          };
  }
}

/** Words for each score, shown under the stars and in the summary ("4 分 · 满意"). */
export const SCORE_LABELS: Record<number, string> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '非常满意',
};
