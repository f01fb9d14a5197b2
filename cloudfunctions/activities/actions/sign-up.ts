import { signUpRefusal } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toBooking } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { countWaitingAhead } from '../../core/repositories/bookings';
import { familyMemberOf } from '../family';
import { bookSeatOrWaitlist } from '../seats';

/**
 * Book a seat, or a place in line when the activity is full and keeps a waitlist — for the caller
 * or, with `memberId`, for one of their family members. A seat is one conditional write; the
 * booking row has a deterministic id. Happy path: two reads, two writes.
 */
export async function signUp(deps: Deps, caller: Caller, input: { activityId: string; memberId?: string }) {
  const resident = requireUser(caller);
  const member = familyMemberOf(resident.user, input.memberId);
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity || activity.status === 'draft')
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
  const refusal = signUpRefusal(activity, deps.now());
  if (refusal) throw new AppError(refusal);
  const { user } = resident;
  const booking = await bookSeatOrWaitlist(
    deps,
    activity,
    member
      ? {
          userId: user._id,
          name: member.name,
          phoneTail: member.phone?.slice(-4) ?? null,
          forMember: { memberId: member.memberId, name: member.name, relation: member.relation },
        }
      : { userId: user._id, name: user.nickname, phoneTail: user.phone?.slice(-4) ?? null },
    null,
  );
  const position = booking.status === 'waitlisted' ? (await countWaitingAhead(deps.db, booking)) + 1 : null;
  return toBooking(booking, position);
}
