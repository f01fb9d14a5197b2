import { can, type Permission } from '../../shared/domain/policy';
import { AppError } from '../../shared/errors';
import type { Caller } from './caller';
import type { Deps } from './deps';
import type { StationDoc } from './documents';
import { findStation } from './repositories/stations';

/** Refuse with FORBIDDEN unless the shared policy lets the caller do `permission` at that station. */
export function assertCan(caller: Caller, permission: Permission, target: { stationPath: readonly string[] }): void {
  if (!can(caller, permission, target)) throw new AppError('FORBIDDEN');
}

/** The station the caller acts on: NOT_FOUND when it does not exist, FORBIDDEN outside their subtree. */
export async function stationWithPermission(
  deps: Deps,
  caller: Caller,
  stationId: string,
  permission: Permission,
): Promise<StationDoc> {
  const station = await findStation(deps.db, stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  assertCan(caller, permission, { stationPath: station.path });
  return station;
}
