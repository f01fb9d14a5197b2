import type { TMe } from '../../../shared/contracts/accounts';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { UserDoc } from '../../core/documents';
import { findVolunteer } from '../../core/repositories/volunteers';

/** The caller's own profile and roles, staff grants and the volunteer role (one extra read). */
export async function me(deps: Deps, caller: Caller): Promise<TMe> {
  const { user } = requireUser(caller);
  const volunteer = await findVolunteer(deps.db, user._id);
  return toMe(user, volunteer?.volunteerNo ?? null);
}

/** A user row as its owner sees it: the only view with the full phone number. */
export function toMe(user: UserDoc, volunteerNo: string | null = null): TMe {
  return {
    userId: user._id,
    nickname: user.nickname,
    phone: user.phone,
    homeStationId: user.homeStationId,
    elderMode: user.elderMode,
    roles: user.grants.map((grant) => ({
      stationId: grant.stationId,
      stationName: grant.stationName,
      stationTier: grant.stationTier,
      stationPath: grant.stationPath,
      role: grant.role,
    })),
    isStaff: user.grants.length > 0,
    volunteerNo,
  };
}
