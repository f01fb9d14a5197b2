import { bookingId } from '../../../shared/domain/booking';
import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findActivity } from '../../core/repositories/activities';
import { countWaitingAhead, findBooking } from '../../core/repositories/bookings';
import { toActivityDetail } from '../mappers';
import { settleActivity } from '../settle';

/**
 * One activity with the caller's booking (and place in line); a draft is visible only to staff
 * who manage it. The activity is settled first (`settleActivity`), so this read may write.
 */
export async function get(deps: Deps, caller: Caller, input: { activityId: string }) {
  const found = await findActivity(deps.db, input.activityId);
  const canManage = found ? can(caller, 'activity:manage', found) : false;
  if (!found || (found.status === 'draft' && !canManage))
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  const mine = caller.kind === 'user' ? await findBooking(deps.db, bookingId(found._id, caller.userId)) : null;
  const { activity, booking } = await settleActivity(deps, found, mine);
  const position = booking?.status === 'waitlisted' ? (await countWaitingAhead(deps.db, booking)) + 1 : null;
  return toActivityDetail(activity, { booking, canManage, waitlistPosition: position });
}
