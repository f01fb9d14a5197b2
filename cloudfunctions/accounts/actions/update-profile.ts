import type { TMe } from '../../../shared/contracts/accounts';
import type { ZUpdateProfileRequest } from '../../../shared/contracts/accounts';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findStation } from '../../core/repositories/stations';
import { findUserById, updateProfile as saveProfile } from '../../core/repositories/users';
import type { z } from 'zod';
import { findVolunteer } from '../../core/repositories/volunteers';
import { toMe } from '../mappers';

/** Change the caller's nickname, phone, home station or elder mode; the home station must exist. */
export async function updateProfile(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof ZUpdateProfileRequest>,
): Promise<TMe> {
  const user = requireUser(caller);
  const patch = input.data;
  if (patch.homeStationId && !(await findStation(deps.db, patch.homeStationId))) {
    throw new AppError('NOT_FOUND', { userMessage: '所选站点不存在', fields: { homeStationId: '所选站点不存在' } });
  }
  await saveProfile(deps.db, user.userId, patch, deps.now());
  const fresh = await findUserById(deps.db, user.userId);
  if (!fresh) throw new AppError('NOT_FOUND');
  return toMe(fresh, (await findVolunteer(deps.db, user.userId))?.volunteerNo ?? null);
}
