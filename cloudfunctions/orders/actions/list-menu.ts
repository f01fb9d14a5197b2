import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { MenuItemDoc } from '../../core/documents/orders';
import { findMenuForPath } from '../../core/repositories/menu';
import { findStation } from '../../core/repositories/stations';
import { targetRoster } from '../../core/target-roster';
import { policyFor, toMenuItem } from '../menu-view';

/** District items first, then the 站's, then the station's own; in each, the order they were published. */
export function menuOrder(a: MenuItemDoc, b: MenuItemDoc): number {
  return a.ownerPath.length - b.ownerPath.length || a.createdAt.getTime() - b.createdAt.getTime();
}

/**
 * A station's orderable menu: the active items of its 中心 (district menu), its 站 and itself,
 * with the allowance in force for each and for an urgent order — three reads; one more for a
 * signed-in caller when "service targets only" items are listed (may they order them?). Public:
 * anyone may look before signing in.
 */
export async function listMenu(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const [items, policy] = await Promise.all([
    findMenuForPath(deps.db, station.path),
    policyFor(deps, station.path[0]!),
  ]);
  const active = items.filter((item) => item.status === 'active').sort(menuOrder);
  const targetLinked =
    caller.kind === 'user' && active.some((item) => item.audience === 'targets')
      ? await targetRoster.isServiceTarget(deps, { userId: caller.userId, stationId: station._id })
      : null;
  return {
    stationId: station._id,
    stationName: station.name,
    items: active.map((item) => toMenuItem(item, station._id, policy)),
    urgent: policy.urgent,
    targetLinked,
  };
}
