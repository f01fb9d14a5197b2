import type { TMe } from '../../../../shared/contracts/accounts';
import { can, canAnywhere, type Permission } from '../../../../shared/domain/policy';

/** A station the caller holds a permission at, as their grant names it. */
export interface ConsoleStation {
  stationId: string;
  stationName: string;
  stationPath: string[];
}

/** The caller's stations where they hold `permission` (one entry per station, grant order). */
export function stationsWith(me: TMe, permission: Permission): ConsoleStation[] {
  const seen = new Set<string>();
  const out: ConsoleStation[] = [];
  for (const role of me.roles) {
    if (seen.has(role.stationId)) continue;
    if (!can({ grants: me.roles }, permission, { stationPath: role.stationPath })) continue;
    seen.add(role.stationId);
    out.push({ stationId: role.stationId, stationName: role.stationName, stationPath: role.stationPath });
  }
  return out;
}

/** Whether the caller holds `permission` at any station. */
export function hasAnywhere(me: TMe, permission: Permission): boolean {
  return canAnywhere({ grants: me.roles }, permission);
}
