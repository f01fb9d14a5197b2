import type { TNeed } from '../../shared/contracts/donations';
import { callFunction, donationsFn } from '../lib/cloud';
import { type PagedList, usePaged } from './use-paged';

/** Open needs (`donations.listNeeds`), across the network or under one station, 10 a page. Public. */
export function useOpenNeeds(stationId: string | undefined): PagedList<TNeed> {
  return usePaged(
    `donations.listNeeds:${stationId ?? 'all'}`,
    (page) =>
      callFunction(donationsFn, 'listNeeds', {
        ...(stationId ? { stationId } : {}),
        status: 'open',
        page,
        pageSize: 10,
      }),
    { signInOnDemand: false, reloadOnShow: true },
  );
}
