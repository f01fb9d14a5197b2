import {
  allOutstandingGivenUp,
  bookingId,
  calledThrough,
  holdsSeat,
  isCalled,
  lineLetsNewcomerIn,
  promotionOutcome,
  REBOOKABLE,
} from '../../shared/domain/booking';
import { AppError } from '../../shared/errors';
import type { Deps } from '../core/deps';
import type { ActivityDoc, BookingDoc, BookingEvent } from '../core/documents';
import { notify } from '../core/notify';
import {
  callNextInLine,
  findActivity,
  giveBackPlace,
  releaseSeat,
  reserveSeat,
  reserveWaitlistPlace,
  skipGivenUpLine,
  undrawLastPlace,
  type CallMode,
} from '../core/repositories/activities';
import {
  findBooking,
  findExpiredOffers,
  insertBooking,
  leaveLine,
  promoteCalledTicket,
  transitionBooking,
  transitionBookingAndReturn,
} from '../core/repositories/bookings';
import { offerExpiredNotice, promotionNotice } from './notices';

/*
 * Seats and the waitlist (ADR 0021). A seat is one conditional write on the activity; a place in
 * line is one conditional write that draws a ticket. When a seat frees up while people wait, the
 * seat is not handed to a person found by a query (concurrent leavers would all find the same
 * one); instead one conditional write on the activity calls the next ticket — every caller gets a
 * different one — and the booking holding that ticket is settled by its own conditional write.
 * A cancellation therefore costs the same few calls however many others cancel at once.
 */

/** Who a booking is for, as the door and the roster show them. */
export interface Attendee {
  /** The account that books and manages the row. */
  userId: string;
  name: string;
  phoneTail: string | null;
  /** Set when the account holder books for a family member (then `name` is the member's). */
  forMember?: NonNullable<BookingDoc['forMember']>;
}

/** A seat in hand passes on through at most this many given-up places in one request. */
const MAX_CALLS = 50;

/**
 * Book `attendee` onto a published activity (the caller checked the sign-up window). A seat is
 * one conditional write that only succeeds while nobody waits (so the line is never jumped);
 * otherwise, if the activity keeps a waitlist, a place in line is one conditional write too.
 * The booking row's deterministic id makes a second booking a duplicate, never a second row.
 * A seat or place taken for a row that could not be written is given back. `activity` is the
 * caller's read: a refusal it already shows (full, line full) costs no write.
 */
export async function bookSeatOrWaitlist(
  deps: Deps,
  activity: ActivityDoc,
  attendee: Attendee,
  bookedBy: string | null,
): Promise<BookingDoc> {
  const now = deps.now();
  const id = bookingId(activity._id, attendee.userId, attendee.forMember?.memberId);
  const by = bookedBy ?? attendee.userId;

  const seatMayBeFree = activity.confirmed < activity.capacity && lineLetsNewcomerIn(activity);
  if (seatMayBeFree && (await reserveSeat(deps.db, { activityId: activity._id, capacity: activity.capacity, now }))) {
    let booking: BookingDoc | null;
    try {
      booking = await placeBooking(deps, activity, attendee, bookedBy, {
        status: 'confirmed',
        waitlistedAt: null,
        ticket: null,
        by,
      });
    } catch (err) {
      await passSeatOn(deps, activity._id, { givenUp: null, seen: activity });
      throw err;
    }
    if (booking) return booking;
    await passSeatOn(deps, activity._id, { givenUp: null, seen: activity });
    throw new AppError('ALREADY_BOOKED');
  }
  if (activity.waitlistCapacity === 0)
    throw new AppError((await isActive(deps, id)) ? 'ALREADY_BOOKED' : 'ACTIVITY_FULL');
  // The line was full when the activity was read (and no seat was tried): refuse as of that read.
  const joined =
    seatMayBeFree || activity.waitlisted < activity.waitlistCapacity
      ? await reserveWaitlistPlace(deps.db, {
          activityId: activity._id,
          waitlistCapacity: activity.waitlistCapacity,
          now,
        })
      : null;
  if (!joined) throw new AppError((await isActive(deps, id)) ? 'ALREADY_BOOKED' : 'WAITLIST_FULL');
  const { ticket } = joined;
  let booking: BookingDoc | null;
  try {
    booking = await placeBooking(deps, activity, attendee, bookedBy, {
      status: 'waitlisted',
      waitlistedAt: now,
      ticket,
      by,
    });
  } catch (err) {
    await returnPlace(deps, joined.activity, ticket);
    throw err;
  }
  if (!booking) {
    await returnPlace(deps, joined.activity, ticket);
    throw new AppError('ALREADY_BOOKED');
  }
  // Seats free while people wait (a raised capacity, a seat given back meanwhile): the line moves first.
  if (joined.activity.confirmed < joined.activity.capacity) await fillFreeSeats(deps, joined.activity);
  // A call may have reached this ticket before the row existed: then settling it is ours to do.
  const line = await findActivity(deps.db, activity._id);
  if (line && isCalled(ticket, line)) return (await settleOwnPlace(deps, line, booking)) ?? booking;
  return booking;
}

async function isActive(deps: Deps, id: string): Promise<boolean> {
  const existing = await findBooking(deps.db, id);
  return existing !== null && !REBOOKABLE.includes(existing.status);
}

/** Insert the booking row, or reuse a cancelled/expired one; null when an active row exists. */
async function placeBooking(
  deps: Deps,
  activity: ActivityDoc,
  attendee: Attendee,
  bookedBy: string | null,
  as: { status: 'confirmed' | 'waitlisted'; waitlistedAt: Date | null; ticket: number | null; by: string },
): Promise<BookingDoc | null> {
  const now = deps.now();
  const event: BookingEvent = { at: now, by: as.by, from: null, to: as.status };
  const booking: BookingDoc = {
    _id: bookingId(activity._id, attendee.userId, attendee.forMember?.memberId),
    activityId: activity._id,
    userId: attendee.userId,
    forMember: attendee.forMember ?? null,
    stationId: activity.stationId,
    stationPath: activity.stationPath,
    category: activity.category,
    status: as.status,
    attendeeName: attendee.name,
    phoneTail: attendee.phoneTail,
    bookedBy,
    waitlistedAt: as.waitlistedAt,
    waitlistTicket: as.ticket,
    offerExpiresAt: null,
    checkedInAt: null,
    checkedInBy: null,
    checkedInByName: null,
    rating: null,
    activityStartAt: activity.startAt,
    activityEndAt: activity.endAt,
    createdAt: now,
    updatedAt: now,
    cancelledAt: null,
    history: [event],
  };
  if (await insertBooking(deps.db, booking)) return booking;
  const { history: _history, _id, ...fresh } = booking;
  const reused = await transitionBooking(deps.db, {
    bookingId: _id,
    from: REBOOKABLE,
    to: as.status,
    fields: { ...fresh, cancelledAt: null },
    event: { ...event, from: 'cancelled' },
  });
  return reused ? booking : null;
}

/**
 * A booking leaves (the person cancels, staff cancel, or an offer expires). A seat it held passes
 * to the next place in line or back to the pool; a place in line it held is given back. Answers
 * the leaver's new row, or null when it was no longer in `booking.status` (a concurrent change won).
 */
export async function leaveAndPassSeat(
  deps: Deps,
  activity: ActivityDoc,
  booking: BookingDoc,
  change: { to: 'cancelled' | 'expired'; by: string; reason?: string },
): Promise<BookingDoc | null> {
  const now = deps.now();
  const event: BookingEvent = {
    at: now,
    by: change.by,
    from: booking.status,
    to: change.to,
    ...(change.reason ? { reason: change.reason } : {}),
  };
  if (booking.status === 'waitlisted' && booking.waitlistTicket !== null) {
    const left = await leaveLine(deps.db, {
      bookingId: booking._id,
      ticket: booking.waitlistTicket,
      to: change.to,
      event,
    });
    if (left) await returnPlace(deps, activity, booking.waitlistTicket);
    return left;
  }
  if (!holdsSeat(booking.status)) return null;
  const left = await transitionBookingAndReturn(deps.db, {
    bookingId: booking._id,
    from: [booking.status],
    to: change.to,
    fields: change.to === 'cancelled' ? { cancelledAt: now } : {},
    event,
  });
  if (left) await passSeatOn(deps, activity._id, { givenUp: null, seen: activity });
  return left;
}

/**
 * A seat-holder gives up a confirmed seat, betting on the commonest case: one conditional write
 * `confirmed → cancelled` that also answers the row, then the seat passes on. Null when the
 * booking was not confirmed (the caller reads it and takes the general path).
 */
export async function cancelConfirmedSeat(
  deps: Deps,
  activity: ActivityDoc,
  id: string,
  by: string,
): Promise<BookingDoc | null> {
  const now = deps.now();
  const left = await transitionBookingAndReturn(deps.db, {
    bookingId: id,
    from: ['confirmed'],
    to: 'cancelled',
    fields: { cancelledAt: now },
    event: { at: now, by, from: 'confirmed', to: 'cancelled' },
  });
  if (left) await passSeatOn(deps, activity._id, { givenUp: null, seen: activity });
  return left;
}

/**
 * The seat in hand (still counted in `confirmed`) goes to the next place in line, or back to the
 * pool when nobody is there to call — the two conditional writes are exact complements, so one
 * of them applies. A called place that was given up is passed straight over: the next call with
 * the same seat takes it off the record (`givenUp`: that person was already counted out of the
 * line). Answers the promoted row, or null (seat released, or the called person's row is not
 * written yet: they settle it). `seen`: the activity as the caller last read it; when it showed
 * nobody in line, giving the seat back is tried first (one write instead of two).
 */
async function passSeatOn(
  deps: Deps,
  activityId: string,
  opts: { givenUp: number | null; seen?: ActivityDoc },
): Promise<BookingDoc | null> {
  let givenUp = opts.givenUp;
  if (givenUp === null && opts.seen && lineLetsNewcomerIn(opts.seen)) {
    if (await releaseSeat(deps.db, { activityId, givenUp, now: deps.now() })) return null;
  }
  for (let round = 0; round < MAX_CALLS; round++) {
    const now = deps.now();
    const mode: CallMode = givenUp !== null ? { kind: 'compensate', givenUp } : { kind: 'pass' };
    const called = await callNextInLine(deps.db, { activityId, mode, now });
    if (!called) {
      if (await releaseSeat(deps.db, { activityId, givenUp, now })) return null;
      // Neither applied: the line moved between the two writes, or the counters were reset.
      const current = await findActivity(deps.db, activityId);
      if (!current || current.status !== 'published' || current.confirmed <= 0) return null;
      continue;
    }
    const ticket = calledThrough(called);
    givenUp = (called.lineGivenUp ?? []).includes(ticket) ? ticket : null;
    if (givenUp === null) return settleCalledPlace(deps, called, ticket);
  }
  return null;
}

/**
 * Settle the place `ticket` that a call just reached: the booking waiting on it is promoted and
 * told. Null when no row waits on that ticket — it was settled by someone else, or its holder is
 * still writing their row and settles it themself (ADR 0021).
 */
async function settleCalledPlace(deps: Deps, called: ActivityDoc, ticket: number): Promise<BookingDoc | null> {
  const now = deps.now();
  const outcome = promotionOutcome(called, now);
  const promoted = await promoteCalledTicket(deps.db, {
    activityId: called._id,
    ticket,
    outcome,
    event: { at: now, by: 'system', from: 'waitlisted', to: outcome.status },
  });
  if (promoted) await notify(deps, [promotionNotice(called, promoted)]);
  return promoted;
}

/**
 * Give back a place in line drawn for `ticket` that its person no longer holds (they left, or
 * their row could not be written). The last place drawn is simply un-drawn; any other is counted
 * out and recorded as given up, and if it had been called already (the call came first and could
 * not know), the seat reserved for it passes on from here. When every outstanding place turns out
 * to be given up, the line is skipped to its end. `seen`: the activity as last read.
 */
async function returnPlace(deps: Deps, seen: ActivityDoc, ticket: number): Promise<void> {
  const now = deps.now();
  const undrawn =
    seen.waitlistTicket === ticket ? await undrawLastPlace(deps.db, { activityId: seen._id, ticket, now }) : null;
  const after = undrawn ?? (await giveBackPlace(deps.db, { activityId: seen._id, ticket, now }));
  if (!after) return;
  if (!undrawn && isCalled(ticket, after)) await passSeatOn(deps, seen._id, { givenUp: ticket });
  else if (after.lineOutstanding > 0 && allOutstandingGivenUp(after)) await skipGivenUpLine(deps.db, { ...after, now });
}

/**
 * Settle a person's own place once it has been called (their row was written after the call, or
 * the process that called it died): one conditional write, exactly as the caller would have.
 * Answers the promoted row, the row as it is when someone else settled it first, or null.
 */
export async function settleOwnPlace(deps: Deps, line: ActivityDoc, booking: BookingDoc): Promise<BookingDoc | null> {
  if (booking.status !== 'waitlisted' || booking.waitlistTicket === null || !isCalled(booking.waitlistTicket, line))
    return null;
  return (await settleCalledPlace(deps, line, booking.waitlistTicket)) ?? findBooking(deps.db, booking._id);
}

/**
 * While a published activity has free seats and places outstanding, call the line into them, in
 * order: each seat one conditional write that takes it and calls the next ticket at once.
 * `activity` gives the capacity the writes check. Idempotent; at most `maxSeats` seats.
 */
export async function fillFreeSeats(deps: Deps, activity: ActivityDoc, maxSeats = 50): Promise<number> {
  let promotedCount = 0;
  for (let seat = 0; seat < maxSeats; seat++) {
    const now = deps.now();
    const called = await callNextInLine(deps.db, {
      activityId: activity._id,
      mode: { kind: 'fill', capacity: activity.capacity },
      now,
    });
    if (!called) break;
    const ticket = calledThrough(called);
    const promoted = (called.lineGivenUp ?? []).includes(ticket)
      ? await passSeatOn(deps, activity._id, { givenUp: ticket })
      : await settleCalledPlace(deps, called, ticket);
    if (promoted) promotedCount++;
  }
  return promotedCount;
}

/** Expire offers whose claim window has ended (for one activity, or everywhere); each seat passes on. */
export async function expireOffers(deps: Deps, filter: { activityId?: string }, limit = 100): Promise<number> {
  const expired = await findExpiredOffers(deps.db, { now: deps.now(), activityId: filter.activityId }, limit);
  let count = 0;
  for (const offer of expired) {
    const activity = await findActivity(deps.db, offer.activityId);
    if (!activity) continue;
    const left = await leaveAndPassSeat(deps, activity, offer, { to: 'expired', by: 'system' });
    if (left) {
      count++;
      await notify(deps, [offerExpiredNotice(activity, offer)]);
    }
  }
  return count;
}
