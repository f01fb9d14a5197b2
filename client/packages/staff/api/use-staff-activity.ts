import type { TActivityDetail } from '../../../../shared/contracts/activities';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { activitiesFn, callFunction } from '../../../lib/cloud';

/** The activity behind a door page (title, times, check-in window, rating), re-read on return. */
export function useStaffActivity(activityId: string | undefined): Remote<TActivityDetail> {
  return useRemote(
    activityId ? `activities.get:${activityId}` : null,
    () => callFunction(activitiesFn, 'get', { activityId: activityId as string }),
    { reloadOnShow: true },
  );
}
