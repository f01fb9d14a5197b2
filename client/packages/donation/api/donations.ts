import type { RequestOf } from '../../../../shared/contracts/common';
import type { donationsContract } from '../../../../shared/contracts/donations';
import type { PledgeQueueView } from '../../../../shared/domain/donation';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { usePaged } from '../../../hooks/use-paged';
import { useRemote } from '../../../hooks/use-remote';
import { activitiesFn, callFunction, donationsFn } from '../../../lib/cloud';

/** Event fired after a need is published, so the staff page lists it at once. */
export const NEEDS_CHANGED = 'donations:needs-changed';

type Req<K extends keyof (typeof donationsContract)['actions']> = RequestOf<typeof donationsContract, K>;

/** One need with its charity (public). */
export function useNeed(needId: string | undefined) {
  return useRemote(
    needId ? `donations.getNeed:${needId}` : null,
    () => callFunction(donationsFn, 'getNeed', { needId: needId! }),
    { signInOnDemand: false },
  );
}

/** A station's charities (public), for funds needs. */
export function useCharities(stationId: string | undefined) {
  return useRemote(
    stationId ? `donations.listCharities:${stationId}` : null,
    () => callFunction(donationsFn, 'listCharities', { stationId: stationId! }),
    { signInOnDemand: false },
  );
}

/** The public ledger of a station. */
export function useLedger(stationId: string | undefined) {
  return useRemote(
    stationId ? `donations.ledger:${stationId}` : null,
    () => callFunction(donationsFn, 'ledger', { stationId: stationId! }),
    { signInOnDemand: false, reloadOnShow: true },
  );
}

/** The caller's pledges, paged, newest first. */
export function useMyPledges() {
  return usePaged('donations.myPledges', (page) => callFunction(donationsFn, 'myPledges', { page, pageSize: 10 }), {
    reloadOnShow: true,
  });
}

/** Staff: the pledges of a managed station in one queue view. */
export function useStaffQueue(stationId: string | undefined, view: PledgeQueueView) {
  return usePaged(
    stationId ? `donations.staffQueue:${stationId}:${view}` : null,
    (page) => callFunction(donationsFn, 'staffQueue', { stationId: stationId!, view, page, pageSize: 10 }),
    { reloadOnShow: true },
  );
}

/** Staff: a station's open needs (to close them). */
export function useStationNeeds(stationId: string | undefined) {
  return usePaged(
    stationId ? `donations.listNeeds:${stationId}` : null,
    (page) => callFunction(donationsFn, 'listNeeds', { stationId: stationId!, status: 'open', page, pageSize: 10 }),
    { reloadOnShow: true },
  );
}

export const usePledge = (o?: ActionOptions) =>
  useAction((req: Req<'pledge'>) => callFunction(donationsFn, 'pledge', req), o);
export const useCancelPledge = (o?: ActionOptions) =>
  useAction((pledgeId: string) => callFunction(donationsFn, 'cancelPledge', { pledgeId }), o);
export const useRecordCharityReceipt = (o?: ActionOptions) =>
  useAction(
    (pledgeId: string, receiptNo: string) => callFunction(donationsFn, 'recordCharityReceipt', { pledgeId, receiptNo }),
    o,
  );
export const useConfirmArrival = (o?: ActionOptions) =>
  useAction((req: Req<'confirmArrival'>) => callFunction(donationsFn, 'confirmArrival', req), o);
export const useUploadArrivalPhoto = (o?: ActionOptions) =>
  useAction(
    (pledgeId: string, imageBase64: string) =>
      callFunction(donationsFn, 'uploadArrivalPhoto', { pledgeId, imageBase64 }),
    o,
  );
export const useDistribute = (o?: ActionOptions) =>
  useAction((req: Req<'distribute'>) => callFunction(donationsFn, 'distribute', req), o);
export const useVoidPledge = (o?: ActionOptions) =>
  useAction((pledgeId: string, reason: string) => callFunction(donationsFn, 'voidPledge', { pledgeId, reason }), o);
export const useThank = (o?: ActionOptions) =>
  useAction((pledgeId: string, note: string) => callFunction(donationsFn, 'thank', { pledgeId, note }), o);
export const useCreateNeed = (o?: ActionOptions) =>
  useAction((req: Req<'createNeed'>) => callFunction(donationsFn, 'createNeed', req), o);
export const useCloseNeed = (o?: ActionOptions) =>
  useAction((needId: string, reason: string) => callFunction(donationsFn, 'closeNeed', { needId, reason }), o);
/** Admins add a registered charity to the district's list (`donations.addCharity`). */
export const useAddCharity = (o?: ActionOptions) =>
  useAction((req: Req<'addCharity'>) => callFunction(donationsFn, 'addCharity', req), o);

/** Staff: a managed station's published activities, to link a distribution to one (optional). */
export function useStationActivities(stationId: string | undefined) {
  return useRemote(stationId ? `activities.listManaged:${stationId}:published` : null, () =>
    callFunction(activitiesFn, 'listManaged', { stationId: stationId!, status: 'published', page: 1, pageSize: 10 }),
  );
}
