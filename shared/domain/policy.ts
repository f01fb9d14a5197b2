import type { RoleGrant, StaffRole } from './roles';

/** Everything a staff-side action may ask permission for. */
export type Permission =
  | 'activity:manage'
  | 'booking:checkIn'
  | 'station:manage'
  | 'roles:grant'
  | 'report:read'
  | 'audit:read'
  | 'hours:approve'
  | 'donation:manage'
  | 'targets:read'
  | 'targets:manage'
  | 'targets:export'
  | 'targets:readLog'
  | 'visits:record'
  | 'visits:configure'
  | 'order:manage'
  | 'order:review'
  | 'order:policy';

/** Service targets and visits (ADR 0017): staff keep the roster and visit; heads and admins also export and see the read log. */
const TARGET_STAFF: readonly Permission[] = ['targets:read', 'targets:manage', 'visits:record'];
const TARGET_HEAD: readonly Permission[] = [...TARGET_STAFF, 'targets:export', 'targets:readLog'];

const PERMISSIONS: Record<StaffRole, readonly Permission[]> = {
  staff: [
    'activity:manage',
    'booking:checkIn',
    'report:read',
    'hours:approve',
    'donation:manage',
    ...TARGET_STAFF,
    'order:manage',
  ],
  head: [
    'activity:manage',
    'booking:checkIn',
    'report:read',
    'hours:approve',
    'donation:manage',
    'audit:read',
    ...TARGET_HEAD,
    'order:manage',
    'order:review',
    'order:policy',
  ],
  admin: [
    'activity:manage',
    'booking:checkIn',
    'report:read',
    'hours:approve',
    'donation:manage',
    'audit:read',
    'station:manage',
    'roles:grant',
    ...TARGET_HEAD,
    'visits:configure',
    'order:manage',
    'order:review',
    'order:policy',
  ],
};

/** The part of a caller the policy looks at. */
export interface PolicySubject {
  grants: readonly RoleGrant[];
}

/** The target of a permission: a station, given by its ancestor path (incl. itself). */
export interface PolicyTarget {
  stationPath: readonly string[];
}

/**
 * Whether the subject may do `permission` at the target station. A grant covers its own station
 * and everything beneath it (a 中心 admin covers every 站 and 室 under it; a 站's staff cover its
 * 室), never a sibling or a parent. Pure: used to hide buttons on the client and to guard actions
 * on the server.
 */
export function can(subject: PolicySubject, permission: Permission, target: PolicyTarget): boolean {
  return subject.grants.some(
    (grant) => target.stationPath.includes(grant.stationId) && PERMISSIONS[grant.role].includes(permission),
  );
}

/** Whether the subject holds `permission` at any station at all (e.g. to show the staff tab). */
export function canAnywhere(subject: PolicySubject, permission: Permission): boolean {
  return subject.grants.some((grant) => PERMISSIONS[grant.role].includes(permission));
}

/** Ids of the stations at which the subject holds `permission` (roots of the subtrees it covers). */
export function scopeRoots(subject: PolicySubject, permission: Permission): string[] {
  return subject.grants.filter((grant) => PERMISSIONS[grant.role].includes(permission)).map((grant) => grant.stationId);
}
