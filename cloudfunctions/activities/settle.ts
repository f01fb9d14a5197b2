import type { Deps } from '../core/deps';
import type { ActivityDoc, BookingDoc } from '../core/documents';
import { findActivity } from '../core/repositories/activities';
import { findBooking } from '../core/repositories/bookings';
import { expireOffers, fillFreeSeats } from './seats';

/**
 * Settle what time has already decided for one activity, before it is shown: an offer of the
 * viewer's whose claim window has ended passes to the next in line, and a seat that is free while
 * people wait goes to the first of them. The `sweep` timer does the same for every activity every
 * five minutes; settling here as well means the person looking never sees an offer they can no
 * longer claim, or a free seat while they wait. Writes only when there is something to settle, and
 * then re-reads the activity and the booking (two calls); otherwise it answers what it was given.
 */
export async function settleActivity(
  deps: Deps,
  activity: ActivityDoc,
  booking: BookingDoc | null,
): Promise<{ activity: ActivityDoc; booking: BookingDoc | null }> {
  const offerLapsed =
    booking?.status === 'offered' && booking.offerExpiresAt !== null && booking.offerExpiresAt <= deps.now();
  const seatIdle = activity.status === 'published' && activity.waitlisted > 0 && activity.confirmed < activity.capacity;
  if (!offerLapsed && !seatIdle) return { activity, booking };
  if (offerLapsed) await expireOffers(deps, { activityId: activity._id });
  else await fillFreeSeats(deps, activity._id);
  return {
    activity: (await findActivity(deps.db, activity._id)) ?? activity,
    booking: booking ? await findBooking(deps.db, booking._id) : null,
  };
}
