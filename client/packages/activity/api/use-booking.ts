import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { activitiesFn, callFunction } from '../../../lib/cloud';

/** Take a seat, or a place on the waitlist when the activity is full (`activities.signUp`). */
export function useSignUp(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(activitiesFn, 'signUp', { activityId }), options);
}

/** Give back a seat, an offer or a waitlist place (`activities.cancelBooking`). */
export function useCancelBooking(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(activitiesFn, 'cancelBooking', { activityId }), options);
}

/** Take the seat offered from the waitlist before the claim window ends (`activities.claimOffer`). */
export function useClaimOffer(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(activitiesFn, 'claimOffer', { activityId }), options);
}

/** Rate an attended activity 1–5 with an optional comment (`activities.rate`). */
export function useRate(options?: ActionOptions) {
  return useAction(
    (activityId: string, score: number, comment: string) =>
      callFunction(activitiesFn, 'rate', { activityId, score, comment }),
    options,
  );
}
