import {
  ARRIVED_STATUSES,
  PLEDGE_COUNTED_STATUSES,
  type NeedStatus,
  type PledgeQueueView,
  type PledgeStatus,
} from '../../../shared/domain/donation';
import type { Database } from '../deps';
import type { CharityDoc, DistributionDoc, NeedDoc, PledgeDoc, PledgeEvent } from '../documents';
import { COLLECTIONS, getById, pageOf, rows, updatedCount, type Page, type PageArgs } from './base';

/** One need, or null. */
export function findNeed(db: Database, needId: string): Promise<NeedDoc | null> {
  return getById<NeedDoc>(db, COLLECTIONS.needs, needId);
}

/** Insert a need. */
export async function insertNeed(db: Database, need: NeedDoc): Promise<void> {
  await db.collection(COLLECTIONS.needs).add(need);
}

/** Needs of a station subtree (or everywhere) in one status, nearest deadline first. */
export function findNeedsPage(
  db: Database,
  filter: { stationId?: string; status: NeedStatus },
  args: PageArgs,
): Promise<Page<NeedDoc>> {
  const where: Record<string, unknown> = { status: filter.status };
  if (filter.stationId) where.stationPath = filter.stationId;
  return pageOf<NeedDoc>(() => db.collection(COLLECTIONS.needs).where(where).orderBy('deadline', 'asc'), args);
}

/** Every need of a station subtree (the public ledger; at most 200, newest first). */
export async function findStationNeeds(db: Database, stationId: string): Promise<NeedDoc[]> {
  return rows<NeedDoc>(
    await db
      .collection(COLLECTIONS.needs)
      .where({ stationPath: stationId })
      .orderBy('createdAt', 'desc')
      .limit(200)
      .get(),
  );
}

/** The `openByDonor` field of one donor (user ids are `u` + hex, safe as a field name). */
function openField(donorId: string): string {
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(donorId)) throw new Error('unexpected donor id');
  return `openByDonor.${donorId}`;
}

/**
 * Count a pledge against a need: one conditional write that only succeeds while the need is open,
 * before its deadline, the pledged total stays within `cap`, and this donor's undelivered total
 * within `donorCap` (a missing entry is zero). Both totals move in the same write. True iff counted.
 */
export async function reserveNeedQuantity(
  db: Database,
  change: { needId: string; donorId: string; quantity: number; cap: number; donorCap: number; now: Date },
): Promise<boolean> {
  // A missing entry counts as zero, so a first pledge larger than the donor's share never matches.
  if (change.quantity > change.donorCap) return false;
  const _ = db.command;
  const open = openField(change.donorId);
  const res = await db
    .collection(COLLECTIONS.needs)
    .where(
      _.and([
        {
          _id: change.needId,
          status: 'open',
          deadline: _.gt(change.now),
          pledgedQuantity: _.lte(change.cap - change.quantity),
        },
        _.or([{ [open]: _.exists(false) }, { [open]: _.lte(change.donorCap - change.quantity) }]),
      ]),
    )
    .update({ pledgedQuantity: _.inc(change.quantity), [open]: _.inc(change.quantity), updatedAt: change.now });
  return updatedCount(res) === 1;
}

/**
 * Adjust a need's counters by deltas (a pledge leaving, or goods arriving); `open` moves one
 * donor's undelivered total with them.
 */
export async function adjustNeedCounters(
  db: Database,
  change: {
    needId: string;
    pledged?: number;
    received?: number;
    open?: { donorId: string; delta: number };
    now: Date;
  },
): Promise<void> {
  const _ = db.command;
  const patch: Record<string, unknown> = { updatedAt: change.now };
  if (change.pledged) patch.pledgedQuantity = _.inc(change.pledged);
  if (change.received) patch.receivedQuantity = _.inc(change.received);
  if (change.open?.delta) patch[openField(change.open.donorId)] = _.inc(change.open.delta);
  await db.collection(COLLECTIONS.needs).doc(change.needId).update(patch);
}

/** Several needs by id (the counter repair). */
export async function findNeedsByIds(db: Database, ids: string[]): Promise<NeedDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<NeedDoc>(
    await db
      .collection(COLLECTIONS.needs)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/** What a need's pledge rows say its counters should be, and when they last changed. */
export interface NeedRowCounts {
  pledgedQuantity: number;
  receivedQuantity: number;
  /** Undelivered quantity per donor, over the pledges counted in the donor's share (no zero entries). */
  openByDonor: Record<string, number>;
  lastChange: Date | null;
}

/**
 * Recount the pledge rows of up to a few hundred needs in one aggregation (grouped by need and
 * status): the quantities `pledgedQuantity` and `receivedQuantity` cache.
 */
export async function countNeedRows(db: Database, needIds: string[]): Promise<Map<string, NeedRowCounts>> {
  const _ = db.command;
  const res = (await db
    .collection(COLLECTIONS.pledges)
    .aggregate()
    .match({ needId: _.in(needIds) })
    .group({
      _id: { needId: '$needId', status: '$status', donorId: '$donorId', shareCounted: '$shareCounted' },
      quantity: { $sum: '$quantity' },
      received: { $sum: '$receivedQuantity' },
      last: { $max: '$updatedAt' },
    })
    .limit(5000)
    .end()) as {
    data?: {
      _id: { needId: string; status: PledgeStatus; donorId: string; shareCounted?: boolean | null };
      quantity: number;
      received: number;
      last: Date | null;
    }[];
  };
  const out = new Map<string, NeedRowCounts>();
  for (const row of res.data ?? []) {
    const counts = out.get(row._id.needId) ?? {
      pledgedQuantity: 0,
      receivedQuantity: 0,
      openByDonor: {},
      lastChange: null,
    };
    if (PLEDGE_COUNTED_STATUSES.includes(row._id.status)) counts.pledgedQuantity += Number(row.quantity ?? 0);
    // Only a pledge still awaiting delivery holds a share (see `pledgeLeavesOpen`).
    if (row._id.status === 'pledged' && row._id.shareCounted === true && Number(row.quantity) > 0) {
      const donor = row._id.donorId;
      counts.openByDonor[donor] = (counts.openByDonor[donor] ?? 0) + Number(row.quantity);
    }
    if (ARRIVED_STATUSES.includes(row._id.status)) counts.receivedQuantity += Number(row.received ?? 0);
    const last = row.last ? new Date(row.last) : null;
    if (last && (!counts.lastChange || last > counts.lastChange)) counts.lastChange = last;
    out.set(row._id.needId, counts);
  }
  return out;
}

/** Write a need's recounted quantities, only if it has not changed since `seen`. True iff applied. */
export async function correctNeedCounters(
  db: Database,
  change: {
    seen: Pick<NeedDoc, '_id' | 'updatedAt'>;
    set: Pick<NeedDoc, 'pledgedQuantity' | 'receivedQuantity'> & { openByDonor: Record<string, number> };
    now: Date;
  },
): Promise<boolean> {
  const _ = db.command;
  const { openByDonor, ...quantities } = change.set;
  const res = await db
    .collection(COLLECTIONS.needs)
    .where({ _id: change.seen._id, updatedAt: change.seen.updatedAt })
    // `_.set` replaces the whole map: a plain object would only merge its keys into the stored one.
    .update({ ...quantities, openByDonor: _.set(openByDonor), updatedAt: change.now });
  return updatedCount(res) === 1;
}

/** Mark an open need fulfilled once what arrived meets the target (conditional on both). */
export async function markNeedFulfilledIfMet(
  db: Database,
  needId: string,
  targetQuantity: number,
  now: Date,
): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.needs)
    .where({ _id: needId, status: 'open', receivedQuantity: _.gte(targetQuantity) })
    .update({ status: 'fulfilled', updatedAt: now });
}

/** Move a need from `from` to `to` by one conditional write. True iff it was in `from`. */
export async function transitionNeed(
  db: Database,
  change: { needId: string; from: NeedStatus; to: NeedStatus; now: Date },
): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.needs)
    .where({ _id: change.needId, status: change.from })
    .update({ status: change.to, updatedAt: change.now });
  return updatedCount(res) === 1;
}

/** Open needs whose deadline has passed (the expiry sweep), at most `limit`. */
export async function findNeedsPastDeadline(db: Database, now: Date, limit: number): Promise<NeedDoc[]> {
  const _ = db.command;
  return rows<NeedDoc>(
    await db
      .collection(COLLECTIONS.needs)
      .where({ status: 'open', deadline: _.lte(now) })
      .limit(limit)
      .get(),
  );
}

/** One pledge, or null. */
export function findPledge(db: Database, pledgeId: string): Promise<PledgeDoc | null> {
  return getById<PledgeDoc>(db, COLLECTIONS.pledges, pledgeId);
}

/** Insert a pledge. */
export async function insertPledge(db: Database, pledge: PledgeDoc): Promise<void> {
  await db.collection(COLLECTIONS.pledges).add(pledge);
}

/**
 * Move a pledge along its lifecycle by one conditional write, appending a timeline event.
 * `where` adds conditions (e.g. enough received left to distribute). True iff applied.
 */
export async function transitionPledge(
  db: Database,
  change: {
    pledgeId: string;
    from: PledgeStatus[];
    where?: Record<string, unknown>;
    set: Record<string, unknown>;
    event?: PledgeEvent;
    now: Date;
  },
): Promise<boolean> {
  const _ = db.command;
  const update: Record<string, unknown> = { ...change.set, updatedAt: change.now };
  if (change.event) update.timeline = _.push([change.event]);
  const res = await db
    .collection(COLLECTIONS.pledges)
    .where({ _id: change.pledgeId, status: _.in(change.from), ...change.where })
    .update(update);
  return updatedCount(res) === 1;
}

/**
 * Count `quantity` more of a received pledge as distributed: one conditional write that only
 * applies while the distributed total stays within `receivedQuantity`, appending `event` to the
 * timeline. True iff counted.
 */
export async function addDistributedQuantity(
  db: Database,
  change: { pledgeId: string; quantity: number; receivedQuantity: number; event: PledgeEvent; now: Date },
): Promise<boolean> {
  const _ = db.command;
  return transitionPledge(db, {
    pledgeId: change.pledgeId,
    from: ['received'],
    where: { distributedQuantity: _.lte(change.receivedQuantity - change.quantity) },
    set: { distributedQuantity: _.inc(change.quantity) },
    event: change.event,
    now: change.now,
  });
}

/** A donor's pledges, newest first. */
export function findDonorPledgesPage(db: Database, donorId: string, args: PageArgs): Promise<Page<PledgeDoc>> {
  return pageOf<PledgeDoc>(
    () => db.collection(COLLECTIONS.pledges).where({ donorId }).orderBy('createdAt', 'desc'),
    args,
  );
}

/**
 * The staff queue views of a station subtree. 已接收 (`received`) holds what still needs staff:
 * goods to give out, or everything given out and the donor not yet thanked.
 */
export function findStaffPledgesPage(
  db: Database,
  filter: { stationId: string; view: PledgeQueueView; now: Date; weekEnd: Date },
  args: PageArgs,
): Promise<Page<PledgeDoc>> {
  const _ = db.command;
  const coll = db.collection(COLLECTIONS.pledges);
  const base = { stationPath: filter.stationId };
  switch (filter.view) {
    case 'expected':
      return pageOf<PledgeDoc>(
        () =>
          coll
            .where({ ...base, status: 'pledged', expectedDate: _.and(_.gte(filter.now), _.lt(filter.weekEnd)) })
            .orderBy('expectedDate', 'asc'),
        args,
      );
    case 'overdue':
      return pageOf<PledgeDoc>(
        () => coll.where({ ...base, status: 'pledged', expectedDate: _.lt(filter.now) }).orderBy('expectedDate', 'asc'),
        args,
      );
    case 'partial':
      return pageOf<PledgeDoc>(
        () => coll.where({ ...base, status: 'received', partial: true }).orderBy('receivedAt', 'desc'),
        args,
      );
    case 'received':
      return pageOf<PledgeDoc>(
        () =>
          coll
            .where(_.and([base, _.or([{ status: 'received' }, { status: 'distributed', thankYouNote: null }])]))
            .orderBy('receivedAt', 'desc'),
        args,
      );
    case 'pledged':
      return pageOf<PledgeDoc>(() => coll.where({ ...base, status: 'pledged' }).orderBy('expectedDate', 'asc'), args);
  }
}

/** Pledges still pledged past `before` (expected date + grace): the lapse sweep, at most `limit`. */
export async function findPledgesToLapse(db: Database, before: Date, limit: number): Promise<PledgeDoc[]> {
  const _ = db.command;
  return rows<PledgeDoc>(
    await db
      .collection(COLLECTIONS.pledges)
      .where({ status: 'pledged', expectedDate: _.lt(before) })
      .limit(limit)
      .get(),
  );
}

/** Received or distributed pledges of a station subtree (the ledger; at most 1000, newest first). */
export async function findReceivedPledges(db: Database, stationId: string): Promise<PledgeDoc[]> {
  const _ = db.command;
  return rows<PledgeDoc>(
    await db
      .collection(COLLECTIONS.pledges)
      .where({ stationPath: stationId, status: _.in([...ARRIVED_STATUSES]) })
      .orderBy('receivedAt', 'desc')
      .limit(1000)
      .get(),
  );
}

/** Insert a distribution row. */
export async function insertDistribution(db: Database, distribution: DistributionDoc): Promise<void> {
  await db.collection(COLLECTIONS.distributions).add(distribution);
}

/** Distributions of several pledges (a page of 我的捐赠). */
export async function findDistributionsOfPledges(db: Database, pledgeIds: string[]): Promise<DistributionDoc[]> {
  if (pledgeIds.length === 0) return [];
  const _ = db.command;
  return rows<DistributionDoc>(
    await db
      .collection(COLLECTIONS.distributions)
      .where({ pledgeId: _.in(pledgeIds) })
      .orderBy('at', 'asc')
      .limit(1000)
      .get(),
  );
}

/** The latest distributions of a station subtree (the ledger). */
export async function findStationDistributions(
  db: Database,
  stationId: string,
  limit: number,
): Promise<DistributionDoc[]> {
  return rows<DistributionDoc>(
    await db
      .collection(COLLECTIONS.distributions)
      .where({ stationPath: stationId })
      .orderBy('at', 'desc')
      .limit(limit)
      .get(),
  );
}

/** One charity, or null. */
export function findCharity(db: Database, charityId: string): Promise<CharityDoc | null> {
  return getById<CharityDoc>(db, COLLECTIONS.charities, charityId);
}

/** The curated charities of a district (centre). */
export async function findCharitiesOfCenter(db: Database, centerId: string): Promise<CharityDoc[]> {
  return rows<CharityDoc>(
    await db.collection(COLLECTIONS.charities).where({ centerId }).orderBy('name', 'asc').limit(100).get(),
  );
}

/** Insert a charity. */
export async function insertCharity(db: Database, charity: CharityDoc): Promise<void> {
  await db.collection(COLLECTIONS.charities).add(charity);
}
