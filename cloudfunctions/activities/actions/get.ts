import { bookingId } from '../../../shared/domain/booking';
import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivityDetail } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { countWaitingAhead, findBooking } from '../../core/repositories/bookings';
import { expireOffers, fillFreeSeats } from '../seats';

/**
 * One activity with the caller's booking (and place in line); a draft is visible only to staff
 * who manage it. Touching the activity also settles what time has decided: an expired offer of
 * the caller's passes on, and a seat that is free while people wait goes to the first in line.
 */
export async function get(deps: Deps, caller: Caller, input: { activityId: string }) {
  let activity = await findActivity(deps.db, input.activityId);
  const canManage = activity ? can(caller, 'activity:manage', activity) : false;
  if (!activity || (activity.status === 'draft' && !canManage))
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  let booking = caller.kind === 'user' ? await findBooking(deps.db, bookingId(activity._id, caller.userId)) : null;

  const offerLapsed =
    booking?.status === 'offered' && booking.offerExpiresAt !== null && booking.offerExpiresAt <= deps.now();
  const seatIdle = activity.status === 'published' && activity.waitlisted > 0 && activity.confirmed < activity.capacity;
  if (offerLapsed || seatIdle) {
    if (offerLapsed) await expireOffers(deps, { activityId: activity._id });
    else await fillFreeSeats(deps, activity._id);
    activity = (await findActivity(deps.db, activity._id)) ?? activity;
    booking = booking ? await findBooking(deps.db, booking._id) : null;
  }
  const position = booking?.status === 'waitlisted' ? (await countWaitingAhead(deps.db, booking)) + 1 : null;
  return toActivityDetail(activity, { booking, canManage, waitlistPosition: position });
}
