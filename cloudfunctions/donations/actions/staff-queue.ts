import type { PledgeQueueView } from '../../../shared/domain/donation';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findStaffPledgesPage } from '../../core/repositories/donations';
import { toStaffPledge } from '../mappers';
import { arrivalPhotoLinks } from '../photos';

/** The staff queue of a station subtree: expected this week, overdue, partially received, received. */
export async function staffQueue(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; view: PledgeQueueView; page: number; pageSize: number },
) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'donation:manage');
  const now = deps.now();
  const page = await findStaffPledgesPage(
    deps.db,
    { stationId: station._id, view: input.view, now, weekEnd: new Date(now.getTime() + 7 * 86400_000) },
    input,
  );
  const links = await arrivalPhotoLinks(deps, page.items);
  return { ...page, items: page.items.map((p) => toStaffPledge(p, now, links)) };
}
