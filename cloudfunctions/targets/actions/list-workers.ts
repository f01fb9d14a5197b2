import { can } from '../../../shared/domain/policy';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findUsersWithGrantsAt } from '../../core/repositories/users';

/** Who can be the responsible worker at a station: people who may record visits there. */
export async function listWorkers(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'targets:manage');
  const users = await findUsersWithGrantsAt(deps.db, station.path);
  return {
    workers: users
      .filter((u) => can(u, 'visits:record', { stationPath: station.path }))
      .map((u) => ({ userId: u._id, name: u.nickname }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}
