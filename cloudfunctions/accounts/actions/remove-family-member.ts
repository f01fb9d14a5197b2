import type { TMe } from '../../../shared/contracts/accounts';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { replaceFamilyIfUnchanged } from '../../core/repositories/users';
import { findVolunteer } from '../../core/repositories/volunteers';
import { toMe } from '../mappers';

/**
 * Remove a family member: their name, relation and phone leave the profile (one compare-and-set
 * write). Bookings already made keep the name the door needed, as a record of what happened.
 */
export async function removeFamilyMember(deps: Deps, caller: Caller, input: { memberId: string }): Promise<TMe> {
  const { user } = requireUser(caller);
  const current = user.family ?? null;
  const members = current ?? [];
  if (!members.some((m) => m.memberId === input.memberId))
    throw new AppError('NOT_FOUND', { userMessage: '没有找到这位家人' });
  const next = members.filter((m) => m.memberId !== input.memberId);
  if (!(await replaceFamilyIfUnchanged(deps.db, { userId: user._id, expected: current, next, now: deps.now() })))
    throw new AppError('CONFLICT');
  return toMe({ ...user, family: next }, (await findVolunteer(deps.db, user._id))?.volunteerNo ?? null);
}
