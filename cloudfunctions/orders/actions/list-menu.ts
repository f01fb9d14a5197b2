import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { MenuItemDoc } from '../../core/documents/orders';
import { findMenuForPath } from '../../core/repositories/menu';
import { findStation } from '../../core/repositories/stations';
import { policyFor, toMenuItem } from '../menu-view';

/** District items first, then the 站's, then the station's own; in each, the order they were published. */
export function menuOrder(a: MenuItemDoc, b: MenuItemDoc): number {
  return a.ownerPath.length - b.ownerPath.length || a.createdAt.getTime() - b.createdAt.getTime();
}

/**
 * A station's orderable menu: the active items of its 中心 (district menu), its 站 and itself,
 * with the allowance in force for each and for an urgent order — three reads. Public: anyone may look before signing in.
 */
export async function listMenu(deps: Deps, _caller: Caller, input: { stationId: string }) {
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const [items, policy] = await Promise.all([
    findMenuForPath(deps.db, station.path),
    policyFor(deps, station.path[0]!),
  ]);
  return {
    stationId: station._id,
    stationName: station.name,
    items: items
      .filter((item) => item.status === 'active')
      .sort(menuOrder)
      .map((item) => toMenuItem(item, station._id, policy)),
    urgent: policy.urgent,
  };
}
