import type { TActivitySummary } from '../../../../shared/contracts/activities';
import type { ActivityStatus } from '../../../../shared/domain/activity';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { activitiesFn, callFunction } from '../../../lib/cloud';

const PAGE_SIZE = 10;

/** Every activity of a station subtree in any status, drafts included (`activities.listManaged`). */
export function useManagedActivities(
  stationId: string | undefined,
  status: ActivityStatus | undefined,
): PagedList<TActivitySummary> {
  return usePaged(
    stationId ? `activities.listManaged:${stationId}:${status ?? 'all'}` : null,
    (page) =>
      callFunction(activitiesFn, 'listManaged', {
        stationId: stationId as string,
        ...(status ? { status } : {}),
        page,
        pageSize: PAGE_SIZE,
      }),
    // Coming back from the editor shows the saved or published state.
    { reloadOnShow: true },
  );
}
