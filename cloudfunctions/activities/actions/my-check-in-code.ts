import { bookingId, familyMemberLabel } from '../../../shared/domain/booking';
import { CODE_WINDOW_SECONDS, codeExpiresAt } from '../../../shared/domain/checkin-code';
import { AppError } from '../../../shared/errors';
import { issueCode } from '../../core/checkin-codes';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findActivity } from '../../core/repositories/activities';
import { findBooking } from '../../core/repositories/bookings';
import { familyMemberOf } from '../family';

/**
 * A fresh rotating code for the caller's own confirmed booking, or the one they made for a family
 * member (the code then names whom it admits). Bound to the booking; the page fetches the next
 * one at `refreshAt`, well before `expiresAt`.
 */
export async function myCheckInCode(deps: Deps, caller: Caller, input: { activityId: string; memberId?: string }) {
  const resident = requireUser(caller);
  const member = familyMemberOf(resident.user, input.memberId);
  const now = deps.now();
  const [activity, booking] = await Promise.all([
    findActivity(deps.db, input.activityId),
    findBooking(deps.db, bookingId(input.activityId, resident.userId, member?.memberId)),
  ]);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
  if (!booking || (booking.status !== 'confirmed' && booking.status !== 'checked_in')) {
    throw new AppError(
      booking?.status === 'waitlisted' || booking?.status === 'offered' ? 'CHECKIN_NOT_CONFIRMED' : 'BOOKING_NOT_FOUND',
    );
  }
  const issued = issueCode('b', booking._id, now);
  const windowEnd = (issued.window + 1) * CODE_WINDOW_SECONDS * 1000;
  return {
    code: issued.code,
    shortCode: issued.shortCode,
    expiresAt: codeExpiresAt(issued.window),
    refreshAt: new Date(Math.max(now.getTime() + 5000, windowEnd)),
    activityTitle: activity.title,
    forName: booking.forMember ? familyMemberLabel(booking.forMember) : null,
  };
}
