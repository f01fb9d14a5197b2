import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toRating } from '../mappers';
import { findActivity } from '../../core/repositories/activities';
import { findRatingsPage } from '../../core/repositories/bookings';

/** Staff read an activity's ratings and comments, raters masked. */
export async function ratings(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; page: number; pageSize: number },
) {
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'activity:manage', activity);
  const page = await findRatingsPage(deps.db, activity._id, input);
  return { ...page, items: page.items.map(toRating) };
}
