import type { BookingStatus } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toRosterEntry } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { countBookingsByStatus, findRosterPage, findWaitingInOrder } from '../../core/repositories/bookings';
import { expireOffers } from '../seats';

/** The door list for an activity's staff: counts per status and a page of people, searchable. */
export async function roster(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; status?: BookingStatus; search?: string; page: number; pageSize: number },
) {
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'booking:checkIn', activity);
  if (activity.promotionMode === 'claim') await expireOffers(deps, { activityId: activity._id });
  const [counts, page, line] = await Promise.all([
    countBookingsByStatus(deps.db, activity._id),
    findRosterPage(deps.db, { activityId: activity._id, status: input.status, search: input.search }, input),
    activity.waitlisted > 0 ? findWaitingInOrder(deps.db, activity._id, 1000) : Promise.resolve([]),
  ]);
  const positions = new Map(line.map((b, i) => [b._id, i + 1]));
  return {
    activityId: activity._id,
    activityTitle: activity.title,
    counts: {
      confirmed: counts.confirmed ?? 0,
      offered: counts.offered ?? 0,
      waitlisted: counts.waitlisted ?? 0,
      checked_in: counts.checked_in ?? 0,
      no_show: counts.no_show ?? 0,
      cancelled: counts.cancelled ?? 0,
      expired: counts.expired ?? 0,
    },
    ...page,
    items: page.items.map((b) => toRosterEntry(b, positions.get(b._id) ?? null)),
  };
}
