import type { Database } from '../deps';
import type { RoleInviteDoc, StoredGrant, UserDoc } from '../documents';
import { COLLECTIONS, getById, rows, updatedCount, type TransactionLike } from './base';

/** Insert a new invite (its id is a digest of a fresh random code). */
export async function insertInvite(db: Database, invite: RoleInviteDoc): Promise<void> {
  await db.collection(COLLECTIONS.roleInvites).add(invite);
}

/** One invite, or null. */
export function findInvite(db: Database, inviteId: string): Promise<RoleInviteDoc | null> {
  return getById<RoleInviteDoc>(db, COLLECTIONS.roleInvites, inviteId);
}

/**
 * Redeem an invite for `claimant`: one conditional write from `open`, before it expires — so of
 * several people redeeming at once exactly one holds it. True iff this call claimed it.
 */
export async function claimInvite(
  db: Database,
  claim: { inviteId: string; claimantId: string; claimantName: string; claimantPhone: string | null; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.roleInvites)
    .where({ _id: claim.inviteId, status: 'open', expiresAt: _.gt(claim.now) })
    .update({
      status: 'claimed',
      claimantId: claim.claimantId,
      claimantName: claim.claimantName,
      claimantPhone: claim.claimantPhone,
      claimedAt: claim.now,
    });
  return updatedCount(res) === 1;
}

/** Invites of a station subtree still waiting (open or claimed, expired ones included), newest first. */
export async function findWaitingInvites(db: Database, stationId: string): Promise<RoleInviteDoc[]> {
  const _ = db.command;
  return rows<RoleInviteDoc>(
    await db
      .collection(COLLECTIONS.roleInvites)
      .where({ stationPath: stationId, status: _.in(['open', 'claimed']) })
      .orderBy('createdAt', 'desc')
      .limit(50)
      .get(),
  );
}

/** Withdraw a waiting invite (open or claimed). True iff it was waiting. */
export async function withdrawInvite(
  db: Database,
  change: { inviteId: string; by: string; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.roleInvites)
    .where({ _id: change.inviteId, status: _.in(['open', 'claimed']) })
    .update({ status: 'withdrawn', decidedBy: change.by, decidedAt: change.now });
  return updatedCount(res) === 1;
}

/**
 * Grant the role of a claimed, unexpired invite to its claimant, in one transaction: the invite
 * moves `claimed → granted` and the claimant's grants are replaced (any earlier role at that
 * station gives way) from what the transaction read. `invite-gone` / `not-claimed` / `expired`
 * when it cannot; otherwise the claimant as they were and as they are now.
 */
export async function grantByInvite(
  db: Database,
  change: { inviteId: string; by: string; now: Date; grantOf: (invite: RoleInviteDoc) => StoredGrant },
): Promise<
  | { ok: true; invite: RoleInviteDoc; before: UserDoc; after: UserDoc }
  | { ok: false; reason: 'invite-gone' | 'not-claimed' | 'expired' }
> {
  const _ = db.command;
  return (await db.runTransaction(async (tx: TransactionLike) => {
    const invite = (await tx.collection(COLLECTIONS.roleInvites).doc(change.inviteId).get())
      .data as RoleInviteDoc | null;
    if (!invite) return { ok: false, reason: 'invite-gone' };
    if (invite.status !== 'claimed' || !invite.claimantId) return { ok: false, reason: 'not-claimed' };
    if (invite.expiresAt <= change.now) return { ok: false, reason: 'expired' };
    const userRef = tx.collection(COLLECTIONS.users).doc(invite.claimantId);
    const before = (await userRef.get()).data as UserDoc | null;
    if (!before) return { ok: false, reason: 'invite-gone' };
    const grant = change.grantOf(invite);
    const grants = [...before.grants.filter((g) => g.stationId !== grant.stationId), grant];
    await userRef.update({ grants: _.set(grants), updatedAt: change.now });
    await tx
      .collection(COLLECTIONS.roleInvites)
      .doc(invite._id)
      .update({ status: 'granted', decidedBy: change.by, decidedAt: change.now });
    return { ok: true, invite, before, after: { ...before, grants } };
  }, 10)) as
    | { ok: true; invite: RoleInviteDoc; before: UserDoc; after: UserDoc }
    | { ok: false; reason: 'invite-gone' | 'not-claimed' | 'expired' };
}
