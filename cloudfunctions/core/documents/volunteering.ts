import type { ClaimStatus, HourBaseKind, HourEntryKind } from '../../../shared/domain/hours';
import type { IdDisputeStatus } from '../../../shared/domain/identity';
import type { ShiftStatus } from '../../../shared/domain/shift';

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
  /**
   * Keyed hash (HMAC) of the normalised ID number: dedupe without the number. After an upheld
   * dispute it is `revoked_<disputeId>`, freeing the number for its owner.
   */
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
  kind: HourEntryKind;
  /** The kind whose total this entry moves: its own, or for an adjustment the corrected entry's. */
  baseKind: HourBaseKind;
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
  /**
   * Sum of the adjustments of this entry, kept beside their rows and moved in the same transaction
   * as each one (so adjustments of one entry serialise on it). Absent on entries never adjusted
   * since it was introduced; then the rows are summed.
   */
  adjustedMinutes?: number;
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
  /** The service order whose record asked for these hours (ADR 0019), else absent/null. */
  orderId?: string | null;
  startAt: Date;
  endAt: Date;
  minutes: number;
  description: string;
  status: ClaimStatus;
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

/**
 * `idDisputes`: a person claims a registered ID number as theirs. `_id` is derived from the ID
 * hash and the claimant, so one person raises one dispute per number. Never the clear number.
 */
export interface IdDisputeDoc {
  _id: string;
  idHash: string;
  idMasked: string;
  /** Where the claimant shows the paper ID. */
  stationId: string;
  stationName: string;
  stationPath: string[];
  claimantId: string;
  claimantName: string;
  claimantPhone: string;
  /** The volunteer registered with the number when the dispute was raised. */
  holderId: string;
  holderName: string;
  holderVolunteerNo: string;
  status: IdDisputeStatus;
  resolution: string | null;
  resolvedBy: string | null;
  resolvedAt: Date | null;
  createdAt: Date;
}
