/** Roles granted per station. Residents, volunteers and donors need no grant. */
export const STAFF_ROLES = ['staff', 'head', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Chinese labels for grant roles. */
export const ROLE_LABELS: Record<StaffRole, string> = {
  staff: '驻站社工',
  head: '站长',
  admin: '区级管理员',
};

/** A role held at one station; `stationPath` is that station's ancestor path (incl. itself). */
export interface RoleGrant {
  stationId: string;
  role: StaffRole;
  stationPath: string[];
}
