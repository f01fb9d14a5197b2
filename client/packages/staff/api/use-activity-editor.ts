import type { TActivityDetail } from '../../../../shared/contracts/activities';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { activitiesFn, callFunction } from '../../../lib/cloud';
import type { ActivityInput, ActivityPatch } from '../lib/activity-form';

/** The activity being edited (`activities.get`; drafts are visible to the staff who manage them). */
export function useEditableActivity(activityId: string | undefined): Remote<TActivityDetail> {
  return useRemote(activityId ? `activities.get:${activityId}` : null, () =>
    callFunction(activitiesFn, 'get', { activityId: activityId as string }),
  );
}

/** Create a draft at a station the caller manages (`activities.create`). */
export function useCreateActivity(options?: ActionOptions) {
  return useAction(
    (stationId: string, data: ActivityInput) => callFunction(activitiesFn, 'create', { stationId, data }),
    options,
  );
}

/** Save changes (`activities.update`); after publishing only some fields may change. */
export function useUpdateActivity(options?: ActionOptions) {
  return useAction(
    (activityId: string, data: ActivityPatch) => callFunction(activitiesFn, 'update', { activityId, data }),
    options,
  );
}

/** Publish a draft so residents can see and book it (`activities.publish`). */
export function usePublishActivity(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(activitiesFn, 'publish', { activityId }), options);
}

/** Cancel an activity with a reason; everyone booked or waiting is told (`activities.cancelActivity`). */
export function useCancelActivity(options?: ActionOptions) {
  return useAction(
    (activityId: string, reason: string) => callFunction(activitiesFn, 'cancelActivity', { activityId, reason }),
    options,
  );
}

/** Write to everyone booked on an activity: a station notice in their 消息 (`activities.notifyParticipants`). */
export function useNotifyParticipants(options?: ActionOptions) {
  return useAction(
    (activityId: string, message: string) => callFunction(activitiesFn, 'notifyParticipants', { activityId, message }),
    options,
  );
}
