import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { ShiftDoc } from '../../core/documents';
import { findActivity } from '../../core/repositories/activities';
import {
  insertShift,
  releaseVolunteerSlot,
  reserveVolunteerSlot,
  transitionShift,
} from '../../core/repositories/shifts';
import { releaseBusySpan, reserveBusySpan } from '../../core/repositories/volunteers';
import { toShift } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/**
 * Take a volunteer slot: the slot is one conditional write on the activity, the non-overlap of
 * the volunteer's shifts one conditional write on their row, the shift row a deterministic id.
 * Any refusal gives back what was taken.
 */
export async function signUpShift(deps: Deps, caller: Caller, input: { activityId: string }) {
  const { user, volunteer } = await requireVolunteer(deps, caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity || activity.status === 'draft')
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  if (activity.status !== 'published') throw new AppError('ACTIVITY_NOT_OPEN');
  if (now >= activity.startAt) throw new AppError('SIGNUP_CLOSED');
  if (activity.volunteerSlots === 0) throw new AppError('SHIFT_FULL', { userMessage: '该活动不招募志愿者' });
  const shiftId = `${activity._id}_${user.userId}`;
  if (!(await reserveBusySpan(deps.db, user.userId, { shiftId, startAt: activity.startAt, endAt: activity.endAt }))) {
    if (volunteer.busy.some((span) => span.shiftId === shiftId))
      throw new AppError('ALREADY_BOOKED', { userMessage: '您已报名该志愿岗位' });
    throw new AppError('SHIFT_OVERLAP');
  }
  if (!(await reserveVolunteerSlot(deps.db, { activityId: activity._id, slots: activity.volunteerSlots, now }))) {
    await releaseBusySpan(deps.db, user.userId, shiftId);
    throw new AppError('SHIFT_FULL');
  }
  const shift: ShiftDoc = {
    _id: shiftId,
    activityId: activity._id,
    userId: user.userId,
    volunteerName: volunteer.realName,
    stationId: activity.stationId,
    stationName: activity.stationName,
    stationPath: activity.stationPath,
    activityTitle: activity.title,
    scheduledStart: activity.startAt,
    scheduledEnd: activity.endAt,
    status: 'signed_up',
    checkInAt: null,
    checkInBy: null,
    checkOutAt: null,
    checkOutBy: null,
    autoClosed: false,
    minutes: null,
    createdAt: now,
    updatedAt: now,
  };
  if (await insertShift(deps.db, shift)) return toShift(shift);
  // A row exists: reuse a cancelled one; anything else means the shift is already held.
  if (
    await transitionShift(deps.db, { shiftId, from: 'cancelled', to: 'signed_up', fields: { createdAt: now }, at: now })
  ) {
    return toShift(shift);
  }
  await releaseVolunteerSlot(deps.db, activity._id, now);
  await releaseBusySpan(deps.db, user.userId, shiftId);
  throw new AppError('ALREADY_BOOKED', { userMessage: '您已报名该志愿岗位' });
}
