import type { StaffRole } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { StoredGrant } from '../../core/documents';
import { appendAudit } from '../../core/repositories/audit';
import { findUserByPhone, replaceGrantsIfUnchanged } from '../../core/repositories/users';
import { toStaffSummary } from '../mappers';

/** Grant `role` at a station of the admin's subtree to the person whose profile has that phone. */
export async function grantRole(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; phone: string; role: StaffRole },
) {
  const admin = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'roles:grant');
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
  return toStaffSummary({ ...person, grants: next });
}
