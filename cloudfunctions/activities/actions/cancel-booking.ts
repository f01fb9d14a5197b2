import { bookingId, cancelRefusal } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toBooking } from '../../core/mappers';
import { findActivity, releaseSeat } from '../../core/repositories/activities';
import { cancelConfirmedBooking, findBooking } from '../../core/repositories/bookings';

/**
 * Cancel the caller's confirmed booking before the deadline and give the seat back. The booking
 * flips by a conditional write first, so a double cancel releases one seat only; if the process
 * dies between the two writes the seat stays counted (never oversold).
 */
export async function cancelBooking(deps: Deps, caller: Caller, input: { activityId: string }) {
  const resident = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  const refusal = cancelRefusal(activity, now);
  if (refusal) throw new AppError(refusal);
  const id = bookingId(activity._id, resident.userId);
  const cancelled = await cancelConfirmedBooking(deps.db, id, {
    at: now,
    by: resident.userId,
    from: 'confirmed',
    to: 'cancelled',
  });
  if (!cancelled) throw new AppError('BOOKING_NOT_FOUND');
  await releaseSeat(deps.db, activity._id, now);
  const booking = await findBooking(deps.db, id);
  if (!booking) throw new AppError('BOOKING_NOT_FOUND');
  return toBooking(booking);
}
