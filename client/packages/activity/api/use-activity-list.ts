import type { TActivityListItem } from '../../../../shared/contracts/activities';
import type { ActivityCategory } from '../../../../shared/domain/activity';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { activitiesFn, callFunction } from '../../../lib/cloud';

const PAGE_SIZE = 10;

/**
 * Published upcoming activities, optionally under one station's subtree, of one category, with a
 * title search, or with volunteer slots still free; each with the caller's own bookings. Public.
 */
export function useActivityList(filter: {
  stationId?: string;
  category?: ActivityCategory;
  search?: string;
  volunteerSlotsOpen?: boolean;
}): PagedList<TActivityListItem> {
  const { stationId, category, search, volunteerSlotsOpen } = filter;
  return usePaged(
    `activities.list:${stationId ?? 'all'}:${category ?? 'all'}:${search ?? ''}:${volunteerSlotsOpen ? 'v' : ''}`,
    (page) =>
      callFunction(activitiesFn, 'list', {
        ...(stationId ? { stationId } : {}),
        ...(category ? { category } : {}),
        ...(search ? { search } : {}),
        ...(volunteerSlotsOpen ? { volunteerSlotsOpen } : {}),
        when: 'upcoming',
        page,
        pageSize: PAGE_SIZE,
      }),
    { signInOnDemand: false, reloadOnShow: true },
  );
}
