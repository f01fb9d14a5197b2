import { cancelRefusal } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findActivity } from '../../core/repositories/activities';
import { findShift, releaseVolunteerSlot, transitionShift } from '../../core/repositories/shifts';
import { releaseBusySpan } from '../../core/repositories/volunteers';
import { toShift } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/**
 * Give a volunteer slot back until the activity's cancellation deadline — the rule residents
 * have too (`cancelRefusal`), so staff can count on who is coming.
 */
export async function cancelShift(deps: Deps, caller: Caller, input: { activityId: string }) {
  const { user } = await requireVolunteer(deps, caller);
  const now = deps.now();
  const shiftId = `${input.activityId}_${user.userId}`;
  const [shift, activity] = await Promise.all([findShift(deps.db, shiftId), findActivity(deps.db, input.activityId)]);
  if (!shift || !activity || shift.status !== 'signed_up')
    throw new AppError('BOOKING_NOT_FOUND', { userMessage: '没有找到可取消的志愿岗位' });
  const refusal = cancelRefusal(activity, now);
  if (refusal === 'CANCEL_DEADLINE_PASSED')
    throw new AppError(refusal, { userMessage: '已过取消截止时间，如需取消请联系社工站' });
  if (refusal) throw new AppError(refusal, { userMessage: '活动已结束或已取消' });
  if (!(await transitionShift(deps.db, { shiftId, from: 'signed_up', to: 'cancelled', fields: {}, at: now }))) {
    throw new AppError('BOOKING_NOT_FOUND', { userMessage: '没有找到可取消的志愿岗位' });
  }
  await releaseVolunteerSlot(deps.db, activity._id, now);
  await releaseBusySpan(deps.db, user.userId, shiftId);
  return toShift({ ...shift, status: 'cancelled' });
}
