import { bookingId, holdsSeat, promotionOutcome, REBOOKABLE } from '../../shared/domain/booking';
import { AppError } from '../../shared/errors';
import type { Deps } from '../core/deps';
import type { ActivityDoc, BookingDoc, BookingEvent } from '../core/documents';
import { notify } from '../core/notify';
import {
  findActivity,
  releaseSeat,
  releaseWaitlistPlace,
  reserveSeat,
  reserveWaitlistPlace,
} from '../core/repositories/activities';
import {
  findBooking,
  findExpiredOffers,
  findWaitingInOrder,
  insertBooking,
  passSeatInTransaction,
  transitionBooking,
} from '../core/repositories/bookings';
import { offerExpiredNotice, promotionNotice } from './notices';

/** Who a booking is for, as the door and the roster show them. */
export interface Attendee {
  /** The account that books and manages the row. */
  userId: string;
  name: string;
  phoneTail: string | null;
  /** Set when the account holder books for a family member (then `name` is the member's). */
  forMember?: NonNullable<BookingDoc['forMember']>;
}

/**
 * Book `attendee` onto a published activity (the caller checked the sign-up window). A seat is
 * one conditional write that only succeeds while nobody waits (so the line is never jumped);
 * otherwise, if the activity keeps a waitlist, a place in line is one conditional write too.
 * The booking row's deterministic id makes a second booking a duplicate, never a second row.
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

  if (await reserveSeat(deps.db, { activityId: activity._id, capacity: activity.capacity, now, for: 'newcomer' })) {
    const booking = await placeBooking(deps, activity, attendee, bookedBy, {
      status: 'confirmed',
      waitlistedAt: null,
      ticket: null,
      by,
    });
    if (booking) return booking;
    await releaseSeat(deps.db, activity._id, now);
    throw new AppError('ALREADY_BOOKED');
  }
  if (activity.waitlistCapacity === 0)
    throw new AppError((await isActive(deps, id)) ? 'ALREADY_BOOKED' : 'ACTIVITY_FULL');
  const ticket = await reserveWaitlistPlace(deps.db, {
    activityId: activity._id,
    waitlistCapacity: activity.waitlistCapacity,
    now,
  });
  if (ticket === null) throw new AppError((await isActive(deps, id)) ? 'ALREADY_BOOKED' : 'WAITLIST_FULL');
  const booking = await placeBooking(deps, activity, attendee, bookedBy, {
    status: 'waitlisted',
    waitlistedAt: now,
    ticket,
    by,
  });
  if (!booking) {
    await releaseWaitlistPlace(deps.db, activity._id, now);
    throw new AppError('ALREADY_BOOKED');
  }
  // A seat may have been free while others waited: the line moves first, in order.
  await fillFreeSeats(deps, activity._id);
  return (await findBooking(deps.db, id)) ?? booking;
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
 * A booking leaves (the person cancels, staff cancel, or an offer expires). If it held a seat and
 * someone waits, the seat passes to the first in line inside one transaction with the leaver's
 * change; otherwise the seat or waitlist place is given back. Answers the leaver's new row, or
 * null when it was no longer in `booking.status` (a concurrent change won).
 */
export async function leaveAndPassSeat(
  deps: Deps,
  activity: ActivityDoc,
  booking: BookingDoc,
  change: { to: 'cancelled' | 'expired'; by: string; reason?: string },
): Promise<BookingDoc | null> {
  const now = deps.now();
  const heldSeat = holdsSeat(booking.status);
  const candidate =
    heldSeat && activity.waitlisted > 0 && activity.status === 'published'
      ? ((await findWaitingInOrder(deps.db, activity._id, 1))[0] ?? null)
      : null;
  const outcome = promotionOutcome(activity, now);
  const { left, promoted } = await passSeatInTransaction(deps.db, {
    leaver: {
      bookingId: booking._id,
      from: [booking.status],
      to: change.to,
      event: {
        at: now,
        by: change.by,
        from: booking.status,
        to: change.to,
        ...(change.reason ? { reason: change.reason } : {}),
      },
    },
    candidateId: candidate?._id ?? null,
    promoted: { ...outcome, event: { at: now, by: 'system', from: 'waitlisted', to: outcome.status } },
  });
  if (!left) return null;
  if (!heldSeat) {
    await releaseWaitlistPlace(deps.db, activity._id, now);
  } else if (promoted) {
    await releaseWaitlistPlace(deps.db, activity._id, now);
    await notify(deps, [promotionNotice(activity, promoted)]);
  } else {
    await releaseSeat(deps.db, activity._id, now);
    if (activity.waitlisted > 0) await fillFreeSeats(deps, activity._id);
  }
  return left;
}

/**
 * While a published activity has a free seat and people waiting, give the seat to the first in
 * line: the seat is reserved by a conditional write, then handed over by a transaction on the
 * candidate's row (a candidate who left meanwhile is skipped; with nobody left the seat is given
 * back). Idempotent; bounded so one call never runs away.
 */
export async function fillFreeSeats(deps: Deps, activityId: string, maxRounds = 50): Promise<number> {
  let promotedCount = 0;
  for (let round = 0; round < maxRounds; round++) {
    const activity = await findActivity(deps.db, activityId);
    if (
      !activity ||
      activity.status !== 'published' ||
      activity.waitlisted <= 0 ||
      activity.confirmed >= activity.capacity
    )
      break;
    const now = deps.now();
    if (!(await reserveSeat(deps.db, { activityId, capacity: activity.capacity, now, for: 'promotion' }))) continue;
    const outcome = promotionOutcome(activity, now);
    let promoted: BookingDoc | null = null;
    for (const candidate of await findWaitingInOrder(deps.db, activityId, 5)) {
      ({ promoted } = await passSeatInTransaction(deps.db, {
        leaver: null,
        candidateId: candidate._id,
        promoted: { ...outcome, event: { at: now, by: 'system', from: 'waitlisted', to: outcome.status } },
      }));
      if (promoted) break;
    }
    if (!promoted) {
      await releaseSeat(deps.db, activityId, now);
      break;
    }
    await releaseWaitlistPlace(deps.db, activityId, now);
    await notify(deps, [promotionNotice(activity, promoted)]);
    promotedCount++;
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
