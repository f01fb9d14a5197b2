import { maskPhone } from '../../../shared/domain/privacy';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findSubtreeStations } from '../../core/repositories/stations';
import { findUsersWithGrantsAt } from '../../core/repositories/users';
import { toMe } from '../mappers';

/** The staff of a station subtree and the subtree's stations, where roles may be granted (admins only). */
export async function listStaff(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'roles:grant');
  const stations = await findSubtreeStations(deps.db, station._id);
  const ids = stations.map((s) => s._id);
  const users = await findUsersWithGrantsAt(deps.db, ids);
  return {
    items: users.map((u) => ({
      userId: u._id,
      nickname: u.nickname,
      phoneMasked: u.phone ? maskPhone(u.phone) : null,
      roles: u.grants
        .filter((g) => ids.includes(g.stationId))
        .map((g) => ({ ...toMe({ ...u, grants: [g] }).roles[0]!, grantedAt: g.grantedAt, grantedBy: g.grantedBy })),
    })),
    stations: stations.map((s) => ({ stationId: s._id, stationName: s.name, stationTier: s.tier })),
  };
}
