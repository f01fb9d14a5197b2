import type { TMe } from '../../../../shared/contracts/accounts';
import { can, type Permission } from '../../../../shared/domain/policy';
import type { StationTier } from '../../../../shared/domain/station';

/** A station the caller holds a permission at, as their grant names it. */
export interface MyStation {
  stationId: string;
  stationName: string;
  stationTier: StationTier;
  stationPath: string[];
}

/** The caller's stations where they hold `permission` (one entry per station, grant order). */
export function stationsWith(me: TMe, permission: Permission): MyStation[] {
  const seen = new Set<string>();
  return me.roles.flatMap((role) => {
    if (seen.has(role.stationId) || !can({ grants: me.roles }, permission, { stationPath: role.stationPath }))
      return [];
    seen.add(role.stationId);
    return [
      {
        stationId: role.stationId,
        stationName: role.stationName,
        stationTier: role.stationTier,
        stationPath: role.stationPath,
      },
    ];
  });
}
