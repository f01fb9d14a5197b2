import { canCorrectAttendance, type AttendanceOutcome } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toRosterEntry } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';
import { findBooking, transitionBooking } from '../../core/repositories/bookings';

/** Staff correct attendance after the door closed (checked in ↔ no-show), with a reason; audited. */
export async function correctAttendance(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; bookingId: string; to: AttendanceOutcome; reason: string },
) {
  const staff = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'booking:checkIn', activity);
  const booking = await findBooking(deps.db, input.bookingId);
  if (!booking || booking.activityId !== activity._id)
    throw new AppError('NOT_FOUND', { userMessage: '报名记录不存在' });
  if (!canCorrectAttendance({ activity, from: booking.status, to: input.to, now })) {
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '只能在活动结束后，于“已签到”和“未到场”之间更正' });
  }
  const fields =
    input.to === 'checked_in'
      ? { checkedInAt: booking.checkedInAt ?? now, checkedInBy: staff.userId, checkedInByName: staff.user.nickname }
      : { checkedInAt: null, checkedInBy: null, checkedInByName: null };
  const done = await transitionBooking(deps.db, {
    bookingId: booking._id,
    from: [booking.status],
    to: input.to,
    fields,
    event: { at: now, by: staff.userId, from: booking.status, to: input.to, reason: input.reason },
  });
  if (!done) throw new AppError('CONFLICT');
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'booking.correctAttendance',
    entity: 'booking',
    entityId: booking._id,
    stationId: activity.stationId,
    from: { status: booking.status },
    to: { status: input.to },
    reason: input.reason,
  });
  const fresh = await findBooking(deps.db, booking._id);
  return toRosterEntry(fresh ?? booking);
}
