import type { ActivityCategory, ActivityMethod, ActivityStatus, BookingStatus } from '../../shared/domain/activity';
import type { RoleGrant } from '../../shared/domain/roles';
import type { StationTier } from '../../shared/domain/station';

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
  createdAt: Date;
  updatedAt: Date;
}

/** `stations`: centres, stations and rooms. */
export interface StationDoc {
  _id: string;
  code: string;
  name: string;
  tier: StationTier;
  parentId: string | null;
  /** Ancestor ids from the top, then this station's own id. */
  path: string[];
  childCount: number;
  tags: string[];
  address: string;
  location: { latitude: number; longitude: number } | null;
  openingHours: string;
  phone: string;
  operator: string;
  services: { name: string; description: string }[];
  brandProjects: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** `activities`: seats are counted on the document; bookings are rows of their own. */
export interface ActivityDoc {
  _id: string;
  stationId: string;
  stationName: string;
  /** The station's path, so a subtree query is `stationPath` contains X. */
  stationPath: string[];
  title: string;
  category: ActivityCategory;
  method: ActivityMethod;
  description: string;
  location: string;
  contact: string;
  startAt: Date;
  endAt: Date;
  signUpOpensAt: Date;
  signUpClosesAt: Date;
  cancelDeadline: Date;
  capacity: number;
  confirmed: number;
  status: ActivityStatus;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** One transition in a booking's own trail (its audit record; see ADR 0005). */
export interface BookingEvent {
  at: Date;
  by: string;
  from: BookingStatus | null;
  to: BookingStatus;
}

/** `bookings`: `_id` = `${activityId}_${userId}`, so one row per person per activity. */
export interface BookingDoc {
  _id: string;
  activityId: string;
  userId: string;
  stationId: string;
  status: BookingStatus;
  /** Copied from the activity (fixed once published) so 我的 can page by time without a join. */
  activityStartAt: Date;
  activityEndAt: Date;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  history: BookingEvent[];
}

/** `auditLog`: append-only record of every staff/admin state change. */
export interface AuditDoc {
  _id?: string;
  at: Date;
  actorId: string;
  action: string;
  entity: 'activity' | 'station' | 'user' | 'booking';
  entityId: string;
  stationId: string | null;
  from: unknown;
  to: unknown;
  reason?: string;
}
