import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findActivity } from '../../core/repositories/activities';
import { findShift, releaseVolunteerSlot, transitionShift } from '../../core/repositories/shifts';
import { releaseBusySpan } from '../../core/repositories/volunteers';
import { toShift } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/** Give a volunteer slot back before the shift starts. */
export async function cancelShift(deps: Deps, caller: Caller, input: { activityId: string }) {
  const { user } = await requireVolunteer(deps, caller);
  const now = deps.now();
  const shiftId = `${input.activityId}_${user.userId}`;
  const [shift, activity] = await Promise.all([findShift(deps.db, shiftId), findActivity(deps.db, input.activityId)]);
  if (!shift || !activity || shift.status !== 'signed_up')
    throw new AppError('BOOKING_NOT_FOUND', { userMessage: '没有找到可取消的志愿岗位' });
  if (now >= activity.startAt) throw new AppError('CANCEL_DEADLINE_PASSED', { userMessage: '服务已开始，不能取消' });
  if (!(await transitionShift(deps.db, { shiftId, from: 'signed_up', to: 'cancelled', fields: {}, at: now }))) {
    throw new AppError('BOOKING_NOT_FOUND', { userMessage: '没有找到可取消的志愿岗位' });
  }
  await releaseVolunteerSlot(deps.db, activity._id, now);
  await releaseBusySpan(deps.db, user.userId, shiftId);
  return toShift({ ...shift, status: 'cancelled' });
}
