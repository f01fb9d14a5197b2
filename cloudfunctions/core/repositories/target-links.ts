import type { TargetLinkRole } from '../../../shared/domain/target-links';
import type { Database } from '../deps';
import type { TargetDoc, TargetLinkCodeDoc, TargetLinkDoc } from '../documents';
import { COLLECTIONS, getById, insertUnlessExists, rows, updatedCount } from './base';

/** Store a new 绑定码 (its id is the keyed digest of a fresh code). */
export async function insertLinkCode(db: Database, code: TargetLinkCodeDoc): Promise<void> {
  await db.collection(COLLECTIONS.targetLinkCodes).add(code);
}

/** One 绑定码 by its digest id, or null. */
export function findLinkCode(db: Database, codeId: string): Promise<TargetLinkCodeDoc | null> {
  return getById<TargetLinkCodeDoc>(db, COLLECTIONS.targetLinkCodes, codeId);
}

/**
 * Use a 绑定码 for `userId`: one conditional write from `open` while unexpired, so of several
 * people redeeming at once exactly one gets it. True iff this call used it.
 */
export async function useLinkCode(db: Database, use: { codeId: string; userId: string; now: Date }): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.targetLinkCodes)
    .where({ _id: use.codeId, status: 'open', expiresAt: _.gt(use.now) })
    .update({ status: 'used', usedBy: use.userId, usedAt: use.now });
  return updatedCount(res) === 1;
}

/** Insert a link unless the same target + account is already linked (then false, nothing written). */
export function insertTargetLink(db: Database, link: TargetLinkDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.targetLinks, link);
}

/** One link by its id (`targetLinkId`), or null. */
export function findTargetLink(db: Database, linkId: string): Promise<TargetLinkDoc | null> {
  return getById<TargetLinkDoc>(db, COLLECTIONS.targetLinks, linkId);
}

/**
 * Whether `userId` holds a link (as `role`, or any role when omitted) to an ACTIVE target whose
 * station is `stationId` or below it — one aggregation (links of the account, joined to their
 * records, which alone say whether they are active and where they belong now).
 */
export async function holdsActiveTargetLink(
  db: Database,
  ask: { userId: string; stationId: string; role?: TargetLinkRole },
): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.targetLinks)
    .aggregate()
    .match(ask.role ? { userId: ask.userId, role: ask.role } : { userId: ask.userId })
    .lookup({ from: COLLECTIONS.targets, localField: 'targetId', foreignField: '_id', as: 'target' })
    .unwind('$target')
    .match({ 'target.status': 'active', 'target.stationPath': ask.stationId })
    .limit(1)
    .project({ _id: 1 })
    .end();
  return rows<{ _id: string }>(res).length > 0;
}

/**
 * What redeeming a 绑定码 needs of its record — whether it is still active, and its station — and
 * nothing personal (the redeemer is not staff; the record's contents are never read here).
 */
export async function findTargetStanding(
  db: Database,
  targetId: string,
): Promise<Pick<TargetDoc, '_id' | 'status' | 'stationId' | 'stationName' | 'stationPath'> | null> {
  const res = await db
    .collection(COLLECTIONS.targets)
    .where({ _id: targetId })
    .field({ _id: true, status: true, stationId: true, stationName: true, stationPath: true })
    .limit(1)
    .get();
  return rows<Pick<TargetDoc, '_id' | 'status' | 'stationId' | 'stationName' | 'stationPath'>>(res)[0] ?? null;
}
