import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findInvite, withdrawInvite } from '../../core/repositories/invites';

/** An admin withdraws a waiting invite — unused, or redeemed by someone they do not recognise; audited. */
export async function withdrawRoleInvite(deps: Deps, caller: Caller, input: { inviteId: string }) {
  const admin = requireUser(caller);
  const invite = await findInvite(deps.db, input.inviteId);
  if (!invite) throw new AppError('NOT_FOUND', { userMessage: '邀请不存在' });
  assertCan(caller, 'roles:grant', { stationPath: invite.stationPath });
  const now = deps.now();
  if (!(await withdrawInvite(deps.db, { inviteId: invite._id, by: admin.userId, now })))
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该邀请已处理' });
  await appendAudit(deps.db, {
    at: now,
    actorId: admin.userId,
    action: 'role.inviteWithdraw',
    entity: 'invite',
    entityId: invite._id,
    stationId: invite.stationId,
    from: { status: invite.status },
    to: { status: 'withdrawn' },
  });
  return { inviteId: invite._id, status: 'withdrawn' as const };
}
