import type { TMe } from '../../../shared/contracts/accounts';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { UserDoc } from '../../core/documents';

/** The caller's own profile and roles (the account exists once the caller is resolved). */
export async function me(_deps: Deps, caller: Caller): Promise<TMe> {
  return toMe(requireUser(caller).user);
}

/** A user row as its owner sees it: the only view with the full phone number. */
export function toMe(user: UserDoc): TMe {
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
  };
}
