/**
 * A volunteer's shift on an activity: signed up, then checked in and out at the door by staff
 * scans (or closed by the timer when the check-out was forgotten), or cancelled before it starts.
 */
export const SHIFT_STATUSES = ['signed_up', 'checked_in', 'checked_out', 'cancelled'] as const;
export type ShiftStatus = (typeof SHIFT_STATUSES)[number];
export const SHIFT_STATUS_LABELS: Record<ShiftStatus, string> = {
  signed_up: '已报名',
  checked_in: '服务中',
  checked_out: '已完成',
  cancelled: '已取消',
};

/** Volunteers may be checked in from this long before the shift starts. */
export const SHIFT_CHECKIN_OPENS_MINUTES = 60;
/** A check-in still open this long after the scheduled end is closed automatically (forgotten check-out). */
export const SHIFT_AUTO_CLOSE_GRACE_MINUTES = 30;
/** A second scan sooner than this after check-in is taken as a double scan, not a departure. */
export const MIN_SHIFT_MINUTES_BEFORE_CHECKOUT = 5;

/**
 * Whether a check-out of `minutes` verified minutes needs the staff member to confirm it first:
 * it would record less than one rounding step (nothing at all), which at the door is almost
 * always a second scan of someone who just arrived, not a departure.
 */
export function checkOutNeedsConfirmation(minutes: number, roundingMinutes: number): boolean {
  return minutes < Math.max(1, roundingMinutes);
}

/** Why a volunteer scan at `now` is refused by time, or null. */
export function shiftScanRefusal(
  shift: { scheduledStart: Date; scheduledEnd: Date },
  now: Date,
): 'CHECKIN_NOT_OPEN' | 'CHECKIN_CLOSED' | null {
  if (now.getTime() < shift.scheduledStart.getTime() - SHIFT_CHECKIN_OPENS_MINUTES * 60_000) return 'CHECKIN_NOT_OPEN';
  if (now.getTime() > shift.scheduledEnd.getTime() + SHIFT_AUTO_CLOSE_GRACE_MINUTES * 60_000) return 'CHECKIN_CLOSED';
  return null;
}
