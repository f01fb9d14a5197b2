import { INVITE_TTL_HOURS } from '../../../shared/domain/invites';
import type { StaffRole } from '../../../shared/domain/roles';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { RoleInviteDoc } from '../../core/documents';
import { appendAudit } from '../../core/repositories/audit';
import { insertInvite } from '../../core/repositories/invites';
import { inviteIdOf, newInviteCode } from '../invite-codes';

/**
 * An admin invites someone to `role` at a station of their subtree: a fresh one-time code, valid
 * for INVITE_TTL_HOURS, shown to the admin this once (only its keyed digest is stored); audited.
 */
export async function createRoleInvite(deps: Deps, caller: Caller, input: { stationId: string; role: StaffRole }) {
  const admin = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'roles:grant');
  const now = deps.now();
  const code = newInviteCode();
  const invite: RoleInviteDoc = {
    _id: inviteIdOf(code),
    stationId: station._id,
    stationName: station.name,
    stationTier: station.tier,
    stationPath: station.path,
    role: input.role,
    status: 'open',
    createdBy: admin.userId,
    createdByName: admin.user.nickname,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITE_TTL_HOURS * 3600_000),
    claimantId: null,
    claimantName: null,
    claimantPhone: null,
    claimedAt: null,
    decidedBy: null,
    decidedAt: null,
  };
  await insertInvite(deps.db, invite);
  await appendAudit(deps.db, {
    at: now,
    actorId: admin.userId,
    action: 'role.invite',
    entity: 'invite',
    entityId: invite._id,
    stationId: station._id,
    from: null,
    to: { role: input.role, status: 'open' },
  });
  return {
    inviteId: invite._id,
    code,
    stationId: station._id,
    stationName: station.name,
    role: input.role,
    expiresAt: invite.expiresAt,
  };
}
