import { linkedActivityProblem } from '../../shared/domain/donation';
import { AppError } from '../../shared/errors';
import type { Deps } from '../core/deps';
import type { ActivityDoc } from '../core/documents';
import { findActivity } from '../core/repositories/activities';

/**
 * The activity a station's donation names (a distribution, a need), or the coded refusal: it must
 * be a public activity of that station's subtree (`linkedActivityProblem`), since its title
 * reaches the public ledger.
 */
export async function linkedActivity(deps: Deps, activityId: string, stationId: string): Promise<ActivityDoc> {
  const activity = await findActivity(deps.db, activityId);
  const problem = activity ? linkedActivityProblem(activity, stationId) : 'NOT_FOUND';
  if (problem === 'NOT_FOUND') throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  if (problem) throw new AppError(problem, { userMessage: '该活动已取消，不能关联' });
  return activity!;
}
