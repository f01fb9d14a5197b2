import type { z } from 'zod';
import type { ZListActivitiesRequest } from '../../../shared/contracts/activities';
import { SHOWN_ON_CARDS } from '../../../shared/domain/booking';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { BookingDoc } from '../../core/documents';
import { findPublicActivitiesPage } from '../../core/repositories/activities';
import { countWaitingAhead, findUserBookingsOn } from '../../core/repositories/bookings';
import { toActivitySummary, toMyState } from '../mappers';

/**
 * Published activities, upcoming or past, optionally for a station subtree, a category, a title
 * search or free volunteer slots. A signed-in caller's own (and family's) bookings on the page come
 * in one more read, plus one count per place they hold in a line (to say "候补第 N 位").
 */
export async function list(deps: Deps, caller: Caller, input: z.output<typeof ZListActivitiesRequest>) {
  const page = await findPublicActivitiesPage(
    deps.db,
    {
      stationId: input.stationId,
      includeDescendants: input.includeDescendants,
      category: input.category,
      when: input.when,
      now: deps.now(),
      search: input.search || undefined,
      volunteerSlotsOpen: input.volunteerSlotsOpen,
    },
    input,
  );
  const mine =
    caller.kind === 'user'
      ? await findUserBookingsOn(deps.db, {
          userId: caller.userId,
          activityIds: page.items.map((a) => a._id),
          statuses: SHOWN_ON_CARDS,
        })
      : [];
  const positions = new Map(
    await Promise.all(
      mine
        .filter((b) => b.status === 'waitlisted')
        .map(async (b) => [b._id, (await countWaitingAhead(deps.db, b)) + 1] as const),
    ),
  );
  const byActivity = new Map<string, BookingDoc[]>();
  for (const booking of mine)
    byActivity.set(booking.activityId, [...(byActivity.get(booking.activityId) ?? []), booking]);
  return {
    ...page,
    items: page.items.map((activity) => ({
      ...toActivitySummary(activity),
      mine: (byActivity.get(activity._id) ?? [])
        // The caller's own booking first, then their family's in the order they were made.
        .sort(
          (a, b) =>
            Number(Boolean(a.forMember)) - Number(Boolean(b.forMember)) ||
            a.createdAt.getTime() - b.createdAt.getTime(),
        )
        .map((b) => toMyState(b, positions.get(b._id) ?? null)),
    })),
  };
}
