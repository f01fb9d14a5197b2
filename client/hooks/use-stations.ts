import type { TStationSummary } from '../../shared/contracts/stations';
import { callFunction, stationsFn } from '../lib/cloud';
import { type PagedList, usePaged } from './use-paged';

const PAGE_SIZE = 20;

/** Children of `parentId`, or the district centres when null (`stations.list`), page by page. Public. */
export function useStationChildren(parentId: string | null): PagedList<TStationSummary> {
  return usePaged(
    `stations.list:${parentId ?? 'centres'}`,
    (page) =>
      callFunction(
        stationsFn,
        'list',
        parentId ? { parentId, page, pageSize: PAGE_SIZE } : { tier: 'center', page, pageSize: PAGE_SIZE },
      ),
    { signInOnDemand: false },
  );
}

/** Stations whose name or address contains `q` (`stations.list` with `q`), page by page; null loads nothing. Public. */
export function useStationSearch(q: string | null): PagedList<TStationSummary> {
  return usePaged(
    q ? `stations.search:${q}` : null,
    (page) => callFunction(stationsFn, 'list', { q: q as string, page, pageSize: PAGE_SIZE }),
    { signInOnDemand: false },
  );
}
