import { signUpRefusal } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toRosterEntry } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';
import { ensureProxyResident, updateProfile } from '../../core/repositories/users';
import { bookSeatOrWaitlist } from '../seats';

/**
 * 代报名: staff book a resident who is present without a phone. The resident gets an account
 * keyed by their phone number through the function secret (the same person booked twice is one
 * account; the id reveals nothing) and the booking the same seat rules as anyone else; the staff
 * member and the reason are audited.
 */
export async function bookOnBehalf(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; name: string; phone: string; reason: string },
) {
  const staff = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity || activity.status === 'draft')
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  assertCan(caller, 'booking:checkIn', activity);
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
  const refusal = signUpRefusal({ ...activity, signUpOpensAt: new Date(0) }, now);
  if (refusal) throw new AppError(refusal);
  const person = await ensureProxyResident(deps.db, input.phone, now);
  if (person.phone !== input.phone || person.nickname !== input.name) {
    await updateProfile(deps.db, person._id, { phone: input.phone, nickname: input.name }, now);
  }
  const booking = await bookSeatOrWaitlist(
    deps,
    activity,
    { userId: person._id, name: input.name, phoneTail: input.phone.slice(-4) },
    staff.userId,
  );
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'booking.bookOnBehalf',
    entity: 'booking',
    entityId: booking._id,
    stationId: activity.stationId,
    from: null,
    to: { status: booking.status },
    reason: input.reason,
  });
  return toRosterEntry(booking);
}
