import { bookingId, canEditRating } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toBooking } from '../mappers';
import { addRatingTotals } from '../../core/repositories/activities';
import { findBooking, saveRating } from '../../core/repositories/bookings';
import { familyMemberOf } from '../family';

/** Concurrent ratings by the same person: re-read and try again this often before giving up. */
const RATE_ATTEMPTS = 5;

/**
 * Rate an attended activity 1–5 (群众评单); once per person, editable for 7 days. The rating is
 * saved only if it is still the one read (a conditional write on the previous score), and the
 * activity's totals move by exactly that difference — so however many ratings race, the totals
 * stay equal to the rows (the `sweep` recount heals a crash between the two writes).
 */
export async function rate(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; memberId?: string; score: number; comment: string },
) {
  const resident = requireUser(caller);
  const member = familyMemberOf(resident.user, input.memberId);
  const now = deps.now();
  const id = bookingId(input.activityId, resident.userId, member?.memberId);
  for (let attempt = 0; attempt < RATE_ATTEMPTS; attempt++) {
    const booking = await findBooking(deps.db, id);
    if (!booking || booking.status !== 'checked_in') throw new AppError('NOT_ATTENDEE');
    const previous = booking.rating;
    if (previous && !canEditRating(previous.firstRatedAt, now)) throw new AppError('RATING_LOCKED');
    // The same rating again changes nothing (and a write that changes nothing is not applied).
    if (previous && previous.score === input.score && previous.comment === input.comment) return toBooking(booking);
    const rating = {
      score: input.score,
      comment: input.comment,
      firstRatedAt: previous?.firstRatedAt ?? now,
      updatedAt: now,
    };
    if (!(await saveRating(deps.db, { bookingId: id, previousScore: previous?.score ?? null, rating }))) continue;
    await addRatingTotals(deps.db, {
      activityId: booking.activityId,
      countDelta: previous ? 0 : 1,
      sumDelta: input.score - (previous?.score ?? 0),
      now,
    });
    return toBooking({ ...booking, rating });
  }
  throw new AppError('CONFLICT', { detail: 'rating changed while saving' });
}
