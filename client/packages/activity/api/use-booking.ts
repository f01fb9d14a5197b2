import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { activitiesFn, callFunction } from '../../../lib/cloud';

/** A booking of the caller's own, or (with `memberId`) of one of their family members. */
const ref = (activityId: string, memberId?: string) => (memberId ? { activityId, memberId } : { activityId });

/** Take a seat, or a place on the waitlist when the activity is full (`activities.signUp`). */
export function useSignUp(options?: ActionOptions) {
  return useAction(
    (activityId: string, memberId?: string) => callFunction(activitiesFn, 'signUp', ref(activityId, memberId)),
    options,
  );
}

/** Give back a seat, an offer or a waitlist place (`activities.cancelBooking`). */
export function useCancelBooking(options?: ActionOptions) {
  return useAction(
    (activityId: string, memberId?: string) => callFunction(activitiesFn, 'cancelBooking', ref(activityId, memberId)),
    options,
  );
}

/** Take the seat offered from the waitlist before the claim window ends (`activities.claimOffer`). */
export function useClaimOffer(options?: ActionOptions) {
  return useAction(
    (activityId: string, memberId?: string) => callFunction(activitiesFn, 'claimOffer', ref(activityId, memberId)),
    options,
  );
}

/** Rate an attended activity 1–5 with an optional comment (`activities.rate`). */
export function useRate(options?: ActionOptions) {
  return useAction(
    (activityId: string, score: number, comment: string) =>
      callFunction(activitiesFn, 'rate', { activityId, score, comment }),
    options,
  );
}
