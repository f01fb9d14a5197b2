import { isCalled } from '../../shared/domain/booking';
import type { Deps } from '../core/deps';
import type { ActivityDoc, BookingDoc } from '../core/documents';
import { findActivity } from '../core/repositories/activities';
import { findBooking } from '../core/repositories/bookings';
import { expireOffers, fillFreeSeats, settleOwnPlace } from './seats';

/**
 * Settle what time and other requests have already decided for one activity, before it is shown:
 * an offer of the viewer's whose claim window has ended passes to the next in line; seats that
 * are free while people wait go to the line; and the viewer's own place, if it has been called
 * but not yet settled (its caller died, or the row was written after the call), is settled. The
 * `sweep` timer does the same for every activity every five minutes; settling here as well means
 * the person looking never sees an offer they can no longer claim, or a free seat while they
 * wait. Writes only when there is something to settle, and then re-reads the activity and the
 * booking (two calls); otherwise it answers what it was given.
 */
export async function settleActivity(
  deps: Deps,
  activity: ActivityDoc,
  booking: BookingDoc | null,
): Promise<{ activity: ActivityDoc; booking: BookingDoc | null }> {
  const offerLapsed =
    booking?.status === 'offered' && booking.offerExpiresAt !== null && booking.offerExpiresAt <= deps.now();
  const seatIdle =
    activity.status === 'published' &&
    activity.waitlisted > 0 &&
    activity.lineOutstanding > 0 &&
    activity.confirmed < activity.capacity;
  const ownPlaceCalled =
    booking?.status === 'waitlisted' && booking.waitlistTicket !== null && isCalled(booking.waitlistTicket, activity);
  if (!offerLapsed && !seatIdle && !ownPlaceCalled) return { activity, booking };
  if (offerLapsed) await expireOffers(deps, { activityId: activity._id });
  if (seatIdle) await fillFreeSeats(deps, activity);
  if (ownPlaceCalled && booking) await settleOwnPlace(deps, activity, booking);
  return {
    activity: (await findActivity(deps.db, activity._id)) ?? activity,
    booking: booking ? await findBooking(deps.db, booking._id) : null,
  };
}
