import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivitySummary, toBooking } from '../mappers';
import { findActivitiesByIds } from '../../core/repositories/activities';
import { countWaitingAhead, findUserBookingsPage } from '../../core/repositories/bookings';

/**
 * The caller's bookings with their activities: a page of bookings, one read for their activities,
 * and one count per booking still waiting (to say "候补第 N 位").
 */
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
  const positions = new Map(
    await Promise.all(
      page.items
        .filter((b) => b.status === 'waitlisted')
        .map(async (b) => [b._id, (await countWaitingAhead(deps.db, b)) + 1] as const),
    ),
  );
  return {
    ...page,
    items: page.items.flatMap((booking) => {
      const activity = byId.get(booking.activityId);
      return activity
        ? [{ ...toBooking(booking, positions.get(booking._id) ?? null), activity: toActivitySummary(activity) }]
        : [];
    }),
  };
}
