import type { TShift } from '../../../../shared/contracts/volunteering';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { callFunction, volunteeringFn } from '../../../lib/cloud';

/**
 * The caller's volunteer shift on one activity (not cancelled), or null: upcoming shifts list
 * signed-up and checked-in ones, a checked-out one is among the past (`volunteering.myShifts`).
 */
export function useMyShift(activityId: string, enabled: boolean): Remote<TShift | null> {
  return useRemote(
    enabled ? `volunteering.myShifts:detail:${activityId}` : null,
    async () => {
      const mine = (when: 'upcoming' | 'past') =>
        callFunction(volunteeringFn, 'myShifts', { when, page: 1, pageSize: 50 }).then((page) =>
          page.items.find((s) => s.activityId === activityId && s.status !== 'cancelled'),
        );
      return (await mine('upcoming')) ?? (await mine('past')) ?? null;
    },
    { reloadOnShow: true, signInOnDemand: false },
  );
}

/** Take a volunteer slot on an activity (`volunteering.signUpShift`). */
export function useSignUpShift(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(volunteeringFn, 'signUpShift', { activityId }), options);
}

/** Give a volunteer slot back until the activity's cancellation deadline (`volunteering.cancelShift`). */
export function useCancelShift(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(volunteeringFn, 'cancelShift', { activityId }), options);
}
