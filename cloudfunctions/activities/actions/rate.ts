import { bookingId, canEditRating } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toBooking } from '../mappers';
import { addRatingTotals } from '../../core/repositories/activities';
import { findBooking, saveRating } from '../../core/repositories/bookings';
import { familyMemberOf } from '../family';

/** Rate an attended activity 1–5 (群众评单); once per person, editable for 7 days. */
export async function rate(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; memberId?: string; score: number; comment: string },
) {
  const resident = requireUser(caller);
  const member = familyMemberOf(resident.user, input.memberId);
  const now = deps.now();
  const id = bookingId(input.activityId, resident.userId, member?.memberId);
  const booking = await findBooking(deps.db, id);
  if (!booking || booking.status !== 'checked_in') throw new AppError('NOT_ATTENDEE');
  const previous = booking.rating;
  if (previous && !canEditRating(previous.firstRatedAt, now)) throw new AppError('RATING_LOCKED');
  const rating = {
    score: input.score,
    comment: input.comment,
    firstRatedAt: previous?.firstRatedAt ?? now,
    updatedAt: now,
  };
  if (!(await saveRating(deps.db, id, rating))) throw new AppError('NOT_ATTENDEE');
  await addRatingTotals(deps.db, {
    activityId: booking.activityId,
    countDelta: previous ? 0 : 1,
    sumDelta: input.score - (previous?.score ?? 0),
    now,
  });
  return toBooking({ ...booking, rating });
}
