import type { ResponseOf } from '../../../../shared/contracts/common';
import type { volunteeringContract } from '../../../../shared/contracts/volunteering';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { callFunction, volunteeringFn } from '../../../lib/cloud';

export type ActivityVolunteers = ResponseOf<typeof volunteeringContract, 'activityVolunteers'>;

/** An activity's volunteers for its staff (`volunteering.activityVolunteers`), reloaded on return. */
export function useActivityVolunteers(activityId: string | undefined): Remote<ActivityVolunteers> {
  return useRemote(
    activityId ? `volunteering.activityVolunteers:${activityId}` : null,
    () => callFunction(volunteeringFn, 'activityVolunteers', { activityId: activityId as string }),
    { reloadOnShow: true },
  );
}
