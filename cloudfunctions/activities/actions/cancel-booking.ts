import { cancelRefusal } from '../../../shared/domain/activity';
import { bookingId, CANCELLABLE } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toBooking } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { findBooking } from '../../core/repositories/bookings';
import { familyMemberOf } from '../family';
import { leaveAndPassSeat } from '../seats';

/**
 * Give up a seat, an offer or a place in line before the cancellation deadline. A freed seat
 * passes to the first in line in the same transaction as the cancellation.
 */
export async function cancelBooking(deps: Deps, caller: Caller, input: { activityId: string; memberId?: string }) {
  const resident = requireUser(caller);
  const member = familyMemberOf(resident.user, input.memberId);
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  const booking = await findBooking(deps.db, bookingId(activity._id, resident.userId, member?.memberId));
  if (!booking || !CANCELLABLE.includes(booking.status)) throw new AppError('BOOKING_NOT_FOUND');
  // Leaving the line is always allowed; giving back a seat only until the deadline.
  if (booking.status !== 'waitlisted') {
    const refusal = cancelRefusal(activity, deps.now());
    if (refusal) throw new AppError(refusal);
  }
  const left = await leaveAndPassSeat(deps, activity, booking, { to: 'cancelled', by: resident.userId });
  if (!left) throw new AppError('BOOKING_NOT_FOUND');
  return toBooking(left);
}
