import { can } from '../../../shared/domain/policy';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findMenuForPath } from '../../core/repositories/menu';
import { policyFor, toMenuItem } from '../menu-view';
import { menuOrder } from './list-menu';

/** Staff: the menu as the editor shows it — paused items too, and which items the caller may edit. */
export async function listStaffMenu(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'order:manage');
  const [items, policy] = await Promise.all([
    findMenuForPath(deps.db, station.path),
    policyFor(deps, station.path[0]!),
  ]);
  return {
    stationId: station._id,
    stationName: station.name,
    tier: station.tier,
    items: items.sort(menuOrder).map((item) => ({
      ...toMenuItem(item, station._id, policy),
      canEdit: can(caller, 'order:manage', { stationPath: item.ownerPath }),
    })),
  };
}
