import type { StaffRole } from '../../../shared/domain/roles';
import { maskPhone } from '../../../shared/domain/privacy';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { StoredGrant, UserDoc } from '../../core/documents';
import { appendAudit } from '../../core/repositories/audit';
import { findSubtreeStationIds } from '../../core/repositories/stations';
import {
  findUserById,
  findUserByPhone,
  findUsersWithGrantsAt,
  replaceGrantsIfUnchanged,
} from '../../core/repositories/users';
import { toMe } from './me';

async function adminStation(deps: Deps, caller: Caller, stationId: string) {
  return stationWithPermission(deps, caller, stationId, 'roles:grant');
}

const summary = (user: UserDoc) => ({ userId: user._id, nickname: user.nickname, roles: toMe(user).roles });

/** The staff of a station subtree (admins only). */
export async function listStaff(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await adminStation(deps, caller, input.stationId);
  const ids = await findSubtreeStationIds(deps.db, station._id);
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
  };
}

/** Grant `role` at a station of the admin's subtree to the person whose profile has that phone. */
export async function grantRole(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; phone: string; role: StaffRole },
) {
  const admin = requireUser(caller);
  const station = await adminStation(deps, caller, input.stationId);
  const person = await findUserByPhone(deps.db, input.phone);
  if (!person)
    throw new AppError('NOT_FOUND', { userMessage: '没有找到填写了该手机号的用户，请让对方先在“我的”中填写手机号' });
  if (person._id === admin.userId) throw new AppError('ROLE_NOT_MANAGEABLE', { userMessage: '不能修改自己的权限' });
  const now = deps.now();
  const grant: StoredGrant = {
    stationId: station._id,
    stationName: station.name,
    stationTier: station.tier,
    stationPath: station.path,
    role: input.role,
    grantedAt: now,
    grantedBy: admin.userId,
  };
  const next = [...person.grants.filter((g) => g.stationId !== station._id), grant];
  if (!(await replaceGrantsIfUnchanged(deps.db, { userId: person._id, expected: person.grants, next, now })))
    throw new AppError('CONFLICT');
  const before = person.grants.find((g) => g.stationId === station._id);
  await appendAudit(deps.db, {
    at: now,
    actorId: admin.userId,
    action: 'role.grant',
    entity: 'user',
    entityId: person._id,
    stationId: station._id,
    from: before ? { role: before.role } : null,
    to: { role: input.role },
  });
  return summary({ ...person, grants: next });
}

/** Revoke a person's role at a station of the admin's subtree; an admin cannot revoke their own. */
export async function revokeRole(deps: Deps, caller: Caller, input: { stationId: string; userId: string }) {
  const admin = requireUser(caller);
  const station = await adminStation(deps, caller, input.stationId);
  if (input.userId === admin.userId) throw new AppError('ROLE_NOT_MANAGEABLE', { userMessage: '不能撤销自己的权限' });
  const person = await findUserById(deps.db, input.userId);
  const existing = person?.grants.find((g) => g.stationId === station._id);
  if (!person || !existing) throw new AppError('NOT_FOUND', { userMessage: '该用户在此站点没有权限' });
  const now = deps.now();
  const next = person.grants.filter((g) => g.stationId !== station._id);
  if (!(await replaceGrantsIfUnchanged(deps.db, { userId: person._id, expected: person.grants, next, now })))
    throw new AppError('CONFLICT');
  await appendAudit(deps.db, {
    at: now,
    actorId: admin.userId,
    action: 'role.revoke',
    entity: 'user',
    entityId: person._id,
    stationId: station._id,
    from: { role: existing.role },
    to: null,
  });
  return summary({ ...person, grants: next });
}
