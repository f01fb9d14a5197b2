import type { TMe } from '../../../shared/contracts/accounts';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findVolunteer } from '../../core/repositories/volunteers';
import { toMe } from '../mappers';

/** The caller's own profile and roles, staff grants and the volunteer role (one extra read). */
export async function me(deps: Deps, caller: Caller): Promise<TMe> {
  const { user } = requireUser(caller);
  const volunteer = await findVolunteer(deps.db, user._id);
  return toMe(user, volunteer?.volunteerNo ?? null);
}
