import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivitySummary } from '../../activities/mappers';
import { findActivitiesByIds } from '../../core/repositories/activities';
import { findUserShiftsPage } from '../../core/repositories/shifts';
import { toShift } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/** The caller's shifts with their activities: a page, then one read for the activities. */
export async function myShifts(
  deps: Deps,
  caller: Caller,
  input: { when: 'upcoming' | 'past'; page: number; pageSize: number },
) {
  const { user } = await requireVolunteer(deps, caller);
  const page = await findUserShiftsPage(deps.db, { userId: user.userId, when: input.when, now: deps.now() }, input);
  const activities = new Map(
    (
      await findActivitiesByIds(
        deps.db,
        page.items.map((s) => s.activityId),
      )
    ).map((a) => [a._id, a]),
  );
  return {
    ...page,
    items: page.items.flatMap((s) => {
      const activity = activities.get(s.activityId);
      return activity
        ? [{ ...toShift(s), activity: toActivitySummary(activity), cancelDeadline: activity.cancelDeadline }]
        : [];
    }),
  };
}
