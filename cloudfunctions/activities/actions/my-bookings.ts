import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivitySummary, toBooking } from '../../core/mappers';
import { findActivitiesByIds } from '../../core/repositories/activities';
import { findUserBookingsPage } from '../../core/repositories/bookings';

/** The caller's bookings with their activities: a page of bookings, then one read for their activities. */
export async function myBookings(
  deps: Deps,
  caller: Caller,
  input: { when: 'upcoming' | 'past' | 'all'; page: number; pageSize: number },
) {
  const resident = requireUser(caller);
  const page = await findUserBookingsPage(
    deps.db,
    { userId: resident.userId, when: input.when, now: deps.now() },
    input,
  );
  const activities = await findActivitiesByIds(deps.db, [...new Set(page.items.map((b) => b.activityId))]);
  const byId = new Map(activities.map((a) => [a._id, a]));
  return {
    ...page,
    items: page.items.flatMap((booking) => {
      const activity = byId.get(booking.activityId);
      return activity ? [{ ...toBooking(booking), activity: toActivitySummary(activity) }] : [];
    }),
  };
}
