import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/domain/policy';
import { maskName } from '../../../shared/domain/privacy';
import { decideTargetAccess, type AccessDecision } from '../../../shared/domain/target-access';
import {
  RISK_TIER_KEYS,
  type ReadPurpose,
  type ReadReason,
  type RiskTier,
  type TargetCategory,
} from '../../../shared/domain/targets';
import {
  deadlineCutoffs,
  monthStart,
  planHorizons,
  urgentBefore,
  type VisitPolicy,
} from '../../../shared/domain/visit-plan';
import type { UserCaller } from '../caller';
import type { Database } from '../deps';
import type { StationDoc } from '../documents';
import type { TargetDoc } from '../documents/targets';
import { COLLECTIONS, getById, insertUnlessExists, pageOf, rows, updatedCount, type Page, type PageArgs } from './base';
import { isDuplicateWrite } from './db-errors';
import { appendRead } from './read-log';

/**
 * `targets`: the protected roster (ADR 0017). Every function that returns record contents takes a
 * {@link SensitiveReader}: it checks the reader against the record's station subtree, caseload or
 * pairing (the pure rules of shared/domain/target-access.ts) and appends a read-log entry in the
 * same request. Writes take what the action already read and decided.
 */

/** Who reads sensitive records, and why. */
export interface SensitiveReader {
  caller: UserCaller;
  purpose: ReadPurpose;
  /** Chosen by the reader when opening a record outside their own caseload. */
  reason?: ReadReason | null;
  now: Date;
  /** For `record_visit`: when the visit started. */
  at?: Date;
}

const REFUSALS = {
  FORBIDDEN: () => new AppError('FORBIDDEN'),
  READ_REASON_REQUIRED: () => new AppError('READ_REASON_REQUIRED'),
  TARGET_CLOSED: () => new AppError('TARGET_CLOSED'),
  NOT_ACTIVE: () =>
    new AppError('VISIT_TIME_INVALID', {
      userMessage: '探访时间早于该对象建档时间',
      fields: { 'data.startAt': '探访时间早于该对象建档时间' },
    }),
} as const;

function subjectOf(caller: UserCaller) {
  return { userId: caller.userId, grants: caller.grants };
}

/** Log one read (masked label, never contents). */
function logRead(
  db: Database,
  reader: SensitiveReader,
  where: { stationId: string; stationPath: string[] },
  targetIds: string[],
  targetLabel: string,
): Promise<void> {
  return appendRead(db, {
    at: reader.now,
    actorId: reader.caller.userId,
    actorName: reader.caller.user.nickname,
    purpose: reader.purpose,
    reason: reader.reason ?? null,
    targetIds,
    targetLabel,
    stationId: where.stationId,
    stationPath: where.stationPath,
  });
}

/**
 * One record for `reader`: NOT_FOUND when absent; FORBIDDEN, READ_REASON_REQUIRED, TARGET_CLOSED
 * as the access rules decide (nothing is logged then); otherwise the read is logged and the record
 * returned with the decision (full or masked view, caseload, volunteer).
 */
export async function readTarget(
  db: Database,
  reader: SensitiveReader,
  targetId: string,
): Promise<{ target: TargetDoc; access: Extract<AccessDecision, { ok: true }> }> {
  const target = await getById<TargetDoc>(db, COLLECTIONS.targets, targetId);
  if (!target) throw new AppError('NOT_FOUND', { userMessage: '服务对象档案不存在' });
  const access = decideTargetAccess(subjectOf(reader.caller), target, {
    purpose: reader.purpose,
    reason: reader.reason,
    at: reader.at,
  });
  if (!access.ok) throw REFUSALS[access.refusal]();
  await logRead(db, reader, target, [target._id], maskName(target.name));
  return { target, access };
}

/** Refuse unless the reader may read the roster of `station` (its whole subtree). */
export function assertRosterAccess(reader: SensitiveReader, station: StationDoc): void {
  if (!can(reader.caller, 'targets:read', { stationPath: station.path })) throw new AppError('FORBIDDEN');
}

/** Insert a new record; false when the same ID hash or the same name + birth year + address exists. */
export function insertTarget(db: Database, target: TargetDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.targets, target);
}

/** An existing record that blocked a registration, and which rule matched. */
export interface SamePerson {
  targetId: string;
  stationId: string;
  stationPath: string[];
  status: TargetDoc['status'];
  rule: 'id' | 'same';
}

/**
 * After a refused insert: which records hold these keys (one query). Logged as a duplicate check
 * at the registering station; only ids, stations and status leave this function.
 */
export async function findSamePerson(
  db: Database,
  reader: SensitiveReader,
  keys: { idKey: string; sameKey: string },
  station: StationDoc,
): Promise<SamePerson[]> {
  const _ = db.command;
  const found = rows<TargetDoc>(
    await db
      .collection(COLLECTIONS.targets)
      .where(_.or([{ idKey: keys.idKey }, { sameKey: keys.sameKey }]))
      .limit(2)
      .get(),
  );
  if (found.length)
    await logRead(
      db,
      reader,
      { stationId: station._id, stationPath: station.path },
      found.map((t) => t._id),
      `${found.length} 人`,
    );
  return found.map((t) => ({
    targetId: t._id,
    stationId: t.stationId,
    stationPath: t.stationPath,
    status: t.status,
    rule: t.idKey === keys.idKey ? 'id' : 'same',
  }));
}

/** Filters of the roster and the plan. */
export interface RosterQuery {
  station: StationDoc;
  status: TargetDoc['status'];
  q?: string;
  category?: TargetCategory;
  tier?: RiskTier;
  /** Only this worker's caseload. */
  workerId?: string;
  /** A plan view, judged with the centre's policy at `now`. */
  due?: { view: 'overdue' | 'week' | 'month' | 'done'; policy: VisitPolicy; now: Date };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * "Due by `horizon`" as a query: per tier, the last visit is older than the tier's cut-off, or it
 * was never visited and registered before the cut-off; or a major event is open long enough.
 */
function dueBy(db: Database, policy: VisitPolicy, horizon: Date) {
  const _ = db.command;
  return _.or([
    ...RISK_TIER_KEYS.flatMap((tier) => {
      const cut = deadlineCutoffs(policy[tier], horizon);
      return [
        { tier, lastVisitAt: _.lt(cut.lastVisitBefore) },
        { tier, lastVisitAt: _.eq(null), activeFrom: _.lt(cut.activeBefore) },
      ];
    }),
    { 'urgent.since': _.lte(urgentBefore(horizon)) },
  ]);
}

function rosterWhere(db: Database, query: RosterQuery) {
  const _ = db.command;
  const parts: object[] = [{ stationPath: query.station._id, status: query.status }];
  if (query.q) {
    const q = query.q.trim();
    if (/^\d{4}$/.test(q)) parts.push({ phoneTails: q });
    else {
      const re = db.RegExp({ regexp: escapeRegExp(q), options: 'i' });
      parts.push(_.or([{ name: re }, { 'address.area': re }, { 'address.building': re }]));
    }
  }
  if (query.category) parts.push({ categories: query.category });
  if (query.tier) parts.push({ tier: query.tier });
  if (query.workerId) parts.push({ responsibleWorkerId: query.workerId });
  if (query.due) {
    const { view, policy, now } = query.due;
    const { weekEnd, monthEnd } = planHorizons(now);
    if (view === 'done') parts.push({ lastVisitAt: _.gte(monthStart(now)) });
    else parts.push(dueBy(db, policy, view === 'overdue' ? now : view === 'week' ? weekEnd : monthEnd));
  }
  return _.and(parts);
}

/**
 * A page of the roster or plan of a station subtree (two calls) — FORBIDDEN outside the reader's
 * subtree. The page's records are logged as one list read.
 */
export async function findTargetsPage(
  db: Database,
  reader: SensitiveReader,
  query: RosterQuery,
  args: PageArgs,
): Promise<Page<TargetDoc>> {
  assertRosterAccess(reader, query.station);
  const where = rosterWhere(db, query);
  const page = await pageOf<TargetDoc>(
    () =>
      query.due && query.due.view !== 'done'
        ? db.collection(COLLECTIONS.targets).where(where).orderBy('lastVisitAt', 'asc').orderBy('_id', 'asc')
        : db.collection(COLLECTIONS.targets).where(where).orderBy('name', 'asc').orderBy('_id', 'asc'),
    args,
  );
  if (page.items.length)
    await logRead(
      db,
      reader,
      { stationId: query.station._id, stationPath: query.station.path },
      page.items.map((t) => t._id),
      `${page.items.length} 人`,
    );
  return page;
}

/**
 * How many records of a subtree (of one caseload, tier or category when asked) fall in each plan
 * view: four counts; nothing is disclosed, nothing logged.
 */
export async function countPlan(
  db: Database,
  reader: SensitiveReader,
  query: Omit<RosterQuery, 'due' | 'status' | 'q'> & { policy: VisitPolicy },
): Promise<Record<'overdue' | 'week' | 'month' | 'done', number>> {
  assertRosterAccess(reader, query.station);
  const count = async (view: 'overdue' | 'week' | 'month' | 'done') =>
    Number(
      (
        (await db
          .collection(COLLECTIONS.targets)
          .where(rosterWhere(db, { ...query, status: 'active', due: { view, policy: query.policy, now: reader.now } }))
          .count()) as { total?: number }
      ).total ?? 0,
    );
  const [overdue, week, month, done] = await Promise.all([
    count('overdue'),
    count('week'),
    count('month'),
    count('done'),
  ]);
  return { overdue, week, month, done };
}

/** Records that were in the subtree and moved elsewhere, newest first (masked by the caller's mapper). Logged. */
export async function findMovedOutPage(
  db: Database,
  reader: SensitiveReader,
  station: StationDoc,
  args: PageArgs,
): Promise<Page<TargetDoc>> {
  assertRosterAccess(reader, station);
  const _ = db.command;
  const page = await pageOf<TargetDoc>(
    () =>
      db
        .collection(COLLECTIONS.targets)
        .where({ 'spans.stationPath': station._id, stationPath: _.neq(station._id) })
        .orderBy('updatedAt', 'desc'),
    args,
  );
  if (page.items.length)
    await logRead(
      db,
      reader,
      { stationId: station._id, stationPath: station.path },
      page.items.map((t) => t._id),
      `${page.items.length} 人`,
    );
  return page;
}

/** The active records a volunteer is paired with (their masked tasks), by deadline order of last visit. Logged. */
export async function findTasksPage(db: Database, reader: SensitiveReader, args: PageArgs): Promise<Page<TargetDoc>> {
  const userId = reader.caller.userId;
  if (!userId) throw new AppError('UNAUTHENTICATED');
  const page = await pageOf<TargetDoc>(
    () =>
      db
        .collection(COLLECTIONS.targets)
        .where({ pairedVolunteerIds: userId, status: 'active' })
        .orderBy('lastVisitAt', 'asc')
        .orderBy('_id', 'asc'),
    args,
  );
  for (const target of page.items) {
    const decision = decideTargetAccess(subjectOf(reader.caller), target, { purpose: 'task' });
    if (!decision.ok || decision.view !== 'masked') throw new AppError('FORBIDDEN');
  }
  if (page.items.length) {
    const first = page.items[0]!;
    await logRead(
      db,
      reader,
      first,
      page.items.map((t) => t._id),
      page.items.length === 1 ? maskName(first.name) : `${page.items.length} 人`,
    );
  }
  return page;
}

/** Every active record of a subtree for an export (pages of 1000; logged by the caller's export entry). */
export async function findTargetsForExport(
  db: Database,
  reader: SensitiveReader,
  station: StationDoc,
  max: number,
): Promise<TargetDoc[]> {
  assertRosterAccess(reader, station);
  if (!can(reader.caller, 'targets:export', { stationPath: station.path })) throw new AppError('FORBIDDEN');
  const out: TargetDoc[] = [];
  for (let skip = 0; skip < max; skip += 1000) {
    const batch = rows<TargetDoc>(
      await db
        .collection(COLLECTIONS.targets)
        .where({ stationPath: station._id, status: 'active' })
        .orderBy('stationId', 'asc')
        .orderBy('name', 'asc')
        .skip(skip)
        .limit(Math.min(1000, max - skip))
        .get(),
    );
    out.push(...batch);
    if (batch.length < 1000) break;
  }
  await logRead(db, reader, { stationId: station._id, stationPath: station.path }, [], `${out.length} 人（导出）`);
  return out;
}

/** Fields a conditional write may set; object values replace (never merge) what was stored. */
export type TargetPatch = Partial<Omit<TargetDoc, '_id' | 'rev' | 'createdAt' | 'createdBy'>>;

function replacing(db: Database, patch: TargetPatch): Record<string, unknown> {
  const _ = db.command;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    out[key] = value !== null && typeof value === 'object' && !(value instanceof Date) ? _.set(value) : value;
  }
  return out;
}

/**
 * Apply `patch` only if the record is still at `rev` (what the editor opened), bumping it — so two
 * editors never overwrite each other silently. True iff applied.
 */
export async function updateTargetAtRev(
  db: Database,
  targetId: string,
  rev: number,
  patch: TargetPatch,
): Promise<boolean> {
  try {
    const res = await db
      .collection(COLLECTIONS.targets)
      .where({ _id: targetId, rev })
      .update({ ...replacing(db, patch), rev: rev + 1 });
    return updatedCount(res) === 1;
  } catch (err) {
    if (isDuplicateWrite(err))
      throw new AppError('TARGET_DUPLICATE', { userMessage: '修改后与另一份档案重复（同一证件号，或同名同年同住址）' });
    throw err;
  }
}

/**
 * Raise the cached last visit to `at` if it is later (one conditional write; a late-synced older
 * visit changes nothing). When asked, also clears an open major event the visit answered (its own
 * conditional write, so a race with another visit or a new event cannot undo either). Does not
 * bump `rev`: a visit never invalidates an open edit.
 */
export async function noteCountedVisit(
  db: Database,
  targetId: string,
  visit: { at: Date; answersUrgent: boolean },
): Promise<void> {
  const _ = db.command;
  await Promise.all([
    db
      .collection(COLLECTIONS.targets)
      .where(_.and([{ _id: targetId }, _.or([{ lastVisitAt: _.eq(null) }, { lastVisitAt: _.lt(visit.at) }])]))
      .update({ lastVisitAt: visit.at }),
    visit.answersUrgent
      ? db
          .collection(COLLECTIONS.targets)
          .where({ _id: targetId, 'urgent.since': _.lte(visit.at) })
          .update({ urgent: null })
      : Promise.resolve(),
  ]);
}

/**
 * Set (or correct) an active record's home position, as staff took it at the address. Does not
 * bump `rev` (it is not part of the edit form). True iff the record is still active.
 */
export async function setHomeLocation(
  db: Database,
  targetId: string,
  home: NonNullable<TargetDoc['homeLocation']>,
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.targets)
    .where({ _id: targetId, status: 'active' })
    .update({ homeLocation: _.set(home), updatedAt: home.setAt });
  return updatedCount(res) === 1;
}

/** Ids and cached last visits after `afterId`, in id order (the reconcile timer's cursor). */
export async function findLastVisitsAfter(
  db: Database,
  afterId: string,
  limit: number,
): Promise<{ _id: string; stationId: string; lastVisitAt: Date | null }[]> {
  const _ = db.command;
  return rows<{ _id: string; stationId: string; lastVisitAt: Date | null }>(
    await db
      .collection(COLLECTIONS.targets)
      .where({ _id: _.gt(afterId) })
      .orderBy('_id', 'asc')
      .field({ _id: true, stationId: true, lastVisitAt: true })
      .limit(limit)
      .get(),
  );
}

/** Correct a cached last visit if it is still what the timer read. True iff corrected. */
export async function correctLastVisit(
  db: Database,
  targetId: string,
  change: { expected: Date | null; next: Date | null },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.targets)
    .where({ _id: targetId, lastVisitAt: change.expected === null ? _.eq(null) : change.expected })
    .update({ lastVisitAt: change.next });
  return updatedCount(res) === 1;
}

const RECONCILE_CURSOR = 'targets:reconcile-cursor';

/** Where the reconcile timer stopped (a target id; '' = start over). */
export async function findReconcileCursor(db: Database): Promise<string> {
  const doc = await getById<{ cursor?: string }>(db, COLLECTIONS.counters, RECONCILE_CURSOR);
  return typeof doc?.cursor === 'string' ? doc.cursor : '';
}

/** Remember where the reconcile timer stopped. */
export async function saveReconcileCursor(db: Database, cursor: string): Promise<void> {
  await db.collection(COLLECTIONS.counters).doc(RECONCILE_CURSOR).set({ cursor });
}
