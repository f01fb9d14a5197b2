import type { TActivityDetail } from '../../../../shared/contracts/activities';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { activitiesFn, callFunction } from '../../../lib/cloud';

/**
 * One activity with live seats and the caller's booking (`activities.get`), reloaded whenever
 * the page shows again. Public: a visitor without a session sees it too (with no booking).
 */
export function useActivity(activityId: string | undefined): Remote<TActivityDetail> {
  return useRemote(
    activityId ? `activities.get:${activityId}` : null,
    () => callFunction(activitiesFn, 'get', { activityId: activityId as string }),
    { reloadOnShow: true, signInOnDemand: false },
  );
}
