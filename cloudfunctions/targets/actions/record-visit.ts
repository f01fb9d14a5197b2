import type { z } from 'zod';
import type { ZVisitInput } from '../../../shared/contracts/targets';
import { maskName } from '../../../shared/domain/privacy';
import { spanAt } from '../../../shared/domain/target-access';
import {
  distanceMeters,
  FAR_FROM_HOME_METERS,
  followUpDateProblem,
  isPhotoPathIn,
  VISIT_TIME_MESSAGES,
  visitPhotoFolder,
  visitTimeProblem,
} from '../../../shared/domain/visit';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { VisitDoc } from '../../core/documents/targets';
import { cloudPathOf, fileLinks } from '../../core/repositories/files';
import { noteCountedVisit, readTarget } from '../../core/repositories/targets';
import { findStoredDraft, insertVisit, visitIdFor } from '../../core/repositories/visits';
import { fingerprint, readerFor } from '../support';

/**
 * Record a visit — at the door or from a draft that waited offline. The draft's client id makes
 * the visit's id, so syncing it twice yields one visit: a second submission with the same content
 * answers `duplicate: true`; with other content it is VISIT_CONFLICT and both versions are shown,
 * never overwritten. A door visit with a location is flagged far only against the home position
 * staff set at the address (`setHomeLocation`); without one nothing is flagged. Staff visits count at once; a paired volunteer's waits for staff to confirm.
 * Times in the future, ending before they start, or on a record not active then are refused before
 * anything is read or written.
 */
export async function recordVisit(
  deps: Deps,
  caller: Caller,
  input: { clientId: string; targetId: string; data: z.output<typeof ZVisitInput> },
) {
  const user = requireUser(caller);
  const { data } = input;
  const now = deps.now();
  const startAt = new Date(data.startAt);
  const endAt = new Date(data.endAt);
  const problem = visitTimeProblem({ startAt, endAt }, now);
  if (problem)
    throw new AppError('VISIT_TIME_INVALID', {
      userMessage: VISIT_TIME_MESSAGES[problem],
      fields: { [problem === 'ends_before_start' ? 'data.endAt' : 'data.startAt']: VISIT_TIME_MESSAGES[problem] },
    });
  const dueProblem = data.followUp ? followUpDateProblem(data.followUp.dueDate, startAt) : null;
  if (dueProblem) throw new AppError('INVALID_INPUT', { fields: { 'data.followUp.dueDate': dueProblem } });

  const { target, access } = await readTarget(
    deps.db,
    readerFor(deps, caller, 'record_visit', { at: startAt }),
    input.targetId,
  );
  if (data.photoFileIds.length) {
    if (target.consent.status !== 'given')
      throw new AppError('CONSENT_REQUIRED', { userMessage: '未取得本人单独同意，探访不能拍照' });
    const folder = visitPhotoFolder(target._id, input.clientId);
    if (data.photoFileIds.some((id) => !isPhotoPathIn(folder, cloudPathOf(id) ?? '')))
      throw new AppError('PHOTO_NOT_FOUND');
    const links = await fileLinks(deps, data.photoFileIds);
    if (data.photoFileIds.some((id) => !links.has(id))) throw new AppError('PHOTO_NOT_FOUND');
  }

  const span = spanAt(target.spans, startAt)!;
  const door = data.method === 'door' && data.location !== null;
  const distance = door && target.homeLocation ? distanceMeters(data.location!, target.homeLocation) : null;
  const visitId = visitIdFor(user.userId, input.clientId);
  // draftedOffline is set on the phone when a send finds no network, possibly after an earlier send
  // did reach the server: the same visit, so it is left out of what a re-send is compared on.
  const { draftedOffline: _offline, ...compared } = data;
  const payloadHash = fingerprint({ targetId: input.targetId, data: compared });
  const status = access.asVolunteer ? 'pending' : 'counted';
  const visit: VisitDoc = {
    _id: visitId,
    clientId: input.clientId,
    authorId: user.userId,
    authorName: user.user.nickname,
    targetId: target._id,
    targetLabel: maskName(target.name),
    stationId: span.stationId,
    stationPath: span.stationPath,
    byVolunteer: access.asVolunteer,
    status,
    method: data.method,
    startAt,
    endAt,
    companions: data.companions,
    checklist: data.checklist,
    notes: data.notes,
    summary: data.summary,
    followUp: data.followUp ? { ...data.followUp, orderId: null } : null,
    photoFileIds: data.photoFileIds,
    distanceMeters: distance,
    far: distance === null ? null : distance > FAR_FROM_HOME_METERS,
    draftedOffline: data.draftedOffline,
    payloadHash,
    confirmedBy: null,
    confirmedByName: null,
    confirmedAt: null,
    rejectReason: null,
    createdAt: now,
  };
  if (!(await insertVisit(deps.db, visit))) {
    const stored = await findStoredDraft(deps.db, user.userId, visitId);
    if (stored && stored.payloadHash === payloadHash)
      return { visitId, status: stored.status, duplicate: true, far: stored.far };
    throw new AppError('VISIT_CONFLICT');
  }
  if (status === 'counted')
    await noteCountedVisit(deps.db, target._id, {
      at: startAt,
      answersUrgent: target.urgent !== null && target.urgent.since <= startAt,
    });
  return { visitId, status, duplicate: false, far: visit.far };
}
