import type { TActivityListItem } from '../../shared/contracts/activities';
import { activitiesFn, callFunction } from '../lib/cloud';
import { type Remote, useRemote } from './use-remote';

/**
 * The next few published activities (`activities.list`, upcoming), under one station's subtree
 * or everywhere, with the caller's own bookings on each. `stationId` undefined means "not known
 * yet": nothing loads. Public.
 */
export function useUpcomingActivities(stationId: string | null | undefined, limit = 5): Remote<TActivityListItem[]> {
  return useRemote(
    stationId === undefined ? null : `activities.upcoming:${stationId ?? 'all'}:${limit}`,
    async () => {
      const page = await callFunction(activitiesFn, 'list', {
        ...(stationId ? { stationId } : {}),
        when: 'upcoming',
        page: 1,
        pageSize: limit,
      });
      return page.items;
    },
    { reloadOnShow: true, signInOnDemand: false },
  );
}
