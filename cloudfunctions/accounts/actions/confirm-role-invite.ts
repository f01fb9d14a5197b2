import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findInvite, grantByInvite } from '../../core/repositories/invites';
import { toStaffSummary } from '../mappers';

/**
 * An admin of the invite's station confirms a redeemed invite, having checked who redeemed it
 * (name, phone, the check number): the claimant's grant and the invite's state move in one
 * transaction. Nobody confirms a grant to themself. Audited as `role.grant`.
 */
export async function confirmRoleInvite(deps: Deps, caller: Caller, input: { inviteId: string }) {
  const admin = requireUser(caller);
  const invite = await findInvite(deps.db, input.inviteId);
  if (!invite) throw new AppError('NOT_FOUND', { userMessage: '邀请不存在' });
  assertCan(caller, 'roles:grant', { stationPath: invite.stationPath });
  if (invite.claimantId === admin.userId)
    throw new AppError('ROLE_NOT_MANAGEABLE', { userMessage: '不能修改自己的权限' });
  const now = deps.now();
  const result = await grantByInvite(deps.db, {
    inviteId: invite._id,
    by: admin.userId,
    now,
    grantOf: (claimed) => ({
      stationId: claimed.stationId,
      stationName: claimed.stationName,
      stationTier: claimed.stationTier,
      stationPath: claimed.stationPath,
      role: claimed.role,
      grantedAt: now,
      grantedBy: admin.userId,
    }),
  });
  if (!result.ok) {
    if (result.reason === 'expired') throw new AppError('INVITE_EXPIRED');
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该邀请尚未被领取，或已处理' });
  }
  const before = result.before.grants.find((g) => g.stationId === invite.stationId);
  await appendAudit(deps.db, {
    at: now,
    actorId: admin.userId,
    action: 'role.grant',
    entity: 'user',
    entityId: result.after._id,
    stationId: invite.stationId,
    from: before ? { role: before.role } : null,
    to: { role: invite.role, inviteId: invite._id },
  });
  return toStaffSummary(result.after);
}
