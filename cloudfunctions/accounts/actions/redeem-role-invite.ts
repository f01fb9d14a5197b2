import { inviteState } from '../../../shared/domain/invites';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { RoleInviteDoc } from '../../core/documents';
import { appendAudit } from '../../core/repositories/audit';
import { claimInvite, findInvite } from '../../core/repositories/invites';
import { checkCodeOf, inviteIdOf } from '../invite-codes';

/**
 * The invitee redeems a code, signed in: holding the code is what they prove. One conditional
 * write claims it for them, so it is single use; asking again answers the same. No role yet: the
 * admin sees who redeemed it, with the check number both see, and confirms. Audited.
 */
export async function redeemRoleInvite(deps: Deps, caller: Caller, input: { code: string }) {
  const user = requireUser(caller);
  const now = deps.now();
  const inviteId = inviteIdOf(input.code);
  let invite = await findInvite(deps.db, inviteId);
  if (!invite) throw new AppError('INVITE_INVALID');
  if (invite.createdBy === user.userId)
    throw new AppError('ROLE_NOT_MANAGEABLE', { userMessage: '不能领取自己创建的邀请' });
  if (invite.status === 'open') {
    const claimed = await claimInvite(deps.db, {
      inviteId,
      claimantId: user.userId,
      claimantName: user.user.nickname,
      claimantPhone: user.user.phone,
      now,
    });
    if (claimed) {
      await appendAudit(deps.db, {
        at: now,
        actorId: user.userId,
        action: 'role.inviteClaim',
        entity: 'invite',
        entityId: inviteId,
        stationId: invite.stationId,
        from: { status: 'open' },
        to: { status: 'claimed', role: invite.role },
      });
    }
    invite = (await findInvite(deps.db, inviteId))!;
  }
  return answer(invite, user.userId, now);
}

function answer(invite: RoleInviteDoc, userId: string, now: Date) {
  const state = inviteState(invite, now);
  if (invite.claimantId === userId && (state === 'claimed' || state === 'granted')) {
    return {
      inviteId: invite._id,
      stationName: invite.stationName,
      role: invite.role,
      status: state,
      checkCode: checkCodeOf(invite._id, userId),
      expiresAt: invite.expiresAt,
    };
  }
  if (state === 'expired') throw new AppError('INVITE_EXPIRED');
  if (state === 'withdrawn') throw new AppError('INVITE_INVALID');
  throw new AppError('INVITE_USED');
}
