import { bookingId } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toBooking } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { findBooking, transitionBooking } from '../../core/repositories/bookings';
import { familyMemberOf } from '../family';
import { leaveAndPassSeat } from '../seats';

/** Claim a seat offered from the waitlist while the claim window is open (offered → confirmed). */
export async function claimOffer(deps: Deps, caller: Caller, input: { activityId: string; memberId?: string }) {
  const resident = requireUser(caller);
  const member = familyMemberOf(resident.user, input.memberId);
  const now = deps.now();
  const id = bookingId(input.activityId, resident.userId, member?.memberId);
  const booking = await findBooking(deps.db, id);
  if (!booking || booking.status !== 'offered' || !booking.offerExpiresAt) throw new AppError('OFFER_NOT_AVAILABLE');
  if (booking.offerExpiresAt <= now) {
    const activity = await findActivity(deps.db, input.activityId);
    if (activity) await leaveAndPassSeat(deps, activity, booking, { to: 'expired', by: 'system' });
    throw new AppError('OFFER_NOT_AVAILABLE');
  }
  const claimed = await transitionBooking(deps.db, {
    bookingId: id,
    from: ['offered'],
    to: 'confirmed',
    fields: { offerExpiresAt: null },
    event: { at: now, by: resident.userId, from: 'offered', to: 'confirmed' },
  });
  if (!claimed) throw new AppError('OFFER_NOT_AVAILABLE');
  const fresh = await findBooking(deps.db, id);
  if (!fresh) throw new AppError('BOOKING_NOT_FOUND');
  return toBooking(fresh);
}
