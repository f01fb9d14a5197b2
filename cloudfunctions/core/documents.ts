import type { ActivityCategory, ActivityMethod, ActivityStatus } from '../../shared/domain/activity';
import type { BookingStatus, PromotionMode } from '../../shared/domain/booking';
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
  /** WeChat subscription consents left per template id (each acceptance allows one message). */
  subscriptions?: Record<string, number>;
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
  /** Seats held: confirmed + offered + checked_in + no_show bookings. */
  confirmed: number;
  waitlistCapacity: number;
  /** People waiting in line. */
  waitlisted: number;
  /** Tickets drawn so far; each place in line takes the next one (FIFO order). */
  waitlistTicket: number;
  /** Volunteer slots, separate from resident seats; `volunteersSignedUp` counts them taken. */
  volunteerSlots: number;
  volunteersSignedUp: number;
  promotionMode: PromotionMode;
  claimWindowHours: number;
  checkInOpensMinutesBefore: number;
  ratingCount: number;
  /** Sum of scores; the average is derived (integers only on the document). */
  ratingSum: number;
  status: ActivityStatus;
  cancelReason: string | null;
  /** Bumped by every conditional patch so a write always modifies the document. */
  rev: number;
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
  reason?: string;
}

/** A rating kept on the attendee's booking (one per person per activity). */
export interface BookingRating {
  score: number;
  comment: string;
  firstRatedAt: Date;
  updatedAt: Date;
}

/** `bookings`: `_id` = `${activityId}_${userId}`, so one row per person per activity. */
export interface BookingDoc {
  _id: string;
  activityId: string;
  userId: string;
  stationId: string;
  /** The activity's station path, so reports aggregate a subtree in one pipeline. */
  stationPath: string[];
  /** Copied from the activity, for reports by category. */
  category: ActivityCategory;
  status: BookingStatus;
  /** Name shown to staff at the door (the person's nickname when they booked). */
  attendeeName: string;
  /** Last four digits of the phone, for roster search; never the full number. */
  phoneTail: string | null;
  /** Staff member who booked on the person's behalf (代报名), else null. */
  bookedBy: string | null;
  /** When the person joined the line. */
  waitlistedAt: Date | null;
  /** Their ticket in line: FIFO order is ascending ticket. */
  waitlistTicket: number | null;
  offerExpiresAt: Date | null;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  checkedInByName: string | null;
  rating: BookingRating | null;
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
  entity: 'activity' | 'station' | 'user' | 'booking' | 'claim' | 'hourEntry';
  entityId: string;
  stationId: string | null;
  from: unknown;
  to: unknown;
  reason?: string;
}

/** `messages`: the in-app outbox; every notification is written here, WeChat delivery on top. */
export interface MessageDoc {
  _id: string;
  userId: string;
  kind: 'promoted' | 'offered' | 'offer_expired' | 'activity_cancelled';
  title: string;
  body: string;
  activityId: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** WeChat subscription delivery: sent, skipped (no consent or local run), or failed. */
  delivery: 'sent' | 'skipped' | 'failed';
}

/** A span a volunteer is committed to, kept on their row so overlaps are refused by one write. */
export interface BusySpan {
  shiftId: string;
  startAt: Date;
  endAt: Date;
}

/** `volunteers`: `_id` = the user id. The clear ID number is never stored. */
export interface VolunteerDoc {
  _id: string;
  volunteerNo: string;
  realName: string;
  /** Keyed hash (HMAC) of the normalised ID number: dedupe without the number. */
  idHash: string;
  idMasked: string;
  phone: string;
  skills: string[];
  serviceAreas: string[];
  emergencyContact: { name: string; phone: string };
  homeStationId: string;
  homeStationName: string;
  /** The home station's path, so reports count new volunteers per subtree. */
  homeStationPath: string[];
  leaderboardOptIn: boolean;
  busy: BusySpan[];
  /** Bumped by every claim, so concurrent claims by one person serialise on this row. */
  rev: number;
  registeredAt: Date;
  updatedAt: Date;
}

export type ShiftStatus = 'signed_up' | 'checked_in' | 'checked_out' | 'cancelled';

/** `shifts`: `_id` = `${activityId}_${userId}` — one shift per volunteer per activity. */
export interface ShiftDoc {
  _id: string;
  activityId: string;
  userId: string;
  volunteerName: string;
  stationId: string;
  stationName: string;
  stationPath: string[];
  activityTitle: string;
  scheduledStart: Date;
  scheduledEnd: Date;
  status: ShiftStatus;
  checkInAt: Date | null;
  checkInBy: string | null;
  checkOutAt: Date | null;
  checkOutBy: string | null;
  autoClosed: boolean;
  minutes: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** `hourEntries`: the append-only hours ledger. Entries are never edited (only `reviewed` flips). */
export interface HourEntryDoc {
  _id: string;
  volunteerId: string;
  volunteerName: string;
  kind: 'verified' | 'topup' | 'adjustment';
  /** The kind whose total this entry moves: its own, or for an adjustment the corrected entry's. */
  baseKind: 'verified' | 'topup';
  minutes: number;
  serviceDate: Date;
  serviceEnd: Date;
  stationId: string;
  stationName: string;
  stationPath: string[];
  activityId: string | null;
  activityTitle: string | null;
  shiftId: string | null;
  claimId: string | null;
  adjustsEntryId: string | null;
  provenance: string;
  autoClosed: boolean;
  /** Auto-closed entries wait for a staff look; everything else is reviewed when written. */
  reviewed: boolean;
  reason: string | null;
  createdBy: string;
  createdAt: Date;
}

/** `hourClaims`: top-up requests (补录) and their review. */
export interface ClaimDoc {
  _id: string;
  volunteerId: string;
  volunteerName: string;
  volunteerNo: string;
  stationId: string;
  stationName: string;
  stationPath: string[];
  activityId: string | null;
  activityTitle: string | null;
  startAt: Date;
  endAt: Date;
  minutes: number;
  description: string;
  status: 'pending' | 'approved' | 'rejected';
  reviewReason: string | null;
  reviewedBy: string | null;
  reviewedByName: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
}

/** `certificates`: `_id` = serial. What was certified is frozen at issue time. */
export interface CertificateDoc {
  _id: string;
  volunteerId: string;
  volunteerName: string;
  volunteerNo: string;
  idMasked: string;
  stationId: string;
  issuerName: string;
  issuerPhone: string;
  handlerName: string;
  from: string;
  to: string;
  totalMinutes: number;
  entries: { serviceDate: Date; activityTitle: string; minutes: number; kind: HourEntryDoc['kind'] }[];
  verificationCode: string;
  issuedAt: Date;
}

/** `charities`: registered charities with 公开募捐资格, curated per district (centre). */
export interface CharityDoc {
  _id: string;
  centerId: string;
  name: string;
  registrationNo: string;
  projectName: string;
  projectUrl: string;
  howToGive: string;
  createdBy: string;
  createdAt: Date;
}

/** `needs`: a station's list of what it is looking for (物资需求清单). Quantities are integers. */
export interface NeedDoc {
  _id: string;
  stationId: string;
  stationName: string;
  stationPath: string[];
  title: string;
  kind: 'goods' | 'service' | 'funds_via_charity';
  unit: string;
  targetQuantity: number;
  unitValueFen: number;
  /** Active pledges (pledged or received) — capped at target × overPledgePercent / 100. */
  pledgedQuantity: number;
  receivedQuantity: number;
  overPledgePercent: number;
  deadline: Date;
  beneficiaryGroup: string;
  description: string;
  activityId: string | null;
  charityId: string | null;
  status: 'open' | 'fulfilled' | 'closed' | 'expired';
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One step of a pledge's life, shown to the donor as a timeline. */
export interface PledgeEvent {
  at: Date;
  label: string;
}

/** `pledges`: what a donor promised and what became of it. Money is integer fen. */
export interface PledgeDoc {
  _id: string;
  needId: string | null;
  needTitle: string | null;
  stationId: string;
  stationName: string;
  stationPath: string[];
  donorId: string;
  donorName: string;
  anonymous: boolean;
  contactPhone: string;
  kind: NeedDoc['kind'];
  quantity: number;
  unit: string;
  unitValueFen: number;
  estimatedValueFen: number;
  deliveryMethod: 'drop_off' | 'pickup' | 'express' | 'online_via_charity';
  expectedDate: Date;
  message: string;
  charityId: string | null;
  receiptNo: string | null;
  status: 'pledged' | 'received' | 'distributed' | 'cancelled' | 'lapsed';
  receivedQuantity: number;
  receivedValueFen: number;
  receivedAt: Date | null;
  /** True when less arrived than was pledged (the staff "partially received" view). */
  partial: boolean;
  receiptNote: string | null;
  photoFileId: string | null;
  distributedQuantity: number;
  thankYouNote: string | null;
  timeline: PledgeEvent[];
  createdAt: Date;
  updatedAt: Date;
}

/** `distributions`: where received goods went — rows, never an array on the pledge. */
export interface DistributionDoc {
  _id: string;
  pledgeId: string;
  stationId: string;
  stationPath: string[];
  needTitle: string | null;
  donorName: string;
  unit: string;
  quantity: number;
  beneficiaryGroup: string;
  activityId: string | null;
  activityTitle: string | null;
  note: string;
  by: string;
  at: Date;
}
