import { createHash } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/domain/policy';
import type { StationDoc } from '../documents';
import type { TargetDoc, VisitDoc } from '../documents/targets';
import type { Database } from '../deps';
import { COLLECTIONS, getById, insertUnlessExists, pageOf, rows, updatedCount, type Page, type PageArgs } from './base';
import { appendRead } from './read-log';
import { assertRosterAccess, readTarget, type SensitiveReader } from './targets';

/**
 * `visits`: one row per visit (ADR 0017, 0018). A visit's `_id` derives from its author and the
 * draft's client id, so a draft synced twice — after a lost answer, a retry, a second tap — is one
 * row. Visits hold health and living conditions: they are read through the functions here, which
 * check the reader and log the read like the target records.
 */

/** The visit id of a draft: the same author and client id always give the same id (and no one else's). */
export function visitIdFor(authorId: string, clientId: string): string {
  return `v${createHash('sha256').update(`station-link:visit:${authorId}:${clientId}`).digest('hex').slice(0, 24)}`;
}

/** Insert a visit; false when a visit with this id (the same draft) is already stored. */
export function insertVisit(db: Database, visit: VisitDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.visits, visit);
}

/**
 * What a re-sent draft is compared with: the stored visit's fingerprint and outcome only (nothing
 * of its contents leaves this function, so there is nothing to log). Null when it is not the
 * author's own.
 */
export async function findStoredDraft(
  db: Database,
  authorId: string,
  visitId: string,
): Promise<Pick<VisitDoc, 'payloadHash' | 'status' | 'far'> | null> {
  const found = rows<VisitDoc>(
    await db
      .collection(COLLECTIONS.visits)
      .where({ _id: visitId, authorId })
      .field({ payloadHash: true, status: true, far: true })
      .limit(1)
      .get(),
  );
  const visit = found[0];
  return visit ? { payloadHash: visit.payloadHash, status: visit.status, far: visit.far ?? null } : null;
}

/**
 * One visit for its author, or for staff who may read records at its station. Logged as a visit
 * read. NOT_FOUND for anyone else (a visit's existence is not disclosed).
 */
export async function readVisit(db: Database, reader: SensitiveReader, visitId: string): Promise<VisitDoc> {
  const visit = await getById<VisitDoc>(db, COLLECTIONS.visits, visitId);
  const own = visit?.authorId === reader.caller.userId;
  if (!visit || (!own && !can(reader.caller, 'targets:read', { stationPath: visit.stationPath })))
    throw new AppError('NOT_FOUND', { userMessage: '探访记录不存在' });
  await appendRead(db, {
    at: reader.now,
    actorId: reader.caller.userId,
    actorName: reader.caller.user.nickname,
    purpose: 'visits',
    reason: reader.reason ?? null,
    targetIds: [visit.targetId],
    targetLabel: visit.targetLabel,
    stationId: visit.stationId,
    stationPath: visit.stationPath,
  });
  return visit;
}

/**
 * A visit and its record for staff turning its follow-up into a service order: NOT_FOUND when
 * absent, FORBIDDEN unless the reader may read records and manage orders at the visit's station
 * (its author gets no exception here: a volunteer cannot raise orders). The record itself is read
 * through `readTarget` (purpose `visits`, reason `referral`), so the one read is checked against
 * its current station and logged; nothing is logged when refused. `check` refuses on the visit's
 * state before anything is logged.
 */
export async function readVisitForOrder(
  db: Database,
  reader: SensitiveReader,
  visitId: string,
  check: (visit: VisitDoc) => void,
): Promise<{ visit: VisitDoc; target: TargetDoc }> {
  const visit = await getById<VisitDoc>(db, COLLECTIONS.visits, visitId);
  if (!visit) throw new AppError('NOT_FOUND', { userMessage: '探访记录不存在' });
  const here = { stationPath: visit.stationPath };
  if (!can(reader.caller, 'targets:read', here) || !can(reader.caller, 'order:manage', here))
    throw new AppError('FORBIDDEN');
  check(visit);
  const { target } = await readTarget(db, { ...reader, purpose: 'visits', reason: 'referral' }, visit.targetId);
  return { visit, target };
}

/** One visit by id, or null — for decisions already authorized and logged by the caller. */
export function findVisit(db: Database, visitId: string): Promise<VisitDoc | null> {
  return getById<VisitDoc>(db, COLLECTIONS.visits, visitId);
}

/** A record's visits, newest first — after `readTarget` (purpose `visits`) allowed and logged the read. */
export async function findTargetVisitsPage(
  db: Database,
  reader: SensitiveReader,
  targetId: string,
  args: PageArgs,
): Promise<Page<VisitDoc>> {
  await readTarget(db, { ...reader, purpose: 'visits' }, targetId);
  return pageOf<VisitDoc>(
    () => db.collection(COLLECTIONS.visits).where({ targetId }).orderBy('startAt', 'desc').orderBy('_id', 'asc'),
    args,
  );
}

/** The two queues of a station subtree: volunteer visits to confirm, abnormal findings not yet ordered. */
export type VisitQueue = 'pending' | 'followUps';

function queueWhere(db: Database, station: StationDoc, queue: VisitQueue) {
  const _ = db.command;
  return queue === 'pending'
    ? { stationPath: station._id, status: 'pending' }
    : { stationPath: station._id, status: _.neq('rejected'), 'followUp.orderId': _.eq(null), followUp: _.neq(null) };
}

/** A page of a queue (two calls), logged as a list read. */
export async function findVisitQueuePage(
  db: Database,
  reader: SensitiveReader,
  station: StationDoc,
  queue: VisitQueue,
  args: PageArgs,
): Promise<Page<VisitDoc>> {
  assertRosterAccess(reader, station);
  const page = await pageOf<VisitDoc>(
    () =>
      db
        .collection(COLLECTIONS.visits)
        .where(queueWhere(db, station, queue))
        .orderBy(queue === 'pending' ? 'createdAt' : 'followUp.dueDate', 'asc')
        .orderBy('_id', 'asc'),
    args,
  );
  if (page.items.length)
    await appendRead(db, {
      at: reader.now,
      actorId: reader.caller.userId,
      actorName: reader.caller.user.nickname,
      purpose: 'visits',
      reason: null,
      targetIds: [...new Set(page.items.map((v) => v.targetId))],
      targetLabel: `${page.items.length} 条探访`,
      stationId: station._id,
      stationPath: station.path,
    });
  return page;
}

/** Sizes of both queues (two counts, nothing disclosed). */
export async function countVisitQueues(
  db: Database,
  reader: SensitiveReader,
  station: StationDoc,
): Promise<{ pendingVisits: number; openFollowUps: number }> {
  assertRosterAccess(reader, station);
  const count = async (queue: VisitQueue) =>
    Number(
      (
        (await db
          .collection(COLLECTIONS.visits)
          .where(queueWhere(db, station, queue))
          .count()) as { total?: number }
      ).total ?? 0,
    );
  const [pendingVisits, openFollowUps] = await Promise.all([count('pending'), count('followUps')]);
  return { pendingVisits, openFollowUps };
}

/** The caller's own pending visits per record (a volunteer's task list shows "待确认"). One aggregation. */
export async function countMyPendingVisits(
  db: Database,
  authorId: string,
  targetIds: string[],
): Promise<Map<string, number>> {
  if (!authorId || targetIds.length === 0) return new Map();
  const _ = db.command;
  const res = (await db
    .collection(COLLECTIONS.visits)
    .aggregate()
    .match({ authorId, status: 'pending', targetId: _.in(targetIds) })
    .group({ _id: '$targetId', n: { $sum: 1 } })
    .limit(1000)
    .end()) as { data?: { _id: string; n: number }[] };
  return new Map((res.data ?? []).map((r) => [r._id, Number(r.n)]));
}

/**
 * Staff decide on a volunteer visit: it counts, or it does not. One conditional write on the
 * pending row, so two staff deciding at once cannot both win. True iff decided.
 */
export async function decidePendingVisit(
  db: Database,
  visitId: string,
  decision: { status: 'counted' | 'rejected'; by: string; byName: string; at: Date; reason: string | null },
): Promise<boolean> {
  const res = await db.collection(COLLECTIONS.visits).where({ _id: visitId, status: 'pending' }).update({
    status: decision.status,
    confirmedBy: decision.by,
    confirmedByName: decision.byName,
    confirmedAt: decision.at,
    rejectReason: decision.reason,
  });
  return updatedCount(res) === 1;
}

/**
 * The hook for service orders (issue 12): record that order `orderId` was created from this visit's
 * follow-up. One conditional write — only a follow-up with no order yet takes one, so an order is
 * never linked twice. True iff linked. The `orders` function calls this after inserting an order
 * whose `source` is `{ kind: 'visit', visitId, targetId }`.
 */
export async function linkFollowUpOrder(db: Database, visitId: string, orderId: string): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.visits)
    .where({ _id: visitId, followUp: _.neq(null), 'followUp.orderId': _.eq(null) })
    .update({ 'followUp.orderId': orderId });
  return updatedCount(res) === 1;
}

/** The latest counted visit of each record (one aggregation; the reconcile timer's truth). */
export async function latestCountedVisits(db: Database, targetIds: string[]): Promise<Map<string, Date>> {
  if (targetIds.length === 0) return new Map();
  const _ = db.command;
  const res = (await db
    .collection(COLLECTIONS.visits)
    .aggregate()
    .match({ targetId: _.in(targetIds), status: 'counted' })
    .group({ _id: '$targetId', last: { $max: '$startAt' } })
    .limit(1000)
    .end()) as { data?: { _id: string; last: Date }[] };
  return new Map((res.data ?? []).map((r) => [r._id, new Date(r.last)]));
}
