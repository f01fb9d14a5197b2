import { HELD_STATUSES, type ActivityCategory, type ActivityStatus } from '../../../shared/domain/activity';
import type { Database } from '../deps';
import type { ActivityDoc } from '../documents';
import { COLLECTIONS, getById, pageOf, rows, updatedCount, type Page, type PageArgs } from './base';

/** One activity by id, or null. */
export function findActivity(db: Database, activityId: string): Promise<ActivityDoc | null> {
  return getById<ActivityDoc>(db, COLLECTIONS.activities, activityId);
}

/** Several activities by id (for 我的 lists). */
export async function findActivitiesByIds(db: Database, ids: string[]): Promise<ActivityDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<ActivityDoc>(
    await db
      .collection(COLLECTIONS.activities)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/** Insert a new activity (a draft, or a published one from the seed). */
export async function insertActivity(db: Database, activity: ActivityDoc): Promise<void> {
  await db.collection(COLLECTIONS.activities).add(activity);
}

/**
 * Published (or finished) activities visible to the public. `upcoming` = not yet ended, soonest
 * first; `past` = ended, latest first. A station filter covers its subtree unless told otherwise;
 * `search` matches part of the title. With `volunteerSlotsOpen` only activities whose volunteer
 * slots are not all taken — two fields compared, so that page is an aggregation (match, the free
 * slots as a field, match again, then one pipeline for the page and one for the count).
 */
export async function findPublicActivitiesPage(
  db: Database,
  filter: {
    stationId?: string;
    includeDescendants: boolean;
    category?: ActivityCategory;
    when: 'upcoming' | 'past';
    now: Date;
    search?: string;
    volunteerSlotsOpen?: boolean;
  },
  args: PageArgs,
): Promise<Page<ActivityDoc>> {
  const _ = db.command;
  const where: Record<string, unknown> = {
    status: _.in([...HELD_STATUSES]),
    endAt: filter.when === 'upcoming' ? _.gt(filter.now) : _.lte(filter.now),
  };
  if (filter.stationId) {
    if (filter.includeDescendants) where.stationPath = filter.stationId;
    else where.stationId = filter.stationId;
  }
  if (filter.category) where.category = filter.category;
  if (filter.search) {
    const escaped = filter.search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    where.title = db.RegExp({ regexp: escaped, options: 'i' });
  }
  const direction = filter.when === 'upcoming' ? 'asc' : 'desc';
  if (!filter.volunteerSlotsOpen) {
    return pageOf<ActivityDoc>(
      () => db.collection(COLLECTIONS.activities).where(where).orderBy('startAt', direction),
      args,
    );
  }
  const openSlots = () =>
    db
      .collection(COLLECTIONS.activities)
      .aggregate()
      .match({ ...where, volunteerSlots: _.gt(0) })
      .addFields({ volunteerSlotsLeft: { $subtract: ['$volunteerSlots', '$volunteersSignedUp'] } })
      .match({ volunteerSlotsLeft: _.gt(0) });
  const [counted, listed] = (await Promise.all([
    openSlots().count('total').end(),
    openSlots()
      .sort({ startAt: direction === 'asc' ? 1 : -1 })
      .skip((args.page - 1) * args.pageSize)
      .limit(args.pageSize)
      .project({ volunteerSlotsLeft: 0 })
      .end(),
  ])) as [{ data?: { total: number }[] }, { data?: ActivityDoc[] }];
  const total = counted.data?.[0]?.total ?? 0;
  return {
    items: listed.data ?? [],
    total,
    page: args.page,
    pageSize: args.pageSize,
    hasMore: args.page * args.pageSize < total,
  };
}

/** Every activity of a station subtree in any (or one) status, newest start first, for its staff. */
export function findManagedActivitiesPage(
  db: Database,
  filter: { stationId: string; status?: ActivityStatus },
  args: PageArgs,
): Promise<Page<ActivityDoc>> {
  const where: Record<string, unknown> = { stationPath: filter.stationId };
  if (filter.status) where.status = filter.status;
  return pageOf<ActivityDoc>(() => db.collection(COLLECTIONS.activities).where(where).orderBy('startAt', 'desc'), args);
}

/** The next published activities of a station subtree (station pages), at most `limit`. */
export async function findUpcomingForStation(
  db: Database,
  stationId: string,
  now: Date,
  limit: number,
): Promise<ActivityDoc[]> {
  const _ = db.command;
  return rows<ActivityDoc>(
    await db
      .collection(COLLECTIONS.activities)
      .where({ stationPath: stationId, status: 'published', endAt: _.gt(now) })
      .orderBy('startAt', 'asc')
      .limit(limit)
      .get(),
  );
}

/**
 * A newcomer takes one seat: a single conditional write that increments `confirmed` only while it
 * is below `capacity`, the activity is still published with that capacity, and nobody may be
 * waiting for a seat (no place in line outstanding, or nobody counted in line — see
 * `lineLetsNewcomerIn`), so the line is never jumped. True iff a seat was taken.
 */
export async function reserveSeat(
  db: Database,
  seat: { activityId: string; capacity: number; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.activities)
    .where(
      _.and([
        { _id: seat.activityId, status: 'published', capacity: seat.capacity, confirmed: _.lt(seat.capacity) },
        _.or([{ lineOutstanding: _.lte(0) }, { waitlisted: _.lte(0) }]),
      ]),
    )
    .update({ confirmed: _.inc(1), updatedAt: seat.now });
  return updatedCount(res) === 1;
}

/**
 * Take a place on the waitlist: one conditional write while `waitlisted < waitlistCapacity`, which
 * also draws the next ticket — the line's strict FIFO order, even for arrivals in the same
 * millisecond — and counts the place as outstanding. Answers the ticket and the activity as the
 * write left it, or null when the line is full.
 */
export async function reserveWaitlistPlace(
  db: Database,
  place: { activityId: string; waitlistCapacity: number; now: Date },
): Promise<{ ticket: number; activity: ActivityDoc } | null> {
  const _ = db.command;
  const doc = await updateOneAndReturn(
    db,
    {
      _id: place.activityId,
      status: 'published',
      waitlistCapacity: place.waitlistCapacity,
      waitlisted: _.lt(place.waitlistCapacity),
    },
    { waitlisted: _.inc(1), waitlistTicket: _.inc(1), lineOutstanding: _.inc(1), updatedAt: place.now },
  );
  return doc ? { ticket: doc.waitlistTicket, activity: doc } : null;
}

/**
 * A person gives their place in line back (they left it, or their row could not be written):
 * one less person counted in line, and the ticket is recorded as given up so the call that
 * reaches it passes straight on. Unconditional, because a call may already have counted them out
 * (ADR 0021). Answers the activity as the write left it — if the ticket was already called then,
 * the call came first and did not see the record, so the seat is the giver's to pass on.
 */
export function giveBackPlace(
  db: Database,
  place: { activityId: string; ticket: number; now: Date },
): Promise<ActivityDoc | null> {
  const _ = db.command;
  return updateOneAndReturn(
    db,
    { _id: place.activityId },
    { waitlisted: _.inc(-1), lineGivenUp: _.push([place.ticket]), updatedAt: place.now },
  );
}

/**
 * Give back the last place drawn as if it had never been drawn (a double tap, or someone leaving
 * a line nobody joined after them): one conditional write on `waitlistTicket = ticket` while
 * outstanding, so no gap is left in the line. Answers the activity as the write left it, or null
 * when it did not apply.
 */
export function undrawLastPlace(
  db: Database,
  place: { activityId: string; ticket: number; now: Date },
): Promise<ActivityDoc | null> {
  const _ = db.command;
  return updateOneAndReturn(
    db,
    { _id: place.activityId, waitlistTicket: place.ticket, lineOutstanding: _.gt(0) },
    { waitlistTicket: _.inc(-1), lineOutstanding: _.inc(-1), waitlisted: _.inc(-1), updatedAt: place.now },
  );
}

/**
 * When every outstanding ticket of `seen` was given up, nobody can be waiting for a seat: mark
 * them all called at once (`lineOutstanding` 0, the record emptied), conditional on the line not
 * having moved since `seen`. True iff applied.
 */
export async function skipGivenUpLine(
  db: Database,
  seen: Pick<ActivityDoc, '_id' | 'waitlistTicket' | 'lineOutstanding'> & { now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.activities)
    .where({ _id: seen._id, waitlistTicket: seen.waitlistTicket, lineOutstanding: seen.lineOutstanding })
    .update({ lineOutstanding: 0, lineGivenUp: _.set([]), updatedAt: seen.now });
  return updatedCount(res) === 1;
}

/**
 * How a call for the next place in line gets its seat: `pass` — a seat-holder is leaving and
 * their seat goes on (the seat count stays); `fill` — a free seat is taken for the line (the
 * seat count rises, only below `capacity`); `compensate` — the seat in hand was reserved for the
 * given-up place `givenUp`, whose person was already counted out of the line, so this call
 * counts nobody out and takes that ticket off the record (ADR 0021).
 */
export type CallMode = { kind: 'pass' } | { kind: 'compensate'; givenUp: number } | { kind: 'fill'; capacity: number };

/**
 * Call the next place in line: one conditional write that moves the called mark on by one
 * (`lineOutstanding - 1`) while the activity is published and someone may be waiting. The
 * called ticket is `calledThrough(answer)`; each concurrent call gets a different one, so
 * callers never contend for the same person. Null when there is nobody to call.
 */
export function callNextInLine(db: Database, call: { activityId: string; mode: CallMode; now: Date }) {
  const _ = db.command;
  const where: Record<string, unknown> = {
    _id: call.activityId,
    status: 'published',
    lineOutstanding: _.gt(0),
    waitlisted: call.mode.kind === 'compensate' ? _.gte(0) : _.gt(0),
  };
  const change: Record<string, unknown> = { lineOutstanding: _.inc(-1), updatedAt: call.now };
  if (call.mode.kind === 'compensate') change.lineGivenUp = _.pull(call.mode.givenUp);
  else change.waitlisted = _.inc(-1);
  if (call.mode.kind === 'fill') {
    where.capacity = call.mode.capacity;
    where.confirmed = _.lt(call.mode.capacity);
    change.confirmed = _.inc(1);
  }
  return updateOneAndReturn(db, where, change);
}

/**
 * Give one seat back to the pool — exactly when `callNextInLine` with the same mode would find
 * nobody to call (the activity is no longer published, no place is outstanding, or nobody is
 * counted in line), so a freed seat either goes to the line or back, never neither. Never takes
 * `confirmed` below zero. `givenUp`: the seat was reserved for that given-up place, whose person
 * is added back to the count they were taken out of twice, and the ticket leaves the record.
 * True iff a seat was released.
 */
export async function releaseSeat(
  db: Database,
  release: { activityId: string; givenUp: number | null; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const compensate = release.givenUp !== null;
  const nobodyToCall = _.or([
    { status: _.neq('published') },
    { lineOutstanding: _.lte(0) },
    { lineOutstanding: _.exists(false) },
    { waitlisted: compensate ? _.lt(0) : _.lte(0) },
  ]);
  const change: Record<string, unknown> = { confirmed: _.inc(-1), updatedAt: release.now };
  if (compensate) {
    change.waitlisted = _.inc(1);
    change.lineGivenUp = _.pull(release.givenUp);
  }
  const res = await db
    .collection(COLLECTIONS.activities)
    .where(_.and([{ _id: release.activityId, confirmed: _.gt(0) }, nobodyToCall]))
    .update(change);
  return updatedCount(res) === 1;
}

/** One conditional `updateAndReturn` on activities: the document as the write left it, or null. */
async function updateOneAndReturn(
  db: Database,
  where: Record<string, unknown>,
  change: Record<string, unknown>,
): Promise<ActivityDoc | null> {
  const res = (await db.collection(COLLECTIONS.activities).where(where).updateAndReturn(change)) as {
    updated?: number;
    doc?: ActivityDoc | null;
  };
  return res.updated === 1 && res.doc ? res.doc : null;
}

/**
 * Write counters recounted from the rows, only if the activity has not changed since `seen` was
 * read (same `updatedAt` and tickets drawn). True iff applied.
 */
export async function correctActivityCounters(
  db: Database,
  change: {
    seen: Pick<ActivityDoc, '_id' | 'updatedAt' | 'waitlistTicket'>;
    set: Pick<
      ActivityDoc,
      'confirmed' | 'waitlisted' | 'ratingCount' | 'ratingSum' | 'lineOutstanding' | 'lineGivenUp'
    >;
    now: Date;
  },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.activities)
    .where({ _id: change.seen._id, updatedAt: change.seen.updatedAt, waitlistTicket: change.seen.waitlistTicket })
    .update({ ...change.set, lineGivenUp: _.set(change.set.lineGivenUp), updatedAt: change.now });
  return updatedCount(res) === 1;
}

/** Add a rating's score to the activity's integer totals (a changed rating adds the difference). */
export async function addRatingTotals(
  db: Database,
  change: { activityId: string; countDelta: number; sumDelta: number; now: Date },
): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.activities)
    .doc(change.activityId)
    .update({ ratingCount: _.inc(change.countDelta), ratingSum: _.inc(change.sumDelta), updatedAt: change.now });
}

/** Published activities that have ended by `now` (for the finishing sweep), at most `limit`. */
export async function findEndedPublished(db: Database, now: Date, limit: number): Promise<ActivityDoc[]> {
  const _ = db.command;
  return rows<ActivityDoc>(
    await db
      .collection(COLLECTIONS.activities)
      .where({ status: 'published', endAt: _.lte(now) })
      .limit(limit)
      .get(),
  );
}

/** Published activities with people waiting (for the promotion sweep), at most `limit`. */
export async function findWithWaitlist(db: Database, limit: number): Promise<ActivityDoc[]> {
  const _ = db.command;
  return rows<ActivityDoc>(
    await db
      .collection(COLLECTIONS.activities)
      .where({ status: 'published', waitlisted: _.gt(0) })
      .limit(limit)
      .get(),
  );
}

/**
 * Apply a patch only while the activity is still in `expectedStatus` and, when the patch changes
 * capacity (or waitlist capacity), only while the seats taken (people waiting) fit in the new
 * value. True iff applied.
 */
export async function patchActivity(
  db: Database,
  change: { activityId: string; expectedStatus: ActivityStatus; patch: Partial<ActivityDoc>; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const where: Record<string, unknown> = { _id: change.activityId, status: change.expectedStatus };
  if (change.patch.capacity !== undefined) where.confirmed = _.lte(change.patch.capacity);
  if (change.patch.waitlistCapacity !== undefined) where.waitlisted = _.lte(change.patch.waitlistCapacity);
  const res = await db
    .collection(COLLECTIONS.activities)
    .where(where)
    .update({ ...change.patch, updatedAt: change.now, rev: _.inc(1) });
  return updatedCount(res) === 1;
}
