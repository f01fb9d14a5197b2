import type { TCheckInCode } from '../../../../shared/contracts/activities';
import { type RotatingCodeState, useRotatingCode } from '../../../hooks/use-rotating-code';
import { activitiesFn, callFunction } from '../../../lib/cloud';

export type CheckInCodeState = RotatingCodeState<TCheckInCode>;

/**
 * The rotating check-in code for the caller's booking on an activity, or (with `memberId`) the one
 * they made for a family member (`activities.myCheckInCode`).
 */
export function useCheckInCode(
  activityId: string | undefined,
  memberId: string | undefined,
  enabled: boolean,
): CheckInCodeState {
  return useRotatingCode(
    activityId ? `${activityId}:${memberId ?? ''}` : undefined,
    () =>
      callFunction(activitiesFn, 'myCheckInCode', {
        activityId: activityId as string,
        ...(memberId ? { memberId } : {}),
      }),
    enabled,
  );
}
