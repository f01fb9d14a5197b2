import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { activitiesFn, callFunction } from '../../../lib/cloud';

/** Take a seat (`activities.signUp`). */
export function useSignUp(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(activitiesFn, 'signUp', { activityId }), options);
}

/** Give the seat back before the cancellation deadline (`activities.cancelBooking`). */
export function useCancelBooking(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(activitiesFn, 'cancelBooking', { activityId }), options);
}
