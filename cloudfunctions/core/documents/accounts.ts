import type { InviteStatus } from '../../../shared/domain/invites';
import type { FamilyRelation } from '../../../shared/domain/booking';
import type { RoleGrant, StaffRole } from '../../../shared/domain/roles';
import type { StationTier } from '../../../shared/domain/station';

/** A grant as stored on the user: the policy's fields plus names for display. */
export interface StoredGrant extends RoleGrant {
  stationName: string;
  stationTier: StationTier;
  grantedAt: Date;
  grantedBy: string;
}

/**
 * A family member a resident books for. Third-party personal information (PIPL): only the name
 * the door needs, the relation, and a phone only if the resident chose to give one; the resident
 * confirmed the member's consent at `consentAt`. Nothing sensitive (no ID, age, health).
 */
export interface FamilyMember {
  /** Derived from the name under this resident (keyed hash), so re-adding a person keeps their id. */
  memberId: string;
  name: string;
  relation: FamilyRelation;
  phone: string | null;
  consentAt: Date;
}

/** `users`: one per WeChat identity; `_id` is derived from the openid (see users repository). */
export interface UserDoc {
  _id: string;
  openid: string;
  nickname: string;
  phone: string | null;
  homeStationId: string | null;
  elderMode: boolean;
  /** Staff grants, small and bounded (a person works at a handful of stations at most). */
  grants: StoredGrant[];
  /** Family members the person books for, at most `MAX_FAMILY_MEMBERS` (absent on older rows). */
  family?: FamilyMember[];
  /** WeChat subscription consents left per template id (each acceptance allows one message). */
  subscriptions?: Record<string, number>;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * `roleInvites`: a one-time invitation to a staff role at one station. `_id` is a keyed digest of
 * the code, so redeeming is one read and the code itself is never stored.
 */
export interface RoleInviteDoc {
  _id: string;
  stationId: string;
  stationName: string;
  stationTier: StationTier;
  stationPath: string[];
  role: StaffRole;
  status: InviteStatus;
  createdBy: string;
  createdByName: string;
  createdAt: Date;
  expiresAt: Date;
  claimantId: string | null;
  claimantName: string | null;
  claimantPhone: string | null;
  claimedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
}
