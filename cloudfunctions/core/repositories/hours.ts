import { HOUR_BASE_KINDS } from '../../../shared/domain/hours';
import type { Database } from '../deps';
import type { CertificateDoc, ClaimDoc, HourEntryDoc } from '../documents';
import { COLLECTIONS, getById, pageOf, rows, type Page, type PageArgs, type TransactionLike } from './base';

/** One ledger entry, or null. */
export function findEntry(db: Database, entryId: string): Promise<HourEntryDoc | null> {
  return getById<HourEntryDoc>(db, COLLECTIONS.hourEntries, entryId);
}

/** Append an entry under its own id (deterministic ids make repeats duplicates). */
export async function insertEntry(db: Database, entry: HourEntryDoc): Promise<void> {
  await db.collection(COLLECTIONS.hourEntries).add(entry);
}

/** A volunteer's whole ledger, oldest first (a person's entries stay well under 1000 a year). */
export async function findVolunteerEntries(db: Database, volunteerId: string): Promise<HourEntryDoc[]> {
  return rows<HourEntryDoc>(
    await db.collection(COLLECTIONS.hourEntries).where({ volunteerId }).orderBy('serviceDate', 'asc').limit(1000).get(),
  );
}

/** Verified and top-up entries of a volunteer overlapping [startAt, endAt). */
export async function findOverlappingEntries(
  db: Database,
  volunteerId: string,
  span: { startAt: Date; endAt: Date },
): Promise<HourEntryDoc[]> {
  const _ = db.command;
  return rows<HourEntryDoc>(
    await db
      .collection(COLLECTIONS.hourEntries)
      .where({
        volunteerId,
        kind: _.in([...HOUR_BASE_KINDS]),
        serviceDate: _.lt(span.endAt),
        serviceEnd: _.gt(span.startAt),
      })
      .limit(10)
      .get(),
  );
}

/** Auto-closed entries of a station subtree that no staff member has looked at yet. */
export async function findUnreviewedAutoClosed(
  db: Database,
  stationId: string,
  limit: number,
): Promise<HourEntryDoc[]> {
  return rows<HourEntryDoc>(
    await db
      .collection(COLLECTIONS.hourEntries)
      .where({ stationPath: stationId, autoClosed: true, reviewed: false })
      .orderBy('serviceDate', 'asc')
      .limit(limit)
      .get(),
  );
}

/** Mark an auto-closed entry as looked at (its minutes never change; corrections are new entries). */
export async function markEntryReviewed(db: Database, entryId: string): Promise<void> {
  await db.collection(COLLECTIONS.hourEntries).where({ _id: entryId, reviewed: false }).update({ reviewed: true });
}

/** The sum of an entry's adjustment rows (entries adjusted before `adjustedMinutes` was kept). */
async function sumAdjustments(db: Database, entryId: string): Promise<number> {
  const res = (await db
    .collection(COLLECTIONS.hourEntries)
    .aggregate()
    .match({ adjustsEntryId: entryId })
    .group({ _id: null, minutes: { $sum: '$minutes' } })
    .end()) as { data?: { minutes: number }[] };
  return res.data?.[0]?.minutes ?? 0;
}

/**
 * Append `adjustment` to the entry it corrects, serialised on that entry: one transaction reads
 * the entry's running `adjustedMinutes`, lets `decide` refuse (by throwing) on the entry's current
 * minutes and adjustments, moves the running total and writes the adjustment — marking an
 * auto-closed entry reviewed on the way. Two adjustments of one entry at once conflict and the
 * loser is retried against the winner's total. Answers the entry as it was before.
 */
export async function appendAdjustmentSerialised(
  db: Database,
  adjustment: HourEntryDoc & { adjustsEntryId: string },
  decide: (entry: HourEntryDoc & { adjustedMinutes: number }) => void,
): Promise<HourEntryDoc & { adjustedMinutes: number }> {
  return (await db.runTransaction(async (tx: TransactionLike) => {
    const ref = tx.collection(COLLECTIONS.hourEntries).doc(adjustment.adjustsEntryId);
    const entry = (await ref.get()).data as HourEntryDoc | null;
    if (!entry) throw new Error(`entry ${adjustment.adjustsEntryId} vanished during an adjustment`);
    const current = { ...entry, adjustedMinutes: entry.adjustedMinutes ?? (await sumAdjustments(db, entry._id)) };
    decide(current);
    await ref.update({
      adjustedMinutes: current.adjustedMinutes + adjustment.minutes,
      ...(entry.autoClosed && !entry.reviewed ? { reviewed: true } : {}),
    });
    const { _id, ...fields } = adjustment;
    await tx.collection(COLLECTIONS.hourEntries).doc(_id).set(fields);
    return current;
  }, 10)) as HourEntryDoc & { adjustedMinutes: number };
}

/** Entries of a volunteer at one station in [from, to), oldest first (certificates). */
export async function findEntriesForCertificate(
  db: Database,
  filter: { volunteerId: string; stationId: string; from: Date; to: Date },
): Promise<HourEntryDoc[]> {
  const _ = db.command;
  return rows<HourEntryDoc>(
    await db
      .collection(COLLECTIONS.hourEntries)
      .where({
        volunteerId: filter.volunteerId,
        stationId: filter.stationId,
        serviceDate: _.and(_.gte(filter.from), _.lt(filter.to)),
      })
      .orderBy('serviceDate', 'asc')
      .limit(1000)
      .get(),
  );
}

/** Minutes per volunteer for a station subtree (optionally one month), most first, top `limit`. */
export async function sumMinutesByVolunteer(
  db: Database,
  filter: { stationId: string; from?: Date; to?: Date },
  limit: number,
): Promise<{ volunteerId: string; minutes: number }[]> {
  const _ = db.command;
  const match: Record<string, unknown> = { stationPath: filter.stationId };
  if (filter.from && filter.to) match.serviceDate = _.and(_.gte(filter.from), _.lt(filter.to));
  const res = (await db
    .collection(COLLECTIONS.hourEntries)
    .aggregate()
    .match(match)
    .group({ _id: '$volunteerId', minutes: { $sum: '$minutes' } })
    .sort({ minutes: -1 })
    .limit(limit)
    .end()) as { data?: { _id: string; minutes: number }[] };
  return (res.data ?? []).map((r) => ({ volunteerId: r._id, minutes: r.minutes }));
}

/** Claims by id (what a top-up on a certificate was for), at most 1000. */
export async function findClaimsByIds(db: Database, ids: string[]): Promise<ClaimDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<ClaimDoc>(
    await db
      .collection(COLLECTIONS.hourClaims)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/** One claim, or null. */
export function findClaim(db: Database, claimId: string): Promise<ClaimDoc | null> {
  return getById<ClaimDoc>(db, COLLECTIONS.hourClaims, claimId);
}

/** Pending claims of a volunteer overlapping [startAt, endAt). */
export async function findOverlappingPendingClaims(
  db: Database,
  volunteerId: string,
  span: { startAt: Date; endAt: Date },
): Promise<ClaimDoc[]> {
  const _ = db.command;
  return rows<ClaimDoc>(
    await db
      .collection(COLLECTIONS.hourClaims)
      .where({ volunteerId, status: 'pending', startAt: _.lt(span.endAt), endAt: _.gt(span.startAt) })
      .limit(10)
      .get(),
  );
}

/** A volunteer's claims, newest first. */
export function findVolunteerClaimsPage(db: Database, volunteerId: string, args: PageArgs): Promise<Page<ClaimDoc>> {
  return pageOf<ClaimDoc>(
    () => db.collection(COLLECTIONS.hourClaims).where({ volunteerId }).orderBy('createdAt', 'desc'),
    args,
  );
}

/** Pending claims of a station subtree, oldest first. */
export async function findPendingClaims(db: Database, stationId: string, args: PageArgs): Promise<ClaimDoc[]> {
  return rows<ClaimDoc>(
    await db
      .collection(COLLECTIONS.hourClaims)
      .where({ stationPath: stationId, status: 'pending' })
      .orderBy('createdAt', 'asc')
      .skip((args.page - 1) * args.pageSize)
      .limit(args.pageSize)
      .get(),
  );
}

/**
 * Insert a claim serialised per volunteer: one transaction bumps the volunteer row's `rev` and
 * inserts the claim, so two concurrent claims by one person conflict and the SDK retries the
 * loser — whose `precheck` (overlap query) then sees the winner. `precheck` throws to refuse.
 */
export async function insertClaimSerialised(
  db: Database,
  claim: ClaimDoc,
  precheck: () => Promise<void>,
): Promise<void> {
  const _ = db.command;
  await db.runTransaction(async (tx: TransactionLike) => {
    await tx.collection(COLLECTIONS.volunteers).doc(claim.volunteerId).get();
    await precheck();
    await tx
      .collection(COLLECTIONS.volunteers)
      .doc(claim.volunteerId)
      .update({ rev: _.inc(1) });
    const { _id, ...fields } = claim;
    await tx.collection(COLLECTIONS.hourClaims).doc(_id).set(fields);
  }, 10);
}

/**
 * Decide a pending claim; on approval the top-up entry is written in the same transaction under
 * `top_<claimId>`. Null when the claim was no longer pending (approved entries are locked).
 */
export async function decideClaim(
  db: Database,
  decision: { claimId: string; fields: Partial<ClaimDoc>; entry: HourEntryDoc | null },
): Promise<ClaimDoc | null> {
  return (await db.runTransaction(async (tx: TransactionLike) => {
    const claim = (await tx.collection(COLLECTIONS.hourClaims).doc(decision.claimId).get()).data as ClaimDoc | null;
    if (!claim || claim.status !== 'pending') return null;
    await tx.collection(COLLECTIONS.hourClaims).doc(claim._id).update(decision.fields);
    if (decision.entry) {
      const { _id, ...entry } = decision.entry;
      await tx.collection(COLLECTIONS.hourEntries).doc(_id).set(entry);
    }
    return { ...claim, ...decision.fields };
  }, 10)) as ClaimDoc | null;
}

/** Insert a certificate (serials are unique by construction). */
export async function insertCertificate(db: Database, certificate: CertificateDoc): Promise<void> {
  await db.collection(COLLECTIONS.certificates).add(certificate);
}

/** One certificate by serial, or null. */
export function findCertificate(db: Database, serial: string): Promise<CertificateDoc | null> {
  return getById<CertificateDoc>(db, COLLECTIONS.certificates, serial);
}
