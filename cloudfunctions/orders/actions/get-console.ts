import { can } from '../../../shared/domain/policy';
import { dayRange } from '../../../shared/domain/time';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findMostOverdue, orderConsoleCounts } from '../../core/repositories/orders';
import { toOrderSummary } from '../views';

/** How many of the most overdue orders the console lists (the queue has the rest). */
const OVERDUE_ON_CONSOLE = 5;
/** Closed orders stay "awaiting rating" on the console this long. */
const AWAITING_RATING_DAYS = 30;

/**
 * The console's order cards for a station subtree (a 中心's covers the district): today's new
 * (Asia/Shanghai day), open, overdue, awaiting rating, bad ratings — one aggregation — and the
 * most overdue orders — one read.
 */
export async function getConsole(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'order:manage');
  const now = deps.now();
  const [counts, overdue] = await Promise.all([
    orderConsoleCounts(deps.db, {
      stationId: station._id,
      dayStart: dayRange(now).start,
      now,
      ratingSince: new Date(now.getTime() - AWAITING_RATING_DAYS * 86400_000),
    }),
    findMostOverdue(deps.db, station._id, now, OVERDUE_ON_CONSOLE),
  ]);
  return {
    stationId: station._id,
    ...counts,
    overdueOrders: overdue.map((order) => toOrderSummary(order, 'staff', now)),
    canReview: can(caller, 'order:review', { stationPath: station.path }),
  };
}
