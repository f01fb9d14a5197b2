import { createHash } from 'node:crypto';
import type { OrderReportRow } from '../../../shared/domain/order-report';
import {
  ACTIVE_STATUSES,
  allowanceOf,
  AWAITING_CONFIRMATION,
  COMPLETED_STATUSES,
  nextDueAt,
  orderDeadlines,
  SATISFIED_MIN,
  timeClassOf,
  UNRESPONDED_STATUSES,
  type DeliveryMode,
  type EscalationStage,
  type OrderChannel,
  type OrderPolicy,
  type OrderStatus,
  type PreferredTime,
  type Relationship,
} from '../../../shared/domain/orders';
import type { Database } from '../deps';
import type { StationDoc } from '../documents';
import type { MenuItemDoc, OrderDoc, OrderEventDoc, OrderSourceDoc } from '../documents/orders';
import { newId } from '../ids';
import { COLLECTIONS, getById, insertUnlessExists, pageOf, rows, updatedCount, type Page, type PageArgs } from './base';

/** One order by id, or null. */
export function findOrder(db: Database, orderId: string): Promise<OrderDoc | null> {
  return getById<OrderDoc>(db, COLLECTIONS.orders, orderId);
}

/**
 * A deterministic order id, so the same request sent twice is one order: a person's client key
 * (a double tap, a retry after a dropped connection), or the visit item that raised it.
 */
export function orderIdFor(key: { userId: string; clientKey: string } | { source: OrderSourceDoc }): string {
  const material =
    'source' in key ? `visit:${key.source.visitId}:${key.source.item}` : `client:${key.userId}:${key.clientKey}`;
  return `o${createHash('sha256').update(`station-link:order:${material}`).digest('hex').slice(0, 24)}`;
}

/** Everything needed to create an order, whoever raises it. */
export interface NewOrder {
  /** A deterministic id ({@link orderIdFor}); absent = a fresh random id. */
  id?: string;
  station: Pick<StationDoc, '_id' | 'name' | 'path'>;
  /** The menu item ordered, or null for a free-form request (it goes to triage). */
  item: MenuItemDoc | null;
  /** What is needed, for a free-form request. */
  title: string | null;
  description: string;
  photoFileId: string | null;
  preferredTime: PreferredTime;
  timeNote: string;
  /** One of the item's modes; null = the item's first (or by phone for a free-form request). */
  delivery: DeliveryMode | null;
  urgent: boolean;
  channel: OrderChannel;
  orderedBy: { userId: string; name: string };
  recipient: { userId: string | null; name: string; relationship: Relationship | null };
  contactPhone: string;
  address: string;
  proxy: OrderDoc['proxy'];
  source: OrderSourceDoc | null;
  /** The 中心's deadline rules in force ({@link findOrderPolicy} or the defaults). */
  policy: OrderPolicy;
}

/**
 * Create an order: fixes its deadlines from the item and the 中心's policy, starts its trail, and
 * inserts it under its id. The one way orders come to exist — the resident's 点单, staff's
 * 代点单 and, later, a visit's abnormal item (service targets, issue 11) all call this. With a
 * deterministic id a repeat finds the existing order (`created: false`) and writes nothing.
 */
export async function createOrder(
  db: Database,
  input: NewOrder,
  now: Date,
): Promise<{ order: OrderDoc; created: boolean }> {
  const timeClass = timeClassOf(input.item, input.urgent);
  const deadlines = orderDeadlines(now, allowanceOf(timeClass, input.item, input.policy));
  const status: OrderStatus = input.item ? 'pending' : 'triage';
  const raisedByStation = input.proxy !== null || input.source !== null;
  const event: OrderEventDoc = {
    at: now,
    action: 'place',
    from: null,
    to: status,
    byId: input.orderedBy.userId,
    byRole: raisedByStation ? 'staff' : 'orderer',
    byName: input.orderedBy.name,
    subjectName: null,
    note: null,
    notePublic: false,
  };
  const order: OrderDoc = {
    _id: input.id ?? newId('o'),
    stationId: input.station._id,
    stationName: input.station.name,
    stationPath: [...input.station.path],
    centerId: input.station.path[0]!,
    itemId: input.item?._id ?? null,
    itemName: input.item?.name ?? input.title ?? '其他需求',
    category: input.item?.category ?? 'other',
    freeForm: input.item === null,
    delivery: input.delivery ?? input.item?.delivery[0] ?? 'phone',
    channel: input.channel,
    urgent: input.urgent,
    timeClass,
    description: input.description,
    photoFileId: input.photoFileId,
    preferredTime: input.preferredTime,
    timeNote: input.timeNote,
    orderedBy: input.orderedBy.userId,
    orderedByName: input.orderedBy.name,
    recipientUserId: input.recipient.userId,
    recipientName: input.recipient.name,
    relationship: input.recipient.relationship,
    contactPhone: input.contactPhone,
    address: input.address,
    proxy: input.proxy,
    source: input.source,
    status,
    assigneeId: null,
    assigneeKind: null,
    assigneeName: null,
    scheduledAt: null,
    respondedAt: null,
    acceptedAt: null,
    closedAt: null,
    outcome: null,
    closeReason: null,
    confirmBy: null,
    confirmedAt: null,
    declineReason: null,
    referral: null,
    reopenCount: 0,
    records: [],
    rating: null,
    ...deadlines,
    confirmHours: input.policy.confirmHours,
    nextDueAt: nextDueAt({ status, respondedAt: null }, deadlines),
    notified: { responseNear: null, responseOverdue: null, completionNear: null, completionOverdue: null },
    history: [event],
    rev: 0,
    createdAt: now,
    updatedAt: now,
  };
  if (!input.id) {
    await db.collection(COLLECTIONS.orders).add(order);
    return { order, created: true };
  }
  if (await insertUnlessExists(db, COLLECTIONS.orders, order)) return { order, created: true };
  const existing = await findOrder(db, input.id);
  if (!existing) throw new Error(`order ${input.id} exists and cannot be read`);
  return { order: existing, created: false };
}

/**
 * THE way an order changes: one conditional write that applies only while the order is still in
 * one of the `from` statuses (and matches `where`, whose values are compared for equality),
 * appending the events to its trail. `confirmBy` adds a condition on the confirmation window:
 * `{ after: t }` while it is still open at `t`, `{ atMost: t }` once it has passed by `t`. True iff
 * it applied — false means someone else changed it first (another worker took it, the resident
 * cancelled), and nothing was written.
 */
export async function transitionOrder(
  db: Database,
  change: {
    orderId: string;
    from: readonly OrderStatus[];
    where?: Record<string, unknown>;
    confirmBy?: { after: Date } | { atMost: Date };
    set: Record<string, unknown>;
    events?: readonly OrderEventDoc[];
    now: Date;
  },
): Promise<boolean> {
  if (change.from.length === 0) return false;
  for (const [key, value] of Object.entries(change.where ?? {})) {
    // The SDK silently drops an undefined filter: never let that widen a conditional write.
    if (value === undefined) throw new Error(`transitionOrder: filter ${key} is undefined`);
  }
  const _ = db.command;
  const update: Record<string, unknown> = { ...change.set, updatedAt: change.now, rev: _.inc(1) };
  if (change.events?.length) update.history = _.push([...change.events]);
  const status = change.from.length === 1 ? change.from[0] : _.in([...change.from]);
  const where: Record<string, unknown> = { ...change.where, _id: change.orderId, status };
  if (change.confirmBy) {
    where.confirmBy = 'after' in change.confirmBy ? _.gt(change.confirmBy.after) : _.lte(change.confirmBy.atMost);
  }
  const res = await db.collection(COLLECTIONS.orders).where(where).update(update);
  return updatedCount(res) === 1;
}

export function findOrdersPlacedByPage(db: Database, userId: string, args: PageArgs): Promise<Page<OrderDoc>> {
  return pageOf<OrderDoc>(
    () =>
      db
        .collection(COLLECTIONS.orders)
        .where({ orderedBy: userId, proxy: null, source: null })
        .orderBy('createdAt', 'desc'),
    args,
  );
}

/** The staff queue views of a station subtree. */
export type QueueFilter = 'triage' | 'open' | 'active' | 'overdue' | 'awaiting_rating' | 'bad_ratings' | 'ended';

/**
 * One queue view of a station subtree. Open views sort by the deadline that matters now, so
 * overdue orders come first; finished views newest first.
 */
export function findQueuePage(
  db: Database,
  filter: { stationId: string; view: QueueFilter; now: Date },
  args: PageArgs,
): Promise<Page<OrderDoc>> {
  const _ = db.command;
  const base = { stationPath: filter.stationId };
  const orders = () => db.collection(COLLECTIONS.orders);
  switch (filter.view) {
    case 'triage':
      return pageOf(
        () =>
          orders()
            .where({ ...base, status: 'triage' })
            .orderBy('nextDueAt', 'asc'),
        args,
      );
    case 'open':
      return pageOf(
        () =>
          orders()
            .where({ ...base, status: _.in([...UNRESPONDED_STATUSES]) })
            .orderBy('nextDueAt', 'asc'),
        args,
      );
    case 'active':
      return pageOf(
        () =>
          orders()
            .where({ ...base, status: 'accepted' })
            .orderBy('nextDueAt', 'asc'),
        args,
      );
    case 'overdue':
      return pageOf(
        () =>
          orders()
            .where({ ...base, status: _.in([...ACTIVE_STATUSES]), nextDueAt: _.lte(filter.now) })
            .orderBy('nextDueAt', 'asc'),
        args,
      );
    case 'awaiting_rating':
      return pageOf(
        () =>
          orders()
            .where({ ...base, status: _.in([...COMPLETED_STATUSES]), rating: null })
            .orderBy('updatedAt', 'desc'),
        args,
      );
    case 'bad_ratings':
      return pageOf(
        () =>
          orders()
            .where({ ...base, 'rating.bad': true, 'rating.reviewedAt': null })
            .orderBy('updatedAt', 'asc'),
        args,
      );
    case 'ended':
      return pageOf(
        () =>
          orders()
            .where({ ...base, status: _.in(['closed', 'declined', 'referred', 'cancelled']) })
            .orderBy('updatedAt', 'desc'),
        args,
      );
  }
}

/**
 * The open pool of the stations a worker serves (orders nobody holds), by deadline — never the
 * worker's own orders (placed for themself or a relative, or serving them).
 */
export function findPoolPage(
  db: Database,
  filter: { stationIds: readonly string[]; userId: string },
  args: PageArgs,
): Promise<Page<OrderDoc>> {
  const _ = db.command;
  return pageOf<OrderDoc>(
    () =>
      db
        .collection(COLLECTIONS.orders)
        .where(
          _.and([
            { stationPath: _.in([...filter.stationIds]), status: 'pending', recipientUserId: _.neq(filter.userId) },
            _.or([{ proxy: _.neq(null) }, { orderedBy: _.neq(filter.userId) }]),
          ]),
        )
        .orderBy('nextDueAt', 'asc'),
    args,
  );
}

/** A worker's orders: to do (dispatched or taken, by deadline) or done (newest first). */
export function findWorkPage(
  db: Database,
  filter: { userId: string; view: 'todo' | 'done' },
  args: PageArgs,
): Promise<Page<OrderDoc>> {
  const _ = db.command;
  return pageOf<OrderDoc>(
    () =>
      filter.view === 'todo'
        ? db
            .collection(COLLECTIONS.orders)
            .where({ assigneeId: filter.userId, status: _.in(['assigned', 'accepted']) })
            .orderBy('nextDueAt', 'asc')
        : db
            .collection(COLLECTIONS.orders)
            .where({ assigneeId: filter.userId, status: _.in([...COMPLETED_STATUSES]) })
            .orderBy('updatedAt', 'desc'),
    args,
  );
}

/** The person's most recent home-service order (to prefill the address), or null. */
export async function findLastHomeOrder(db: Database, userId: string): Promise<OrderDoc | null> {
  const found = rows<OrderDoc>(
    await db
      .collection(COLLECTIONS.orders)
      .where({ orderedBy: userId, proxy: null, delivery: 'home' })
      .orderBy('createdAt', 'desc')
      .limit(1)
      .get(),
  );
  return found[0] ?? null;
}

/**
 * Orders with an escalation stage due and not yet marked (a bounded batch per timer run). A
 * stage, once marked, never matches again, so the batch moves on.
 */
export async function findEscalationCandidates(db: Database, now: Date, limit: number): Promise<OrderDoc[]> {
  const _ = db.command;
  const unresponded = _.in([...UNRESPONDED_STATUSES]);
  const active = _.in([...ACTIVE_STATUSES]);
  return rows<OrderDoc>(
    await db
      .collection(COLLECTIONS.orders)
      .where(
        _.or([
          { status: unresponded, respondedAt: null, responseNearAt: _.lte(now), 'notified.responseNear': null },
          { status: unresponded, respondedAt: null, responseDueAt: _.lte(now), 'notified.responseOverdue': null },
          { status: active, completionNearAt: _.lte(now), 'notified.completionNear': null },
          { status: active, completionDueAt: _.lte(now), 'notified.completionOverdue': null },
        ]),
      )
      .limit(limit)
      .get(),
  );
}

/**
 * Mark escalation stages of one order, conditionally: only while it is still in `status` and
 * none of the stages was marked. True iff this call marked them — the caller that gets true is
 * the one that sends the messages, so two timer runs never send the same message twice.
 */
export async function markEscalations(
  db: Database,
  change: { orderId: string; status: OrderStatus; stages: readonly EscalationStage[]; now: Date },
): Promise<boolean> {
  if (change.stages.length === 0) return false;
  const where: Record<string, unknown> = { _id: change.orderId, status: change.status };
  const set: Record<string, Date> = {};
  for (const stage of change.stages) {
    where[`notified.${stage}`] = null;
    set[stage] = change.now;
  }
  const res = await db.collection(COLLECTIONS.orders).where(where).update({ notified: set });
  return updatedCount(res) === 1;
}

/** Orders closed by their worker whose confirmation window has ended (a bounded batch). */
export async function findConfirmationsDue(db: Database, now: Date, limit: number): Promise<OrderDoc[]> {
  const _ = db.command;
  return rows<OrderDoc>(
    await db
      .collection(COLLECTIONS.orders)
      .where({ status: _.in([...AWAITING_CONFIRMATION]), confirmBy: _.lte(now) })
      .limit(limit)
      .get(),
  );
}

type Row = { _id: unknown; [key: string]: unknown };

/**
 * The console's order counts of a station subtree in ONE aggregation: placed today (Asia/Shanghai
 * day), open, overdue, worked but not rated (closed since `ratingSince`), bad ratings waiting
 * for the head.
 */
export async function orderConsoleCounts(
  db: Database,
  scope: { stationId: string; dayStart: Date; now: Date; ratingSince: Date },
): Promise<{ todayNew: number; open: number; overdue: number; awaitingRating: number; badRatings: number }> {
  const _ = db.command;
  const active = [...ACTIVE_STATUSES];
  const completed = [...COMPLETED_STATUSES];
  const res = (await db
    .collection(COLLECTIONS.orders)
    .aggregate()
    .match(
      _.and([
        { stationPath: scope.stationId },
        _.or([
          { createdAt: _.gte(scope.dayStart) },
          { status: _.in(active) },
          { status: _.in(completed), rating: null, updatedAt: _.gte(scope.ratingSince) },
          { 'rating.bad': true, 'rating.reviewedAt': null },
        ]),
      ]),
    )
    .group({
      _id: null,
      todayNew: { $sum: { $cond: [{ $gte: ['$createdAt', scope.dayStart] }, 1, 0] } },
      open: { $sum: { $cond: [{ $in: ['$status', active] }, 1, 0] } },
      overdue: {
        $sum: {
          $cond: [{ $and: [{ $in: ['$status', active] }, { $lte: ['$nextDueAt', scope.now] }] }, 1, 0],
        },
      },
      awaitingRating: {
        $sum: {
          $cond: [
            {
              $and: [
                { $in: ['$status', completed] },
                { $eq: ['$rating', null] },
                { $gte: ['$updatedAt', scope.ratingSince] },
              ],
            },
            1,
            0,
          ],
        },
      },
      badRatings: {
        $sum: {
          $cond: [{ $and: [{ $eq: ['$rating.bad', true] }, { $eq: ['$rating.reviewedAt', null] }] }, 1, 0],
        },
      },
    })
    .limit(1)
    .end()) as { data?: Row[] };
  const row = res.data?.[0];
  const n = (key: string) => Number(row?.[key] ?? 0);
  return {
    todayNew: n('todayNew'),
    open: n('open'),
    overdue: n('overdue'),
    awaitingRating: n('awaitingRating'),
    badRatings: n('badRatings'),
  };
}

/** The most overdue open orders of a station subtree. */
export async function findMostOverdue(db: Database, stationId: string, now: Date, limit: number): Promise<OrderDoc[]> {
  const _ = db.command;
  return rows<OrderDoc>(
    await db
      .collection(COLLECTIONS.orders)
      .where({ stationPath: stationId, status: _.in([...ACTIVE_STATUSES]), nextDueAt: _.lte(now) })
      .orderBy('nextDueAt', 'asc')
      .limit(limit)
      .get(),
  );
}

/**
 * The 月报's order section of a station subtree for a month AND the month before, in ONE
 * aggregation (CloudBase-documented stages only: match, project, group, limit): one row per
 * (month, child station, category, channel) with the counts {@link foldOrderRows} needs. Whether
 * a deadline "has passed" is judged at `now`.
 */
export async function aggregateOrderMonth(
  db: Database,
  scope: { stationId: string; depth: number; previousStart: Date; start: Date; end: Date; now: Date },
): Promise<OrderReportRow[]> {
  const _ = db.command;
  const notWithdrawn = { $ne: ['$status', 'cancelled'] };
  const worked = { $not: [{ $in: ['$status', ['cancelled', 'declined', 'referred']] }] };
  const responded = { $ne: ['$respondedAt', null] };
  const closed = { $ne: ['$closedAt', null] };
  const flag = (condition: object) => ({ $cond: [condition, 1, 0] });
  const score = { $ifNull: ['$rating.score', 0] };
  const res = (await db
    .collection(COLLECTIONS.orders)
    .aggregate()
    .match({ stationPath: scope.stationId, createdAt: _.and(_.gte(scope.previousStart), _.lt(scope.end)) })
    .project({
      current: flag({ $gte: ['$createdAt', scope.start] }),
      child: { $arrayElemAt: ['$stationPath', scope.depth + 1] },
      category: 1,
      channel: 1,
      responseDue: flag({ $and: [notWithdrawn, { $or: [responded, { $lte: ['$responseDueAt', scope.now] }] }] }),
      respondedOnTime: flag({ $and: [notWithdrawn, responded, { $lte: ['$respondedAt', '$responseDueAt'] }] }),
      completionDue: flag({ $and: [worked, { $or: [closed, { $lte: ['$completionDueAt', scope.now] }] }] }),
      completedOnTime: flag({ $and: [worked, closed, { $lte: ['$closedAt', '$completionDueAt'] }] }),
      rated: flag({ $ne: ['$rating', null] }),
      score,
      satisfied: flag({ $gte: [score, SATISFIED_MIN] }),
    })
    .group({
      _id: { current: '$current', child: '$child', category: '$category', channel: '$channel' },
      received: { $sum: 1 },
      responseDue: { $sum: '$responseDue' },
      respondedOnTime: { $sum: '$respondedOnTime' },
      completionDue: { $sum: '$completionDue' },
      completedOnTime: { $sum: '$completedOnTime' },
      rated: { $sum: '$rated' },
      ratingSum: { $sum: '$score' },
      satisfied: { $sum: '$satisfied' },
    })
    .limit(10000)
    .end()) as { data?: Row[] };
  const out: OrderReportRow[] = (res.data ?? []).map((row) => {
    const id = (row._id && typeof row._id === 'object' ? row._id : {}) as Record<string, unknown>;
    const { _id: _ignored, ...counts } = row;
    return {
      ...(counts as Partial<OrderReportRow>),
      current: Number(id.current ?? 0),
      child: typeof id.child === 'string' ? id.child : null,
      category: String(id.category ?? 'other'),
      channel: String(id.channel ?? ''),
    };
  });
  return out;
}
