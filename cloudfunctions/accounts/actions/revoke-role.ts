import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findUserById, replaceGrantsIfUnchanged } from '../../core/repositories/users';
import { toStaffSummary } from '../mappers';

/** Revoke a person's role at a station of the admin's subtree; an admin cannot revoke their own. */
export async function revokeRole(deps: Deps, caller: Caller, input: { stationId: string; userId: string }) {
  const admin = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'roles:grant');
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
  return toStaffSummary({ ...person, grants: next });
}
