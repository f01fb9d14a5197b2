import type { TMe } from '../../shared/contracts/accounts';
import type { UserDoc } from '../core/documents';

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
    family: (user.family ?? []).map((member) => ({
      memberId: member.memberId,
      name: member.name,
      relation: member.relation,
      phone: member.phone,
    })),
  };
}

/** A person's roles as an admin sees them after a grant or revocation. */
export function toStaffSummary(user: UserDoc) {
  return { userId: user._id, nickname: user.nickname, roles: toMe(user).roles };
}
