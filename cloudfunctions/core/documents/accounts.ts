import type { RoleGrant } from '../../../shared/domain/roles';
import type { StationTier } from '../../../shared/domain/station';

/** A grant as stored on the user: the policy's fields plus names for display. */
export interface StoredGrant extends RoleGrant {
  stationName: string;
  stationTier: StationTier;
  grantedAt: Date;
  grantedBy: string;
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
  /** WeChat subscription consents left per template id (each acceptance allows one message). */
  subscriptions?: Record<string, number>;
  createdAt: Date;
  updatedAt: Date;
}
