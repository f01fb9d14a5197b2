import { scopeRoots } from '../../../shared/domain/policy';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findPoolPage } from '../../core/repositories/orders';
import { findVolunteer } from '../../core/repositories/volunteers';
import { stationOfPath } from '../standing';
import { toOrderSummary } from '../views';

/**
 * Workers: the open pool of the stations they serve — a social worker's subtrees, a volunteer's
 * 站 (with its 室). Names are masked and nothing personal is shown until they take one.
 */
export async function listPool(deps: Deps, caller: Caller, input: { page: number; pageSize: number }) {
  const user = requireUser(caller);
  const volunteer = await findVolunteer(deps.db, user.userId);
  const volunteerStation = volunteer ? stationOfPath(volunteer.homeStationPath) : undefined;
  const stationIds = [
    ...new Set([...scopeRoots(caller, 'order:manage'), ...(volunteerStation ? [volunteerStation] : [])]),
  ];
  if (stationIds.length === 0)
    return { items: [], total: 0, page: input.page, pageSize: input.pageSize, hasMore: false };
  const now = deps.now();
  const page = await findPoolPage(deps.db, { stationIds, userId: user.userId }, input);
  return { ...page, items: page.items.map((order) => toOrderSummary(order, 'pool', now)) };
}
