import { inviteState } from '../../../shared/domain/invites';
import { maskPhone } from '../../../shared/domain/privacy';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findWaitingInvites } from '../../core/repositories/invites';
import { checkCodeOf } from '../invite-codes';

/** Admins: the invites of a station subtree still waiting, newest first, with who redeemed them. */
export async function listRoleInvites(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'roles:grant');
  const now = deps.now();
  return {
    items: (await findWaitingInvites(deps.db, station._id)).map((invite) => ({
      inviteId: invite._id,
      status: inviteState(invite, now),
      stationId: invite.stationId,
      stationName: invite.stationName,
      stationTier: invite.stationTier,
      role: invite.role,
      createdByName: invite.createdByName,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
      claimantName: invite.claimantName,
      claimantPhoneMasked: invite.claimantPhone ? maskPhone(invite.claimantPhone) : null,
      claimedAt: invite.claimedAt,
      checkCode: invite.claimantId ? checkCodeOf(invite._id, invite.claimantId) : null,
    })),
  };
}
