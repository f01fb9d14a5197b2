import type { z } from 'zod';
import type { ZRating } from '../../../../shared/contracts/activities';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { activitiesFn, callFunction } from '../../../lib/cloud';

const PAGE_SIZE = 20;

export type Rating = z.infer<typeof ZRating>;

/** An activity's ratings and comments, raters masked (`activities.ratings`). */
export function useRatings(activityId: string | undefined): PagedList<Rating> {
  return usePaged(activityId ? `activities.ratings:${activityId}` : null, (page) =>
    callFunction(activitiesFn, 'ratings', { activityId: activityId as string, page, pageSize: PAGE_SIZE }),
  );
}
