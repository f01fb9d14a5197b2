import type { QueueView } from '../../../shared/contracts/orders';
import { assertCan, stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findQueuePage } from '../../core/repositories/orders';
import { toOrderSummary } from '../views';

/**
 * Staff: one view of a station subtree's orders. Open views sort by the deadline that matters
 * now (overdue first); a 中心's `overdue` view is the district's overdue list. The bad-rating
 * view is the station head's queue.
 */
export async function listQueue(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; view: QueueView; page: number; pageSize: number },
) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'order:manage');
  if (input.view === 'bad_ratings') assertCan(caller, 'order:review', { stationPath: station.path });
  const now = deps.now();
  const page = await findQueuePage(deps.db, { stationId: station._id, view: input.view, now }, input);
  return { ...page, items: page.items.map((order) => toOrderSummary(order, 'staff', now)) };
}
