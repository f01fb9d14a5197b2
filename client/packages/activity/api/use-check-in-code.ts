import type { TCheckInCode } from '../../../../shared/contracts/activities';
import { type RotatingCodeState, useRotatingCode } from '../../../hooks/use-rotating-code';
import { activitiesFn, callFunction } from '../../../lib/cloud';

export type CheckInCodeState = RotatingCodeState<TCheckInCode>;

/** The caller's rotating check-in code for an activity (`activities.myCheckInCode`). */
export function useCheckInCode(activityId: string | undefined, enabled: boolean): CheckInCodeState {
  return useRotatingCode(activityId, (id) => callFunction(activitiesFn, 'myCheckInCode', { activityId: id }), enabled);
}
