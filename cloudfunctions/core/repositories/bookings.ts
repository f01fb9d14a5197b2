import { SEAT_HOLDING, SHOWN_ON_CARDS, type BookingStatus } from '../../../shared/domain/booking';
import type { Database } from '../deps';
import type { BookingDoc, BookingEvent, BookingRating } from '../documents';
import { COLLECTIONS, getById, insertUnlessExists, pageOf, rows, updatedCount, type Page, type PageArgs } from './base';

/** One booking by its deterministic id, or null. */
export function findBooking(db: Database, bookingId: string): Promise<BookingDoc | null> {
  return getById<BookingDoc>(db, COLLECTIONS.bookings, bookingId);
}

/** Bookings by id (a person's own and their family's on one activity), at most 1000; missing ids are left out. */
export async function findBookingsByIds(db: Database, ids: string[]): Promise<BookingDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<BookingDoc>(
    await db
      .collection(COLLECTIONS.bookings)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/**
 * A person's live bookings (their own and their family's) on any of `activityIds` — one read for a
 * page of activity cards that say "✓ 已报名" or "候补第 2 位".
 */
export async function findUserBookingsOn(
  db: Database,
  filter: { userId: string; activityIds: string[]; statuses: readonly BookingStatus[] },
): Promise<BookingDoc[]> {
  if (filter.activityIds.length === 0) return [];
  const _ = db.command;
  return rows<BookingDoc>(
    await db
      .collection(COLLECTIONS.bookings)
      .where({ userId: filter.userId, activityId: _.in(filter.activityIds), status: _.in([...filter.statuses]) })
      .limit(1000)
      .get(),
  );
}

/** Insert a booking; `false` when a row with that id (this person, this activity) already exists. */
export function insertBooking(db: Database, booking: BookingDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.bookings, booking);
}

/**
 * Move a booking from one of `from` to `to`, setting `fields` and appending `event` to its
 * history — one conditional write. True iff the booking was in one of `from`.
 */
export async function transitionBooking(
  db: Database,
  change: {
    bookingId: string;
    from: readonly BookingStatus[];
    to: BookingStatus;
    fields?: Partial<BookingDoc>;
    event: BookingEvent;
  },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.bookings)
    .where({ _id: change.bookingId, status: _.in([...change.from]) })
    .update({ ...change.fields, status: change.to, updatedAt: change.event.at, history: _.push([change.event]) });
  return updatedCount(res) === 1;
}

/**
 * Like `transitionBooking`, answering the row as the write left it (or null when it was no longer
 * in one of `from`) — one call where a transition and a re-read would be two.
 */
export async function transitionBookingAndReturn(
  db: Database,
  change: {
    bookingId: string;
    from: readonly BookingStatus[];
    to: BookingStatus;
    fields?: Partial<BookingDoc>;
    event: BookingEvent;
  },
): Promise<BookingDoc | null> {
  const _ = db.command;
  return updateOneAndReturn(
    db,
    { _id: change.bookingId, status: _.in([...change.from]) },
    { ...change.fields, status: change.to, updatedAt: change.event.at, history: _.push([change.event]) },
  );
}

/**
 * Settle a called place (ADR 0021): the booking holding `ticket` moves out of `waitlisted` to the
 * promotion outcome — one conditional write, so of everyone who may settle it (the caller, the
 * person themself, the timer) exactly one does. Answers the promoted row, or null when no row
 * with that ticket is waiting (given up, already settled, or not written yet).
 */
export function promoteCalledTicket(
  db: Database,
  call: {
    activityId: string;
    ticket: number;
    outcome: { status: 'confirmed' | 'offered'; offerExpiresAt: Date | null };
    event: BookingEvent;
  },
): Promise<BookingDoc | null> {
  const _ = db.command;
  return updateOneAndReturn(
    db,
    { activityId: call.activityId, waitlistTicket: call.ticket, status: 'waitlisted' },
    {
      status: call.outcome.status,
      offerExpiresAt: call.outcome.offerExpiresAt,
      updatedAt: call.event.at,
      history: _.push([call.event]),
    },
  );
}

/**
 * A waiting person leaves the line: `waitlisted → to` by one conditional write on their ticket.
 * Answers the row as the write left it, or null when it was no longer waiting with that ticket
 * (a call settled it first). The place itself is given back on the activity (`giveBackPlace`).
 */
export function leaveLine(
  db: Database,
  change: { bookingId: string; ticket: number; to: 'cancelled' | 'expired'; event: BookingEvent },
): Promise<BookingDoc | null> {
  const _ = db.command;
  return updateOneAndReturn(
    db,
    { _id: change.bookingId, status: 'waitlisted', waitlistTicket: change.ticket },
    {
      status: change.to,
      cancelledAt: change.to === 'cancelled' ? change.event.at : null,
      updatedAt: change.event.at,
      history: _.push([change.event]),
    },
  );
}

/**
 * Waiting rows of an activity whose place has already been called (ticket ≤ `through`): settled
 * by the timer when the process that called them died first. At most `limit`, in ticket order.
 */
export async function findCalledWaiting(
  db: Database,
  activityId: string,
  through: number,
  limit: number,
): Promise<BookingDoc[]> {
  const _ = db.command;
  return rows<BookingDoc>(
    await db
      .collection(COLLECTIONS.bookings)
      .where({ activityId, status: 'waitlisted', waitlistTicket: _.lte(through) })
      .orderBy('waitlistTicket', 'asc')
      .limit(limit)
      .get(),
  );
}

/** One conditional `updateAndReturn` on bookings: the row as the write left it, or null. */
async function updateOneAndReturn(
  db: Database,
  where: Record<string, unknown>,
  change: Record<string, unknown>,
): Promise<BookingDoc | null> {
  const res = (await db.collection(COLLECTIONS.bookings).where(where).updateAndReturn(change)) as {
    updated?: number;
    doc?: BookingDoc | null;
  };
  return res.updated === 1 && res.doc ? res.doc : null;
}

/** The first `limit` people waiting for an activity, in line order (ascending ticket). */
export async function findWaitingInOrder(db: Database, activityId: string, limit: number): Promise<BookingDoc[]> {
  return rows<BookingDoc>(
    await db
      .collection(COLLECTIONS.bookings)
      .where({ activityId, status: 'waitlisted' })
      .orderBy('waitlistTicket', 'asc')
      .limit(limit)
      .get(),
  );
}

/** How many people wait ahead of `booking` (its 1-based position is this + 1). */
export async function countWaitingAhead(
  db: Database,
  booking: Pick<BookingDoc, 'activityId' | 'waitlistTicket'>,
): Promise<number> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.bookings)
    .where({ activityId: booking.activityId, status: 'waitlisted', waitlistTicket: _.lt(booking.waitlistTicket ?? 0) })
    .count();
  return Number((res as { total?: number }).total ?? 0);
}

/** Offers whose claim window has ended by `now`, optionally for one activity, at most `limit`. */
export async function findExpiredOffers(
  db: Database,
  filter: { now: Date; activityId?: string },
  limit: number,
): Promise<BookingDoc[]> {
  const _ = db.command;
  const where: Record<string, unknown> = { status: 'offered', offerExpiresAt: _.lte(filter.now) };
  if (filter.activityId) where.activityId = filter.activityId;
  return rows<BookingDoc>(
    await db.collection(COLLECTIONS.bookings).where(where).orderBy('offerExpiresAt', 'asc').limit(limit).get(),
  );
}

/** Bookings of an activity in any of `statuses` (at most 1000: short-code lookup at the door). */
export async function findActivityBookingsByStatus(
  db: Database,
  activityId: string,
  statuses: readonly BookingStatus[],
): Promise<BookingDoc[]> {
  const _ = db.command;
  return rows<BookingDoc>(
    await db
      .collection(COLLECTIONS.bookings)
      .where({ activityId, status: _.in([...statuses]) })
      .limit(1000)
      .get(),
  );
}

/** Mark every still-confirmed booking of an ended activity as a no-show (one multi update). */
export async function markNoShows(
  db: Database,
  activityId: string,
  event: Omit<BookingEvent, 'from' | 'to'>,
): Promise<number> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.bookings)
    .where({ activityId, status: 'confirmed' })
    .update({
      status: 'no_show',
      updatedAt: event.at,
      history: _.push([{ ...event, from: 'confirmed', to: 'no_show' }]),
    });
  return updatedCount(res);
}

/** Counts of an activity's bookings per status, by one aggregation. */
export async function countBookingsByStatus(
  db: Database,
  activityId: string,
): Promise<Partial<Record<BookingStatus, number>>> {
  const res = (await db
    .collection(COLLECTIONS.bookings)
    .aggregate()
    .match({ activityId })
    .group({ _id: '$status', n: { $sum: 1 } })
    .limit(20)
    .end()) as { data?: { _id: BookingStatus; n: number }[] };
  return Object.fromEntries((res.data ?? []).map((row) => [row._id, row.n]));
}

/** A page of an activity's roster: filtered by status and by name or phone tail, in line order. */
export function findRosterPage(
  db: Database,
  filter: { activityId: string; status?: BookingStatus; search?: string },
  args: PageArgs,
): Promise<Page<BookingDoc>> {
  const _ = db.command;
  const where: object[] = [{ activityId: filter.activityId }];
  if (filter.status) where.push({ status: filter.status });
  if (filter.search) {
    const escaped = filter.search.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    where.push(_.or([{ attendeeName: db.RegExp({ regexp: escaped, options: 'i' }) }, { phoneTail: filter.search }]));
  }
  return pageOf<BookingDoc>(
    () => db.collection(COLLECTIONS.bookings).where(_.and(where)).orderBy('createdAt', 'asc').orderBy('_id', 'asc'),
    args,
  );
}

/** A page of an activity's ratings, newest first. */
export function findRatingsPage(db: Database, activityId: string, args: PageArgs): Promise<Page<BookingDoc>> {
  const _ = db.command;
  return pageOf<BookingDoc>(
    () =>
      db
        .collection(COLLECTIONS.bookings)
        .where({ activityId, rating: _.neq(null) })
        .orderBy('updatedAt', 'desc'),
    args,
  );
}

/**
 * Save a rating on an attended booking (status stays `checked_in`), only if the rating is still
 * the one the caller read: none (`previousScore` null) or that score. The caller moves the
 * activity's totals by the difference, so a conditional write on the previous value keeps the
 * totals equal to the rows under any number of concurrent ratings. True iff saved.
 */
export async function saveRating(
  db: Database,
  change: { bookingId: string; previousScore: number | null; rating: BookingRating },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.bookings)
    .where({
      _id: change.bookingId,
      status: 'checked_in',
      ...(change.previousScore === null ? { rating: null } : { 'rating.score': change.previousScore }),
    })
    .update({ rating: _.set(change.rating), updatedAt: change.rating.updatedAt });
  return updatedCount(res) === 1;
}

/**
 * A person's bookings: `upcoming` = active bookings for activities not yet ended, soonest first;
 * `past` = activities ended, latest first; `all` = everything, latest booking first.
 */
export function findUserBookingsPage(
  db: Database,
  filter: { userId: string; when: 'upcoming' | 'past' | 'all'; now: Date },
  args: PageArgs,
): Promise<Page<BookingDoc>> {
  const _ = db.command;
  const coll = db.collection(COLLECTIONS.bookings);
  switch (filter.when) {
    case 'upcoming':
      return pageOf<BookingDoc>(
        () =>
          coll
            .where({
              userId: filter.userId,
              status: _.in([...SHOWN_ON_CARDS]),
              activityEndAt: _.gt(filter.now),
            })
            .orderBy('activityStartAt', 'asc'),
        args,
      );
    case 'past':
      return pageOf<BookingDoc>(
        () =>
          coll.where({ userId: filter.userId, activityEndAt: _.lte(filter.now) }).orderBy('activityStartAt', 'desc'),
        args,
      );
    case 'all':
      return pageOf<BookingDoc>(() => coll.where({ userId: filter.userId }).orderBy('createdAt', 'desc'), args);
  }
}

/** What an activity's booking rows say its counters should be (see `countSeatRows`). */
export interface SeatRowCounts {
  /** Rows holding a seat (`SEAT_HOLDING`). */
  seatHolding: number;
  /** Rows waiting in line, and the lowest ticket among them (null when nobody waits). */
  waiting: number;
  minWaitingTicket: number | null;
  /** Rated rows and the sum of their scores. */
  ratingCount: number;
  ratingSum: number;
  /** The latest `updatedAt` among the activity's rows (null when it has none). */
  lastChange: Date | null;
}

/**
 * Recount the booking rows of up to a few hundred activities in one aggregation (grouped by
 * activity and status): the numbers the seat, line and rating counters cache.
 */
export async function countSeatRows(db: Database, activityIds: string[]): Promise<Map<string, SeatRowCounts>> {
  const _ = db.command;
  const res = (await db
    .collection(COLLECTIONS.bookings)
    .aggregate()
    .match({ activityId: _.in(activityIds) })
    .group({
      _id: { activityId: '$activityId', status: '$status' },
      n: { $sum: 1 },
      minTicket: { $min: '$waitlistTicket' },
      rated: { $sum: { $cond: [{ $gt: ['$rating.score', 0] }, 1, 0] } },
      scores: { $sum: '$rating.score' },
      last: { $max: '$updatedAt' },
    })
    .limit(5000)
    .end()) as {
    data?: {
      _id: { activityId: string; status: BookingStatus };
      n: number;
      minTicket: number | null;
      rated: number;
      scores: number;
      last: Date | null;
    }[];
  };
  const out = new Map<string, SeatRowCounts>();
  for (const row of res.data ?? []) {
    const counts = out.get(row._id.activityId) ?? {
      seatHolding: 0,
      waiting: 0,
      minWaitingTicket: null,
      ratingCount: 0,
      ratingSum: 0,
      lastChange: null,
    };
    if (SEAT_HOLDING.includes(row._id.status)) counts.seatHolding += row.n;
    if (row._id.status === 'waitlisted') {
      counts.waiting += row.n;
      counts.minWaitingTicket = typeof row.minTicket === 'number' ? row.minTicket : null;
    }
    counts.ratingCount += Number(row.rated ?? 0);
    counts.ratingSum += Number(row.scores ?? 0);
    const last = row.last ? new Date(row.last) : null;
    if (last && (!counts.lastChange || last > counts.lastChange)) counts.lastChange = last;
    out.set(row._id.activityId, counts);
  }
  return out;
}

/** The tickets of an activity's waiting rows above `afterTicket` (at most 1000, the line's cap). */
export async function findWaitingTickets(db: Database, activityId: string, afterTicket: number): Promise<number[]> {
  const _ = db.command;
  const found = rows<{ waitlistTicket: number }>(
    await db
      .collection(COLLECTIONS.bookings)
      .where({ activityId, status: 'waitlisted', waitlistTicket: _.gt(afterTicket) })
      .field({ waitlistTicket: true })
      .limit(1000)
      .get(),
  );
  return found.map((row) => row.waitlistTicket);
}
