import { can, canAnywhere, scopeRoots } from '../../shared/domain/policy';
import type { RoleGrant } from '../../shared/domain/roles';

const center = ['C'];
const stationA = ['C', 'A'];
const roomA1 = ['C', 'A', 'A1'];
const stationB = ['C', 'B'];
const staffA: RoleGrant = { stationId: 'A', role: 'staff', stationPath: stationA };
const adminC: RoleGrant = { stationId: 'C', role: 'admin', stationPath: center };

describe('can', () => {
  it('lets station staff manage their station and its rooms', () => {
    expect(can({ grants: [staffA] }, 'activity:manage', { stationPath: stationA })).toBe(true);
    expect(can({ grants: [staffA] }, 'activity:manage', { stationPath: roomA1 })).toBe(true);
  });
  it('refuses station staff at a sibling station or at the centre above', () => {
    expect(can({ grants: [staffA] }, 'activity:manage', { stationPath: stationB })).toBe(false);
    expect(can({ grants: [staffA] }, 'activity:manage', { stationPath: center })).toBe(false);
  });
  it('lets a centre admin act anywhere beneath the centre', () => {
    for (const path of [center, stationA, roomA1, stationB]) {
      expect(can({ grants: [adminC] }, 'roles:grant', { stationPath: path })).toBe(true);
    }
  });
  it('keeps admin-only permissions from staff', () => {
    expect(can({ grants: [staffA] }, 'roles:grant', { stationPath: stationA })).toBe(false);
    expect(can({ grants: [staffA] }, 'audit:read', { stationPath: stationA })).toBe(false);
  });
  it('refuses everything to someone without grants', () => {
    expect(can({ grants: [] }, 'activity:manage', { stationPath: stationA })).toBe(false);
    expect(canAnywhere({ grants: [] }, 'activity:manage')).toBe(false);
  });
  it('lists the roots of the subtrees a permission covers', () => {
    expect(scopeRoots({ grants: [staffA, adminC] }, 'roles:grant')).toEqual(['C']);
    expect(scopeRoots({ grants: [staffA, adminC] }, 'activity:manage')).toEqual(['A', 'C']);
  });
});
