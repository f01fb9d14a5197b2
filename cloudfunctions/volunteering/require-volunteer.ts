import { AppError } from '../../shared/errors';
import { requireUser, type Caller, type UserCaller } from '../core/caller';
import type { Deps } from '../core/deps';
import type { VolunteerDoc } from '../core/documents';
import { findVolunteer } from '../core/repositories/volunteers';

/** The signed-in caller and their volunteer row; NOT_REGISTERED when they have none. */
export async function requireVolunteer(
  deps: Deps,
  caller: Caller,
): Promise<{ user: UserCaller; volunteer: VolunteerDoc }> {
  const user = requireUser(caller);
  const volunteer = await findVolunteer(deps.db, user.userId);
  if (!volunteer) throw new AppError('NOT_REGISTERED');
  return { user, volunteer };
}
