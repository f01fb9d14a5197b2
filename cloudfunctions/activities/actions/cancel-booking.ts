import { cancelRefusal } from '../../../shared/domain/activity';
import { bookingId, CANCELLABLE } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toBooking } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { findBooking } from '../../core/repositories/bookings';
import { familyMemberOf } from '../family';
import { cancelConfirmedSeat, leaveAndPassSeat } from '../seats';

/**
 * Give up a seat, an offer or a place in line before the cancellation deadline (leaving the line
 * is allowed at any time). A freed seat goes to the next place in line (ADR 0021). A confirmed
 * seat — the common case — is tried first by one conditional write, so the booking is read only
 * when it was something else.
 */
export async function cancelBooking(deps: Deps, caller: Caller, input: { activityId: string; memberId?: string }) {
  const resident = requireUser(caller);
  const member = familyMemberOf(resident.user, input.memberId);
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  const id = bookingId(activity._id, resident.userId, member?.memberId);
  const refusal = cancelRefusal(activity, deps.now());
  if (!refusal) {
    const left = await cancelConfirmedSeat(deps, activity, id, resident.userId);
    if (left) return toBooking(left);
  }
  // A place in line may be called (and settled) while we leave it: then leave the seat instead.
  for (let attempt = 0; attempt < 2; attempt++) {
    const booking = await findBooking(deps.db, id);
    if (!booking || !CANCELLABLE.includes(booking.status)) throw new AppError('BOOKING_NOT_FOUND');
    if (booking.status !== 'waitlisted' && refusal) throw new AppError(refusal);
    const left = await leaveAndPassSeat(deps, activity, booking, { to: 'cancelled', by: resident.userId });
    if (left) return toBooking(left);
  }
  throw new AppError('BOOKING_NOT_FOUND');
}
