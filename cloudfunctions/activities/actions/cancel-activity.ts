import { cancelActivityRefusal } from '../../../shared/domain/activity';
import { CANCELLABLE } from '../../../shared/domain/booking';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivityDetail } from '../mappers';
import { activityCancelledNotice } from '../notices';
import { notify } from '../../core/notify';
import { findActivity, patchActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';
import { findActivityBookingsByStatus, transitionBooking } from '../../core/repositories/bookings';

/**
 * Staff cancel an activity that has not started yet, with a reason. The activity flips by a
 * conditional write (so it happens once); then every booked, offered or waiting person's booking
 * is cancelled and they are told why. One under way is refused (`cancelActivityRefusal`).
 */
export async function cancelActivity(deps: Deps, caller: Caller, input: { activityId: string; reason: string }) {
  const staff = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'activity:manage', activity);
  const refusal = cancelActivityRefusal(activity, now);
  if (refusal) throw new AppError(refusal.code, { userMessage: refusal.message });
  // Nobody holds a seat or waits any more: the line is closed at its end (ADR 0021).
  const patch = {
    status: 'cancelled' as const,
    cancelReason: input.reason,
    confirmed: 0,
    waitlisted: 0,
    lineOutstanding: 0,
    lineGivenUp: [],
  };
  if (!(await patchActivity(deps.db, { activityId: activity._id, expectedStatus: activity.status, patch, now }))) {
    throw new AppError('CONFLICT');
  }
  const affected = await findActivityBookingsByStatus(deps.db, activity._id, CANCELLABLE);
  const cancelled = [];
  for (const booking of affected) {
    const done = await transitionBooking(deps.db, {
      bookingId: booking._id,
      from: CANCELLABLE,
      to: 'cancelled',
      fields: { cancelledAt: now, offerExpiresAt: null },
      event: { at: now, by: staff.userId, from: booking.status, to: 'cancelled', reason: input.reason },
    });
    if (done) cancelled.push(booking);
  }
  await notify(
    deps,
    cancelled.map((b) => activityCancelledNotice(activity, b, input.reason)),
  );
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'activity.cancel',
    entity: 'activity',
    entityId: activity._id,
    stationId: activity.stationId,
    from: { status: activity.status },
    to: { status: 'cancelled', bookingsCancelled: cancelled.length },
    reason: input.reason,
  });
  return toActivityDetail({ ...activity, ...patch, updatedAt: now }, { booking: null, canManage: true });
}
