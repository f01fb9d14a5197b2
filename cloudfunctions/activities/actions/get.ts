import { bookingId } from '../../../shared/domain/activity';
import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivityDetail } from '../../core/mappers';
import { findActivity } from '../../core/repositories/activities';
import { findBooking } from '../../core/repositories/bookings';

/** One activity with the caller's booking; a draft is visible only to staff who manage it. */
export async function get(deps: Deps, caller: Caller, input: { activityId: string }) {
  const activity = await findActivity(deps.db, input.activityId);
  const canManage = activity ? can(caller, 'activity:manage', activity) : false;
  if (!activity || (activity.status === 'draft' && !canManage))
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  const booking = caller.kind === 'user' ? await findBooking(deps.db, bookingId(activity._id, caller.userId)) : null;
  return toActivityDetail(activity, { booking, canManage });
}
