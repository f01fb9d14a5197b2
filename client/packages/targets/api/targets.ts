import type { RequestOf, ResponseOf } from '../../../../shared/contracts/common';
import type { TPlanView, targetsContract } from '../../../../shared/contracts/targets';
import type { ReadReason } from '../../../../shared/domain/targets';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { callFunction, targetsFn } from '../../../lib/cloud';

type Req<K extends keyof (typeof targetsContract)['actions']> = RequestOf<typeof targetsContract, K>;
export type Res<K extends keyof (typeof targetsContract)['actions']> = ResponseOf<typeof targetsContract, K>;
export type TargetRow = Res<'listTargets'>['items'][number];
export type TargetRecord = Res<'getTarget'>;
export type Visit = Res<'targetVisits'>['items'][number];
export type QueueItem = Res<'pendingVisits'>['items'][number];
export type Task = Res<'myTasks'>['items'][number];
export type ReadLogEntry = Res<'readLog'>['items'][number];

/** Fired after a record changes (created, edited, moved, closed, visited), so lists reload. */
export const TARGETS_CHANGED = 'targets:changed';

const PAGE_SIZE = 20;

/** Filters of the roster and the plan. */
export interface RosterFilter {
  q?: string;
  category?: Req<'listTargets'>['category'];
  tier?: Req<'listTargets'>['tier'];
  mine?: boolean;
  /** A colleague's caseload (replaces `mine`). */
  responsibleWorkerId?: string;
  due?: TPlanView;
  status?: Req<'listTargets'>['status'];
}

/** The roster or a plan view of a station subtree, paged (every page is logged as a list read). */
export function useTargetList(stationId: string | undefined, filter: RosterFilter): PagedList<TargetRow> {
  const key = stationId ? `targets.list:${stationId}:${JSON.stringify(filter)}` : null;
  return usePaged(
    key,
    (page) =>
      callFunction(targetsFn, 'listTargets', {
        stationId: stationId as string,
        ...(filter.q ? { q: filter.q } : {}),
        ...(filter.category ? { category: filter.category } : {}),
        ...(filter.tier ? { tier: filter.tier } : {}),
        ...(filter.due ? { due: filter.due } : {}),
        ...(filter.responsibleWorkerId ? { responsibleWorkerId: filter.responsibleWorkerId } : {}),
        mine: Boolean(filter.mine),
        status: filter.status ?? 'active',
        page,
        pageSize: PAGE_SIZE,
      }),
    { reloadOnShow: true },
  );
}

/** Records moved from this subtree to another station (masked). */
export function useMovedOut(stationId: string | undefined, enabled: boolean) {
  return usePaged(enabled && stationId ? `targets.movedOut:${stationId}` : null, (page) =>
    callFunction(targetsFn, 'movedOut', { stationId: stationId as string, page, pageSize: PAGE_SIZE }),
  );
}

/** Counts of the plan's tabs (with the list's caseload, tier and category) and the two queues. */
export function usePlanSummary(
  stationId: string | undefined,
  filter: Pick<RosterFilter, 'mine' | 'responsibleWorkerId' | 'tier' | 'category'>,
): Remote<Res<'planSummary'>> {
  return useRemote(
    stationId ? `targets.planSummary:${stationId}:${JSON.stringify(filter)}` : null,
    () =>
      callFunction(targetsFn, 'planSummary', {
        stationId: stationId as string,
        mine: Boolean(filter.mine),
        ...(filter.responsibleWorkerId ? { responsibleWorkerId: filter.responsibleWorkerId } : {}),
        ...(filter.tier ? { tier: filter.tier } : {}),
        ...(filter.category ? { category: filter.category } : {}),
      }),
    { reloadOnShow: true },
  );
}

/** One full record (logged); outside one's caseload it answers READ_REASON_REQUIRED until `reason` is given. */
export function useTarget(targetId: string | undefined, reason: ReadReason | undefined): Remote<TargetRecord> {
  return useRemote(
    targetId ? `targets.get:${targetId}:${reason ?? ''}` : null,
    () => callFunction(targetsFn, 'getTarget', { targetId: targetId as string, ...(reason ? { reason } : {}) }),
    { reloadOnShow: true },
  );
}

/** A record's visits, newest first (logged like the record). */
export function useTargetVisits(targetId: string | undefined, reason: ReadReason | undefined, enabled: boolean) {
  return usePaged(
    enabled && targetId ? `targets.visits:${targetId}:${reason ?? ''}` : null,
    (page) =>
      callFunction(targetsFn, 'targetVisits', {
        targetId: targetId as string,
        ...(reason ? { reason } : {}),
        page,
        pageSize: 10,
      }),
    { reloadOnShow: true },
  );
}

/** Who can be responsible for a record at a station. */
export function useWorkers(stationId: string | undefined) {
  return useRemote(stationId ? `targets.workers:${stationId}` : null, () =>
    callFunction(targetsFn, 'listWorkers', { stationId: stationId as string }),
  );
}

/** A volunteer's masked tasks. */
export function useMyTasks(enabled: boolean) {
  return usePaged(
    enabled ? 'targets.myTasks' : null,
    (page) => callFunction(targetsFn, 'myTasks', { page, pageSize: PAGE_SIZE }),
    { reloadOnShow: true },
  );
}

/** Volunteer visits to confirm, or abnormal findings to follow up, at a station subtree. */
export function useVisitQueue(stationId: string | undefined, queue: 'pending' | 'followUps') {
  return usePaged(
    stationId ? `targets.queue:${stationId}:${queue}` : null,
    (page) =>
      callFunction(targetsFn, queue === 'pending' ? 'pendingVisits' : 'listFollowUps', {
        stationId: stationId as string,
        page,
        pageSize: PAGE_SIZE,
      }),
    { reloadOnShow: true },
  );
}

/** Who read which records at a station subtree (heads and admins). */
export function useReadLog(stationId: string | undefined, targetId: string | undefined) {
  return usePaged(stationId ? `targets.readLog:${stationId}:${targetId ?? ''}` : null, (page) =>
    callFunction(targetsFn, 'readLog', {
      stationId: stationId as string,
      ...(targetId ? { targetId } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
  );
}

/** The visit frequency that applies at a station. */
export function useVisitPolicy(stationId: string | undefined) {
  return useRemote(stationId ? `targets.policy:${stationId}` : null, () =>
    callFunction(targetsFn, 'getVisitPolicy', { stationId: stationId as string }),
  );
}

export const useCreateTarget = (o?: ActionOptions) =>
  useAction((req: Req<'createTarget'>) => callFunction(targetsFn, 'createTarget', req), o);
export const useUpdateTarget = (o?: ActionOptions) =>
  useAction((req: Req<'updateTarget'>) => callFunction(targetsFn, 'updateTarget', req), o);
export const useMoveTarget = (o?: ActionOptions) =>
  useAction((req: Req<'moveTarget'>) => callFunction(targetsFn, 'moveTarget', req), o);
export const useCloseTarget = (o?: ActionOptions) =>
  useAction((req: Req<'closeTarget'>) => callFunction(targetsFn, 'closeTarget', req), o);
export const useFlagEvent = (o?: ActionOptions) =>
  useAction((req: Req<'flagEvent'>) => callFunction(targetsFn, 'flagEvent', req), o);
export const useSetHomeLocation = (o?: ActionOptions) =>
  useAction((req: Req<'setHomeLocation'>) => callFunction(targetsFn, 'setHomeLocation', req), o);
export const usePairVolunteer = (o?: ActionOptions) =>
  useAction((req: Req<'pairVolunteer'>) => callFunction(targetsFn, 'pairVolunteer', req), o);
export const useUnpairVolunteer = (o?: ActionOptions) =>
  useAction((req: Req<'unpairVolunteer'>) => callFunction(targetsFn, 'unpairVolunteer', req), o);
export const useConfirmVisit = (o?: ActionOptions) =>
  useAction((req: Req<'confirmVisit'>) => callFunction(targetsFn, 'confirmVisit', req), o);
export const useSetVisitPolicy = (o?: ActionOptions) =>
  useAction((req: Req<'setVisitPolicy'>) => callFunction(targetsFn, 'setVisitPolicy', req), o);
export const useExportRoster = (o?: ActionOptions) =>
  useAction((stationId: string) => callFunction(targetsFn, 'exportRoster', { stationId }), o);
export const useUploadConsentPhoto = (o?: ActionOptions) =>
  useAction(
    (stationId: string, clientId: string, imageBase64: string) =>
      callFunction(targetsFn, 'uploadPhoto', { kind: 'consent', stationId, clientId, imageBase64 }),
    o,
  );
