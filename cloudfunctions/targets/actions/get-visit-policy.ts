import { can } from '../../../shared/domain/policy';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findStation } from '../../core/repositories/stations';
import { findVisitPolicy } from '../../core/repositories/visit-policies';

/** The visit frequency per tier that applies at a station (its centre's), and whether the caller may change it. */
export async function getVisitPolicy(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'targets:read');
  const centerId = station.path[0]!;
  const [center, found] = await Promise.all([
    centerId === station._id ? Promise.resolve(station) : findStation(deps.db, centerId),
    findVisitPolicy(deps.db, centerId),
  ]);
  return {
    centerId,
    centerName: center?.name ?? '',
    policy: found.policy,
    isDefault: found.isDefault,
    canEdit: can(caller, 'visits:configure', { stationPath: [centerId] }),
  };
}
