import { can, type PolicySubject } from './policy';
import type { ReadPurpose, ReadReason, TargetStatus } from './targets';

/** One stretch of a record's life at one station with one tier (moves and tier changes start a new one). */
export interface SpanView {
  stationPath: readonly string[];
  from: Date;
  /** Exclusive end; null while it lasts. */
  to: Date | null;
}

/** The parts of a target record the access rules look at. */
export interface AccessTarget {
  stationPath: readonly string[];
  status: TargetStatus;
  responsibleWorkerId: string | null;
  pairedVolunteerIds: readonly string[];
  spans: readonly SpanView[];
}

/** Who is reading: their grants and their user id (caseload and pairing are by user id). */
export interface AccessSubject extends PolicySubject {
  userId: string;
}

/** What the caller asks to do with one record. */
export interface AccessRequest {
  purpose: ReadPurpose;
  /** Chosen when opening a full record outside one's own caseload. */
  reason?: ReadReason | null;
  /** For `record_visit`: when the visit started (the span in force then decides the station). */
  at?: Date;
}

export type AccessRefusal = 'FORBIDDEN' | 'READ_REASON_REQUIRED' | 'TARGET_CLOSED' | 'NOT_ACTIVE';

/** The answer: which view the caller gets (full record or the volunteer's masked task), or why not. */
export type AccessDecision =
  | { ok: true; view: 'full' | 'masked'; caseload: boolean; asVolunteer: boolean }
  | { ok: false; refusal: AccessRefusal };

/** The span in force at `at` (from ≤ at < to), or undefined when the record was not active then. */
export function spanAt<S extends SpanView>(spans: readonly S[], at: Date): S | undefined {
  const t = at.getTime();
  return spans.find((s) => s.from.getTime() <= t && (s.to === null || t < s.to.getTime()));
}

/**
 * Who may do what with one target record (ADR 0017):
 * - a full record (`record`, `visits`) needs `targets:read` over the record's current station; outside
 *   one's own caseload (responsible worker) a reason must be chosen;
 * - `edit` needs `targets:manage` there;
 * - `task` is the masked view, for volunteers paired with an active record only;
 * - `record_visit` needs `visits:record` over the current station or over the station the record
 *   belonged to when the visit started (an offline visit synced after a move), or a pairing (then it
 *   is a volunteer visit, counted once staff confirm it); the record must have been active then.
 * Authorization is decided before state, so a stranger learns nothing about a record's status.
 */
export function decideTargetAccess(
  subject: AccessSubject,
  target: AccessTarget,
  request: AccessRequest,
): AccessDecision {
  const here = { stationPath: target.stationPath };
  const caseload = target.responsibleWorkerId === subject.userId;
  const paired = target.pairedVolunteerIds.includes(subject.userId);
  switch (request.purpose) {
    case 'record':
    case 'visits': {
      if (!can(subject, 'targets:read', here)) return { ok: false, refusal: 'FORBIDDEN' };
      if (!caseload && !request.reason) return { ok: false, refusal: 'READ_REASON_REQUIRED' };
      return { ok: true, view: 'full', caseload, asVolunteer: false };
    }
    case 'edit':
      return can(subject, 'targets:manage', here)
        ? { ok: true, view: 'full', caseload, asVolunteer: false }
        : { ok: false, refusal: 'FORBIDDEN' };
    case 'task':
      if (!paired) return { ok: false, refusal: 'FORBIDDEN' };
      return target.status === 'active'
        ? { ok: true, view: 'masked', caseload: false, asVolunteer: true }
        : { ok: false, refusal: 'TARGET_CLOSED' };
    case 'record_visit': {
      const at = request.at ?? new Date(0);
      const span = spanAt(target.spans, at);
      const staff =
        can(subject, 'visits:record', here) ||
        (span !== undefined && can(subject, 'visits:record', { stationPath: span.stationPath }));
      if (!staff && !paired) return { ok: false, refusal: 'FORBIDDEN' };
      if (!span) return { ok: false, refusal: target.status === 'closed' ? 'TARGET_CLOSED' : 'NOT_ACTIVE' };
      return staff
        ? { ok: true, view: 'full', caseload, asVolunteer: false }
        : { ok: true, view: 'masked', caseload: false, asVolunteer: true };
    }
    case 'list':
    case 'export':
    case 'duplicate_check':
      // Decided once for the list's station (see `canReadRoster`), not per record.
      return can(subject, 'targets:read', here)
        ? { ok: true, view: 'full', caseload, asVolunteer: false }
        : { ok: false, refusal: 'FORBIDDEN' };
  }
}
