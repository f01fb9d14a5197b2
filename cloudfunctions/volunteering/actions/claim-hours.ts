import type { z } from 'zod';
import type { ZClaimRequest } from '../../../shared/contracts/volunteering';
import { claimProblem } from '../../../shared/domain/hours';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { ClaimDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import { findActivity } from '../../core/repositories/activities';
import {
  findOverlappingEntries,
  findOverlappingPendingClaims,
  insertClaimSerialised,
} from '../../core/repositories/hours';
import { findStation } from '../../core/repositories/stations';
import { toClaim } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/**
 * Ask for hours the scans missed (补录): not in the future, not longer than the named activity,
 * not overlapping recorded hours or another pending claim. Claims by one person are serialised
 * on their volunteer row, so two overlapping claims sent at once cannot both land.
 */
export async function claimHours(deps: Deps, caller: Caller, input: z.output<typeof ZClaimRequest>) {
  const { user, volunteer } = await requireVolunteer(deps, caller);
  const now = deps.now();
  const { data } = input;
  const station = await findStation(deps.db, data.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const activity = data.activityId ? await findActivity(deps.db, data.activityId) : null;
  if (data.activityId && (!activity || !activity.stationPath.includes(station._id))) {
    throw new AppError('NOT_FOUND', { userMessage: '该站点没有这个活动' });
  }
  const startAt = new Date(data.startAt);
  const endAt = new Date(startAt.getTime() + data.minutes * 60_000);
  const activityMinutes = activity
    ? Math.round((activity.endAt.getTime() - activity.startAt.getTime()) / 60_000)
    : null;
  const problem = claimProblem({ startAt, minutes: data.minutes }, { now, activityMinutes });
  if (problem) throw new AppError(problem);
  const claim: ClaimDoc = {
    _id: newId('c'),
    volunteerId: user.userId,
    volunteerName: volunteer.realName,
    volunteerNo: volunteer.volunteerNo,
    stationId: activity?.stationId ?? station._id,
    stationName: activity?.stationName ?? station.name,
    stationPath: activity?.stationPath ?? station.path,
    activityId: activity?._id ?? null,
    activityTitle: activity?.title ?? null,
    startAt,
    endAt,
    minutes: data.minutes,
    description: data.description,
    status: 'pending',
    reviewReason: null,
    reviewedBy: null,
    reviewedByName: null,
    reviewedAt: null,
    createdAt: now,
  };
  await insertClaimSerialised(deps.db, claim, async () => {
    const [entries, pending] = await Promise.all([
      findOverlappingEntries(deps.db, user.userId, { startAt, endAt }),
      findOverlappingPendingClaims(deps.db, user.userId, { startAt, endAt }),
    ]);
    if (entries.length > 0 || pending.length > 0) throw new AppError('CLAIM_OVERLAP');
  });
  return toClaim(claim);
}
