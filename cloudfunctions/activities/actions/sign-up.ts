import { bookingId, signUpRefusal } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { BookingDoc } from '../../core/documents';
import { toBooking } from '../../core/mappers';
import { findActivity, releaseSeat, reserveSeat } from '../../core/repositories/activities';
import { findBooking, insertBooking, reconfirmBooking } from '../../core/repositories/bookings';

/**
 * Book a seat. The seat is taken by ONE conditional write (`confirmed < capacity`), then the
 * booking row is inserted under a deterministic id, so a second sign-up is a duplicate write and
 * never a second row. Happy path: one read, two writes.
 */
export async function signUp(deps: Deps, caller: Caller, input: { activityId: string }) {
  const resident = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity || activity.status === 'draft')
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  const refusal = signUpRefusal(activity, now);
  if (refusal) throw new AppError(refusal);

  const id = bookingId(activity._id, resident.userId);
  const seated = await reserveSeat(deps.db, { activityId: activity._id, capacity: activity.capacity, now });
  if (!seated) {
    const existing = await findBooking(deps.db, id);
    if (existing?.status === 'confirmed') throw new AppError('ALREADY_BOOKED');
    throw new AppError('ACTIVITY_FULL');
  }

  const event = { at: now, by: resident.userId, from: null, to: 'confirmed' as const };
  const booking: BookingDoc = {
    _id: id,
    activityId: activity._id,
    userId: resident.userId,
    stationId: activity.stationId,
    status: 'confirmed',
    activityStartAt: activity.startAt,
    activityEndAt: activity.endAt,
    createdAt: now,
    updatedAt: now,
    cancelledAt: null,
    history: [event],
  };
  if (await insertBooking(deps.db, booking)) return toBooking(booking);

  // A row exists: booking again after a cancellation reuses it; an active one keeps its seat only once.
  if (await reconfirmBooking(deps.db, id, { ...event, from: 'cancelled' })) {
    return toBooking({ ...booking, history: [] });
  }
  await releaseSeat(deps.db, activity._id, now);
  throw new AppError('ALREADY_BOOKED');
}
