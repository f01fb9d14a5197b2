import type { TMe } from '../../../../shared/contracts/accounts';
import { can, type Permission } from '../../../../shared/domain/policy';

/** A station the caller holds a permission at, as their grant names it. */
export interface StaffStation {
  stationId: string;
  stationName: string;
  stationPath: string[];
}

/** The caller's stations where they hold `permission`, one per station, in grant order. */
export function stationsWith(me: TMe | undefined, permission: Permission): StaffStation[] {
  if (!me) return [];
  const seen = new Set<string>();
  const out: StaffStation[] = [];
  for (const role of me.roles) {
    if (seen.has(role.stationId)) continue;
    if (!can({ grants: me.roles }, permission, { stationPath: role.stationPath })) continue;
    seen.add(role.stationId);
    out.push({ stationId: role.stationId, stationName: role.stationName, stationPath: role.stationPath });
  }
  return out;
}

/** Whether the caller holds `permission` over a station path. */
export function canAt(me: TMe | undefined, permission: Permission, stationPath: readonly string[]): boolean {
  return Boolean(me && can({ grants: me.roles }, permission, { stationPath }));
}
