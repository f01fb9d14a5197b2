import { maskName } from '../../shared/domain/privacy';
import { abnormalItems } from '../../shared/domain/targets';
import { dueStatus, URGENT_VISIT_HOURS, visitDeadline, type VisitPolicy } from '../../shared/domain/visit-plan';
import type { TargetDoc, VisitDoc } from '../core/documents/targets';

/**
 * Answers of the `targets` function. Each view is built from scratch with exactly its fields —
 * the volunteer's masked task never starts from the full record — so a field added to a document
 * reaches no one until a mapper names it.
 */

/** What every view of a record needs to judge its deadline. */
export interface PlanContext {
  policy: VisitPolicy;
  now: Date;
  userId: string;
}

function deadlineOf(t: TargetDoc, policy: VisitPolicy): Date {
  return visitDeadline({
    period: policy[t.tier],
    lastVisitAt: t.lastVisitAt,
    activeFrom: t.activeFrom,
    urgentSince: t.urgent?.since ?? null,
  });
}

/** A roster or plan row for staff of the record's subtree. */
export function toListItem(t: TargetDoc, ctx: PlanContext) {
  const active = t.status === 'active';
  const deadline = active ? deadlineOf(t, ctx.policy) : null;
  return {
    targetId: t._id,
    name: t.name,
    gender: t.gender,
    birthYear: t.birthYear,
    area: t.address.area,
    building: t.address.building,
    stationId: t.stationId,
    stationName: t.stationName,
    tier: t.tier,
    categories: t.categories,
    responsibleWorkerName: t.responsibleWorkerName,
    mine: t.responsibleWorkerId === ctx.userId,
    status: t.status,
    lastVisitAt: t.lastVisitAt,
    deadline,
    dueStatus: deadline ? dueStatus(deadline, ctx.now) : null,
    urgent: active && t.urgent !== null,
    consentGiven: t.consent.status === 'given',
  };
}

/** The full record (staff only; the read was logged by the repository). */
export function toRecord(t: TargetDoc, ctx: PlanContext & { caseload: boolean; formPhotoUrl: string | null }) {
  return {
    ...toListItem(t, ctx),
    rev: t.rev,
    stationPath: t.stationPath,
    idMasked: t.idMasked,
    phones: t.phones,
    room: t.address.room,
    guardian: t.guardian,
    tierReason: t.tierReason,
    responsibleWorkerId: t.responsibleWorkerId,
    pairedVolunteers: t.pairedVolunteers,
    notes: t.notes,
    consent:
      t.consent.status === 'given'
        ? {
            status: 'given' as const,
            by: t.consent.by,
            method: t.consent.method,
            at: t.consent.at,
            witness: t.consent.witness,
            formPhotoFileId: t.consent.formPhotoFileId,
            formPhotoUrl: ctx.formPhotoUrl,
          }
        : { status: 'none' as const },
    close: t.close ? { reason: t.close.reason, note: t.close.note, at: t.close.at } : null,
    activeFrom: t.activeFrom,
    urgentEvent:
      t.urgent && t.status === 'active'
        ? {
            event: t.urgent.event,
            note: t.urgent.note,
            since: t.urgent.since,
            dueBy: new Date(t.urgent.since.getTime() + URGENT_VISIT_HOURS * 3_600_000),
          }
        : null,
    history: t.spans.map((s) => ({
      stationId: s.stationId,
      stationName: s.stationName,
      tier: s.tier,
      categories: s.categories,
      from: s.from,
      to: s.to,
      endedBy: s.endedBy,
    })),
    homeLocationKnown: t.homeLocation !== null,
    homeLocationSetAt: t.homeLocation?.setAt ?? null,
    visitPeriod: ctx.policy[t.tier],
    caseload: ctx.caseload,
  };
}

/**
 * A paired volunteer's task: a masked name, the village and building, one phone for the visit and
 * when it is due. Never categories, tier, ID, notes, guardian or history.
 */
export function toVolunteerTask(t: TargetDoc, ctx: { policy: VisitPolicy; now: Date; myPendingVisits: number }) {
  const deadline = deadlineOf(t, ctx.policy);
  return {
    targetId: t._id,
    maskedName: maskName(t.name),
    area: t.address.area,
    building: t.address.building,
    contactPhone: t.phones[0] ?? t.guardian?.phone ?? null,
    deadline,
    dueStatus: dueStatus(deadline, ctx.now),
    lastVisitAt: t.lastVisitAt,
    myPendingVisits: ctx.myPendingVisits,
  };
}

/** A record that left the subtree: masked, with when it left and where it went. */
export function toMovedOut(t: TargetDoc, fromStationId: string) {
  let last = -1;
  t.spans.forEach((s, i) => {
    if (s.stationPath.includes(fromStationId)) last = i;
  });
  return {
    targetId: t._id,
    maskedName: maskName(t.name),
    movedAt: t.spans[last]?.to ?? t.updatedAt,
    toStationName: t.stationName,
  };
}

/** A visit for staff of its station and for its author. */
export function toVisit(v: VisitDoc, ctx: { userId: string; photoUrls: Map<string, string> }) {
  return {
    visitId: v._id,
    targetId: v.targetId,
    stationId: v.stationId,
    authorName: v.authorName,
    mine: v.authorId === ctx.userId,
    byVolunteer: v.byVolunteer,
    status: v.status,
    method: v.method,
    startAt: v.startAt,
    endAt: v.endAt,
    companions: v.companions,
    checklist: v.checklist,
    notes: v.notes,
    summary: v.summary,
    followUp: v.followUp,
    photoUrls: v.photoFileIds.flatMap((id) => {
      const url = ctx.photoUrls.get(id);
      return url ? [url] : [];
    }),
    distanceMeters: v.distanceMeters,
    far: v.far,
    draftedOffline: v.draftedOffline,
    recordedAt: v.createdAt,
    confirmedByName: v.confirmedByName,
    rejectReason: v.rejectReason,
  };
}

/** A visit in a station's queue: masked name, what was abnormal, the follow-up. */
export function toQueueItem(v: VisitDoc, stationNames: Map<string, string>) {
  return {
    visitId: v._id,
    targetId: v.targetId,
    targetName: v.targetLabel,
    stationId: v.stationId,
    stationName: stationNames.get(v.stationId) ?? '',
    authorName: v.authorName,
    status: v.status,
    startAt: v.startAt,
    method: v.method,
    abnormal: abnormalItems(v.checklist),
    followUp: v.followUp,
  };
}
