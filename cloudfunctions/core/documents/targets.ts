import type {
  ChecklistItem,
  ChecklistMark,
  CloseReason,
  ConsentBy,
  ConsentMethod,
  Gender,
  MajorEvent,
  ReadPurpose,
  ReadReason,
  RiskTier,
  TargetCategory,
  TargetStatus,
  VisitMethod,
} from '../../../shared/domain/targets';
import type { VisitStatus } from '../../../shared/domain/visit';
import type { VisitPolicy } from '../../../shared/domain/visit-plan';

/**
 * Documents of the service-target context (ADR 0017). Every collection here holds sensitive
 * personal information and is read only through the repository functions that check the reader
 * and log the read (core/repositories/targets.ts, visits.ts, read-log.ts).
 */

/**
 * One stretch of a record at one station with one tier and category set. A move, a tier change or
 * a category change ends the current span and starts the next; closing ends the last. Reports of a
 * month attribute a target to the span in force at the month's end (or the last one in the month),
 * so past months keep their figures after a move.
 */
export interface TargetSpan {
  stationId: string;
  stationName: string;
  stationPath: string[];
  tier: RiskTier;
  categories: TargetCategory[];
  from: Date;
  /** Exclusive end; null while it lasts. */
  to: Date | null;
  endedBy: 'change' | 'move' | 'close' | null;
}

/** Separate consent as recorded (PIPL art. 29). */
export type StoredConsent =
  | {
      status: 'given';
      by: ConsentBy;
      method: ConsentMethod;
      at: Date;
      witness: string | null;
      formPhotoFileId: string | null;
      recordedBy: string;
    }
  | { status: 'none' };

/** `targets`: one row per person (服务对象档案). */
export interface TargetDoc {
  _id: string;
  /** The current station; a target belongs to exactly one station at a time. */
  stationId: string;
  stationName: string;
  stationPath: string[];
  /** The district centre (first element of the path), for the centre's visit policy. */
  centerId: string;
  name: string;
  gender: Gender;
  birthYear: number;
  /**
   * Keyed hash (HMAC) of the ID number, or `none:<targetId>` when there is none — never null, so the
   * unique index refuses a second record of the same number and ignores records without one.
   */
  idKey: string;
  idMasked: string | null;
  /** Keyed hash of name + birth year + address (`samePersonText`); unique: the same person twice is refused. */
  sameKey: string;
  phones: string[];
  /** Last four digits of each phone, for the roster search. */
  phoneTails: string[];
  address: { area: string; building: string; room: string };
  guardian: { name: string; relation: string; phone: string } | null;
  /** Canonical order (see `canonicalCategories`). */
  categories: TargetCategory[];
  tier: RiskTier;
  tierReason: string;
  responsibleWorkerId: string | null;
  responsibleWorkerName: string | null;
  /** Small and bounded (≤ 5): who may see the masked task and record volunteer visits. */
  pairedVolunteers: { userId: string; name: string }[];
  pairedVolunteerIds: string[];
  notes: string;
  consent: StoredConsent;
  status: TargetStatus;
  close: { reason: CloseReason; note: string; at: Date; by: string } | null;
  activeFrom: Date;
  /** Bounded: a record changes station or tier a few times a year at most (≤ 60 spans). */
  spans: TargetSpan[];
  /**
   * The latest counted visit: a cache of the visit rows (raised by each visit with a conditional
   * write, recomputed by the `reconcile` timer). Reports never read it; the plan does.
   */
  lastVisitAt: Date | null;
  /** An open major event: due within 24 h of it, cleared by the next visit. */
  urgent: { event: MajorEvent; note: string; since: Date } | null;
  /**
   * The home's position (≈10 m) as staff set it at the address (`setHomeLocation`, audited): the
   * only reference a door visit's distance is measured against. Null until then (nothing flagged).
   */
  homeLocation: { latitude: number; longitude: number; setAt: Date; setBy: string } | null;
  rev: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

/** `visits`: one row per visit. `_id` derives from the author and the draft's client id (idempotent sync). */
export interface VisitDoc {
  _id: string;
  clientId: string;
  authorId: string;
  authorName: string;
  targetId: string;
  /** The record's masked name (王*), for queues and the read log; never the full name. */
  targetLabel: string;
  /** The station the record belonged to when the visit started. */
  stationId: string;
  stationPath: string[];
  byVolunteer: boolean;
  /** Only `counted` visits count towards the plan and the visit rate. */
  status: VisitStatus;
  method: VisitMethod;
  startAt: Date;
  endAt: Date;
  companions: string[];
  checklist: Partial<Record<ChecklistItem, ChecklistMark>>;
  notes: Partial<Record<ChecklistItem, string>>;
  summary: string;
  /**
   * What an abnormal finding asks for. `orderId` stays null until a service order (function
   * `orders`) is created from it: see `linkFollowUpOrder` in core/repositories/visits.ts.
   */
  followUp: { note: string; dueDate: string; orderId: string | null } | null;
  photoFileIds: string[];
  /** Distance from the home in metres when both were known; the coordinates themselves are not kept. */
  distanceMeters: number | null;
  far: boolean | null;
  draftedOffline: boolean;
  /** SHA-256 of the canonical request: a re-sent draft with other content is a conflict, not an overwrite. */
  payloadHash: string;
  confirmedBy: string | null;
  confirmedByName: string | null;
  confirmedAt: Date | null;
  rejectReason: string | null;
  createdAt: Date;
}

/** `readLog`: append-only, kept ≥ 3 years (PIPL arts. 55–56). Never updated or removed by the app. */
export interface ReadLogDoc {
  _id?: string;
  at: Date;
  actorId: string;
  actorName: string;
  purpose: ReadPurpose;
  reason: ReadReason | null;
  targetIds: string[];
  /** Masked name of a single record, or "N 人" for a list page. */
  targetLabel: string;
  /** Where the read happened (the record's station, or the list's), for the heads' and admins' view. */
  stationId: string;
  stationPath: string[];
}

/** `visitPolicies`: `_id` = the centre's station id. Absent means the defaults. */
export interface VisitPolicyDoc {
  _id: string;
  policy: VisitPolicy;
  updatedBy: string;
  updatedAt: Date;
}
