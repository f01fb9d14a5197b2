import type { TActivitySummary } from '../../../../shared/contracts/activities';
import type { ActivityCategory } from '../../../../shared/domain/activity';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { activitiesFn, callFunction } from '../../../lib/cloud';

const PAGE_SIZE = 10;

/** Published upcoming activities, optionally under one station's subtree and of one category. Public. */
export function useActivityList(filter: {
  stationId?: string;
  category?: ActivityCategory;
}): PagedList<TActivitySummary> {
  const { stationId, category } = filter;
  return usePaged(
    `activities.list:${stationId ?? 'all'}:${category ?? 'all'}`,
    (page) =>
      callFunction(activitiesFn, 'list', {
        ...(stationId ? { stationId } : {}),
        ...(category ? { category } : {}),
        when: 'upcoming',
        page,
        pageSize: PAGE_SIZE,
      }),
    { signInOnDemand: false },
  );
}
