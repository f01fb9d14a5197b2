import type { Database } from '../deps';
import { REVOKED_ID_MASK } from '../../../shared/domain/identity';
import type { BusySpan, IdDisputeDoc, VolunteerDoc } from '../documents';
import { COLLECTIONS, getById, insertUnlessExists, rows, updatedCount, type TransactionLike } from './base';

/** The volunteer row of a user, or null when they have not registered. */
export function findVolunteer(db: Database, userId: string): Promise<VolunteerDoc | null> {
  return getById<VolunteerDoc>(db, COLLECTIONS.volunteers, userId);
}

/** Several volunteers by user id (leaderboard names). */
export async function findVolunteersByIds(db: Database, ids: string[]): Promise<VolunteerDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<VolunteerDoc>(
    await db
      .collection(COLLECTIONS.volunteers)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/** The registered volunteer with this phone number, if exactly one (pairing a volunteer with a target). */
export async function findVolunteerByPhone(db: Database, phone: string): Promise<VolunteerDoc | null> {
  const found = rows<VolunteerDoc>(await db.collection(COLLECTIONS.volunteers).where({ phone }).limit(2).get());
  return found.length === 1 ? found[0]! : null;
}

/**
 * Insert a registration; `false` when the user is already registered or the ID hash is taken
 * (both unique: the row id and the `idHash` index), so a second registration never lands.
 */
export function insertVolunteer(db: Database, volunteer: VolunteerDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.volunteers, volunteer);
}

/**
 * Commit the volunteer to `span` unless it overlaps a span they already hold — decided by the
 * write itself (`$nor` + `$elemMatch` on the row), so two concurrent overlapping sign-ups cannot
 * both succeed. True iff committed.
 */
export async function reserveBusySpan(db: Database, userId: string, span: BusySpan): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.volunteers)
    .where(
      _.and([
        { _id: userId },
        _.nor([{ busy: _.elemMatch({ startAt: _.lt(span.endAt), endAt: _.gt(span.startAt) }) }]),
      ]),
    )
    .update({ busy: _.push([span]) });
  return updatedCount(res) === 1;
}

/** Release a committed span (cancelled shift). */
export async function releaseBusySpan(db: Database, userId: string, shiftId: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.volunteers)
    .doc(userId)
    .update({ busy: _.pull({ shiftId }) });
}

/** Volunteers registered at a station or beneath it (a 站's volunteers include its 室's), at most `limit`. */
export async function findVolunteersOfStation(db: Database, stationId: string, limit: number): Promise<VolunteerDoc[]> {
  return rows<VolunteerDoc>(
    await db.collection(COLLECTIONS.volunteers).where({ homeStationPath: stationId }).limit(limit).get(),
  );
}

/** The volunteer registered with this ID hash, or null (the hash is unique). */
export async function findVolunteerByIdHash(db: Database, idHash: string): Promise<VolunteerDoc | null> {
  return rows<VolunteerDoc>(await db.collection(COLLECTIONS.volunteers).where({ idHash }).limit(1).get())[0] ?? null;
}

/** Insert a dispute; `false` when this claimant already raised one for this number (same `_id`). */
export function insertDispute(db: Database, dispute: IdDisputeDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.idDisputes, dispute);
}

/** One dispute, or null. */
export function findDispute(db: Database, disputeId: string): Promise<IdDisputeDoc | null> {
  return getById<IdDisputeDoc>(db, COLLECTIONS.idDisputes, disputeId);
}

/** The claimant's latest dispute, or null. */
export async function findLatestDisputeOf(db: Database, claimantId: string): Promise<IdDisputeDoc | null> {
  return (
    rows<IdDisputeDoc>(
      await db.collection(COLLECTIONS.idDisputes).where({ claimantId }).orderBy('createdAt', 'desc').limit(1).get(),
    )[0] ?? null
  );
}

/** Open disputes of a station subtree, oldest first, at most 100 (a station sees a handful). */
export async function findOpenDisputes(db: Database, stationId: string): Promise<IdDisputeDoc[]> {
  return rows<IdDisputeDoc>(
    await db
      .collection(COLLECTIONS.idDisputes)
      .where({ stationPath: stationId, status: 'open' })
      .orderBy('createdAt', 'asc')
      .limit(100)
      .get(),
  );
}

/**
 * Decide an open dispute by one transaction: the dispute leaves `open`, and when upheld the
 * holder's registration gives the number up (its hash becomes `revoked_<disputeId>`, so the unique
 * index frees it) — only if the holder still has it. The holder keeps their row, number and
 * hours. Null when the dispute was no longer open.
 */
export async function decideDispute(
  db: Database,
  decision: { disputeId: string; upheld: boolean; resolution: string; by: string; at: Date },
): Promise<IdDisputeDoc | null> {
  return (await db.runTransaction(async (tx: TransactionLike) => {
    const dispute = (await tx.collection(COLLECTIONS.idDisputes).doc(decision.disputeId).get())
      .data as IdDisputeDoc | null;
    if (!dispute || dispute.status !== 'open') return null;
    const fields = {
      status: decision.upheld ? ('upheld' as const) : ('rejected' as const),
      resolution: decision.resolution,
      resolvedBy: decision.by,
      resolvedAt: decision.at,
    };
    await tx.collection(COLLECTIONS.idDisputes).doc(dispute._id).update(fields);
    if (decision.upheld) {
      const holder = tx.collection(COLLECTIONS.volunteers).doc(dispute.holderId);
      const row = (await holder.get()).data as VolunteerDoc | null;
      if (row && row.idHash === dispute.idHash) {
        await holder.update({ idHash: `revoked_${dispute._id}`, idMasked: REVOKED_ID_MASK, updatedAt: decision.at });
      }
    }
    return { ...dispute, ...fields };
  }, 10)) as IdDisputeDoc | null;
}
