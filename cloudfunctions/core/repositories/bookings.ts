import type { Database } from '../deps';
import type { BookingDoc, BookingEvent } from '../documents';
import { COLLECTIONS, getById, pageOf, updatedCount, type Page, type PageArgs } from './base';
import { isDuplicateWrite } from './db-errors';

/** One booking by its deterministic id, or null. */
export function findBooking(db: Database, bookingId: string): Promise<BookingDoc | null> {
  return getById<BookingDoc>(db, COLLECTIONS.bookings, bookingId);
}

/** Insert a booking; `false` when a row with that id (this person, this activity) already exists. */
export async function insertBooking(db: Database, booking: BookingDoc): Promise<boolean> {
  try {
    await db.collection(COLLECTIONS.bookings).add(booking);
    return true;
  } catch (err) {
    if (isDuplicateWrite(err)) return false;
    throw err;
  }
}

/** Turn a cancelled booking back into a confirmed one (the person books again). True iff it was cancelled. */
export async function reconfirmBooking(db: Database, bookingId: string, event: BookingEvent): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.bookings)
    .where({ _id: bookingId, status: 'cancelled' })
    .update({
      status: 'confirmed',
      cancelledAt: null,
      createdAt: event.at,
      updatedAt: event.at,
      history: _.push([event]),
    });
  return updatedCount(res) === 1;
}

/** Cancel a confirmed booking. True iff it was confirmed (a second cancel changes nothing). */
export async function cancelConfirmedBooking(db: Database, bookingId: string, event: BookingEvent): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.bookings)
    .where({ _id: bookingId, status: 'confirmed' })
    .update({ status: 'cancelled', cancelledAt: event.at, updatedAt: event.at, history: _.push([event]) });
  return updatedCount(res) === 1;
}

/**
 * A person's bookings: `upcoming` = confirmed for activities not yet ended, soonest first;
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
            .where({ userId: filter.userId, status: 'confirmed', activityEndAt: _.gt(filter.now) })
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
