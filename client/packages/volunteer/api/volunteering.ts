import type { TRegisterRequest, volunteeringContract } from '../../../../shared/contracts/volunteering';
import type { RequestOf, ResponseOf } from '../../../../shared/contracts/common';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { callFunction, stationsFn, volunteeringFn } from '../../../lib/cloud';

const PAGE_SIZE = 10;

type Req<K extends keyof (typeof volunteeringContract)['actions'] & string> = RequestOf<typeof volunteeringContract, K>;

/** `volunteering.myProfile`; NOT_REGISTERED when the caller has not registered yet. */
export function useVolunteerProfile() {
  return useRemote('volunteering.myProfile', () => callFunction(volunteeringFn, 'myProfile', {}), {
    reloadOnShow: true,
  });
}

/** Real-name registration (`volunteering.register`). */
export function useRegister(options?: ActionOptions) {
  return useAction((data: TRegisterRequest['data']) => callFunction(volunteeringFn, 'register', { data }), options);
}

/** Take a volunteer slot (`volunteering.signUpShift`). */
export function useSignUpShift(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(volunteeringFn, 'signUpShift', { activityId }), options);
}

/** Give a slot back until the activity's cancellation deadline (`volunteering.cancelShift`). */
export function useCancelShift(options?: ActionOptions) {
  return useAction((activityId: string) => callFunction(volunteeringFn, 'cancelShift', { activityId }), options);
}

/** The caller's shifts, upcoming or past (`volunteering.myShifts`). */
export function useMyShifts(when: 'upcoming' | 'past') {
  return usePaged(
    `volunteering.myShifts:${when}`,
    (page) => callFunction(volunteeringFn, 'myShifts', { when, page, pageSize: PAGE_SIZE }),
    { reloadOnShow: true },
  );
}

/**
 * The caller's shift on one activity, whatever its state: upcoming lists only signed-up and
 * checked-in shifts, so a checked-out one is looked for among the past ones and in the ledger.
 */
export function useMyShiftOn(activityId: string | undefined) {
  return useRemote(
    activityId ? `volunteering.myShiftOn:${activityId}` : null,
    async () => {
      const upcoming = await callFunction(volunteeringFn, 'myShifts', { when: 'upcoming', page: 1, pageSize: 50 });
      const found = upcoming.items.find((s) => s.activityId === activityId);
      if (found) return found;
      const past = await callFunction(volunteeringFn, 'myShifts', { when: 'past', page: 1, pageSize: 50 });
      const ended = past.items.find((s) => s.activityId === activityId);
      if (ended) return ended;
      // Checked out before the scheduled end: in neither list (upcoming keeps signed-up and
      // checked-in shifts, past starts at the end), but its verified entry is in the ledger.
      const hours = await callFunction(volunteeringFn, 'myHours', {});
      const entry = hours.entries.find((e) => e.activityId === activityId && e.kind === 'verified');
      return entry
        ? { status: 'checked_out' as const, minutes: entry.minutes, activity: { title: entry.activityTitle ?? '' } }
        : null;
    },
    { reloadOnShow: true },
  );
}

/** Totals, by month, by station and every entry (`volunteering.myHours`). */
export function useMyHours() {
  return useRemote('volunteering.myHours', () => callFunction(volunteeringFn, 'myHours', {}), { reloadOnShow: true });
}

/** The caller's 补录 claims, newest first (`volunteering.myClaims`). */
export function useMyClaims() {
  return usePaged(
    'volunteering.myClaims',
    (page) => callFunction(volunteeringFn, 'myClaims', { page, pageSize: PAGE_SIZE }),
    { reloadOnShow: true },
  );
}

/** Ask for hours the scans missed (`volunteering.claimHours`). */
export function useClaimHours(options?: ActionOptions) {
  return useAction((data: Req<'claimHours'>['data']) => callFunction(volunteeringFn, 'claimHours', { data }), options);
}

/** Issue a 志愿服务记录证明 (`volunteering.issueCertificate`). */
export function useIssueCertificate(options?: ActionOptions) {
  return useAction(
    (request: Req<'issueCertificate'>) => callFunction(volunteeringFn, 'issueCertificate', request),
    options,
  );
}

/** Check a certificate (`volunteering.verifyCertificate`), public. */
export function useVerifyCertificate(options?: ActionOptions) {
  return useAction(
    (serial: string, code: string) => callFunction(volunteeringFn, 'verifyCertificate', { serial, code }),
    options,
  );
}

/** A station's leaderboard (`volunteering.leaderboard`), public. */
export function useLeaderboard(stationId: string | undefined, month: string | undefined) {
  return useRemote(
    stationId ? `volunteering.leaderboard:${stationId}:${month ?? 'all'}` : null,
    () => callFunction(volunteeringFn, 'leaderboard', { stationId: stationId as string, ...(month ? { month } : {}) }),
    { signInOnDemand: false },
  );
}

/** Staff: the review queue of one station (`volunteering.reviewQueue`). */
export function useReviewQueue(
  stationId: string | undefined,
): Remote<ResponseOf<typeof volunteeringContract, 'reviewQueue'>> {
  return useRemote(
    stationId ? `volunteering.reviewQueue:${stationId}` : null,
    () => callFunction(volunteeringFn, 'reviewQueue', { stationId: stationId as string, page: 1, pageSize: 50 }),
    { reloadOnShow: true },
  );
}

/** Staff: approve or reject a claim with a reason (`volunteering.reviewClaim`). */
export function useReviewClaim(options?: ActionOptions) {
  return useAction(
    (claimId: string, decision: 'approve' | 'reject', reason: string) =>
      callFunction(volunteeringFn, 'reviewClaim', { claimId, decision, reason }),
    options,
  );
}

/** Staff: accept an auto-closed check-out as it stands (`volunteering.confirmAutoClosed`). */
export function useConfirmAutoClosed(options?: ActionOptions) {
  return useAction((entryId: string) => callFunction(volunteeringFn, 'confirmAutoClosed', { entryId }), options);
}

/** Staff: correct an entry by ± minutes with a reason (`volunteering.adjustHours`). */
export function useAdjustHours(options?: ActionOptions) {
  return useAction(
    (entryId: string, minutes: number, reason: string) =>
      callFunction(volunteeringFn, 'adjustHours', { entryId, minutes, reason }),
    options,
  );
}

/** Stations to choose from: every 社工站 and 社工室 (two pages of 50 are plenty for a district). */
export function useStationChoices(): PagedList<{ stationId: string; name: string; tier: string }> {
  return usePaged(
    'stations.list:volunteer-choices',
    async (page) => {
      const answer = await callFunction(stationsFn, 'list', { page, pageSize: 50 });
      return {
        ...answer,
        items: answer.items
          .filter((station) => station.tier !== 'center')
          .map((station) => ({ stationId: station.stationId, name: station.name, tier: station.tier })),
      };
    },
    { signInOnDemand: false },
  );
}

/** The caller's latest ID-number dispute, or null (`volunteering.myIdDispute`). */
export function useMyIdDispute() {
  return useRemote('volunteering.myIdDispute', () => callFunction(volunteeringFn, 'myIdDispute', {}), {
    reloadOnShow: true,
  });
}

/** Claim a registered ID number as one's own, to be checked at a station (`volunteering.disputeIdNumber`). */
export function useDisputeIdNumber(options?: ActionOptions) {
  return useAction(
    (data: Req<'disputeIdNumber'>['data']) => callFunction(volunteeringFn, 'disputeIdNumber', { data }),
    options,
  );
}

/** Staff: open ID-number disputes of a station subtree (`volunteering.idDisputes`). */
export function useIdDisputes(
  stationId: string | undefined,
): Remote<ResponseOf<typeof volunteeringContract, 'idDisputes'>> {
  return useRemote(stationId ? `volunteering.idDisputes:${stationId}` : null, () =>
    callFunction(volunteeringFn, 'idDisputes', { stationId: stationId as string }),
  );
}

/** Staff uphold or reject a dispute after seeing the paper ID (`volunteering.resolveIdDispute`). */
export function useResolveIdDispute(options?: ActionOptions) {
  return useAction(
    (disputeId: string, decision: 'uphold' | 'reject', reason: string) =>
      callFunction(volunteeringFn, 'resolveIdDispute', { disputeId, decision, reason }),
    options,
  );
}
