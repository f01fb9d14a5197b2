import Taro from '@tarojs/taro';
import { CloudError, NETWORK_MESSAGE, callFunction, toCloudError } from '../../../lib/cloud';
import { getDraft, patchDraft, pendingDrafts, readPhoto, removeDraft, type VisitDraft } from '../lib/drafts';
import { targetsFn } from '../../../lib/cloud';
import { TARGETS_CHANGED } from './targets';

/**
 * Sending visit drafts (ADR 0018). A draft's photos go first (each stored under the draft's own
 * folder with a content-derived name, so a retry is the same file), then the visit, keyed by the
 * draft's client id: however often this runs, the server keeps one visit. A draft leaves the
 * phone only when the server has it; no network leaves it queued (and marks it `draftedOffline`,
 * which the server leaves out of the draft's fingerprint); a refusal or a conflict is kept
 * for the person to see — never retried blindly, never overwritten.
 */

/** How one draft's sync ended. */
export type SyncOutcome = 'synced' | 'offline' | 'refused' | 'conflict' | 'skipped';

/** True when a call got no answer at all (no signal, timeout): the draft simply waits. */
export function isOffline(error: unknown): boolean {
  const e = toCloudError(error);
  return e.code === 'INTERNAL' && e.userMessage === NETWORK_MESSAGE;
}

async function send(draft: VisitDraft): Promise<SyncOutcome> {
  const photoFileIds: string[] = [];
  for (const photo of draft.photos) {
    if (photo.uploaded) {
      photoFileIds.push(photo.uploaded);
      continue;
    }
    const imageBase64 = readPhoto(draft.clientId, photo.slot);
    if (!imageBase64) continue;
    const stored = await callFunction(targetsFn, 'uploadPhoto', {
      kind: 'visit',
      targetId: draft.targetId,
      clientId: draft.clientId,
      startAt: draft.data.startAt,
      imageBase64,
    });
    patchDraft(draft.clientId, {
      photos: (getDraft(draft.clientId)?.photos ?? draft.photos).map((p) =>
        p.slot === photo.slot ? { ...p, uploaded: stored.fileId } : p,
      ),
    });
    photoFileIds.push(stored.fileId);
  }
  await callFunction(targetsFn, 'recordVisit', {
    clientId: draft.clientId,
    targetId: draft.targetId,
    data: { ...draft.data, photoFileIds },
  });
  return 'synced';
}

/** Send one draft; the draft's stored status says how it went. */
export async function syncDraft(clientId: string): Promise<SyncOutcome> {
  const draft = getDraft(clientId);
  if (!draft || draft.status === 'editing' || draft.status === 'syncing' || draft.status === 'conflict')
    return 'skipped';
  patchDraft(clientId, { status: 'syncing', problem: null });
  try {
    await send(draft);
    removeDraft(clientId);
    Taro.eventCenter.trigger(TARGETS_CHANGED);
    return 'synced';
  } catch (error) {
    if (isOffline(error)) {
      // Staff see it as 离线记录: the visit was made where the phone had no network.
      const current = getDraft(clientId) ?? draft;
      patchDraft(clientId, { status: 'queued', problem: null, data: { ...current.data, draftedOffline: true } });
      return 'offline';
    }
    const e = toCloudError(error);
    if (e.code === 'VISIT_CONFLICT') {
      patchDraft(clientId, { status: 'conflict', problem: e.userMessage });
      return 'conflict';
    }
    patchDraft(clientId, { status: 'failed', problem: e.userMessage });
    return 'refused';
  }
}

let running: Promise<SyncOutcome[]> | null = null;

/**
 * Send every queued draft, one after another (a draft refused earlier waits for the person). A
 * second call while one runs joins it. Stops at the first sign of no network.
 */
export function syncAll(): Promise<SyncOutcome[]> {
  if (running) return running;
  running = (async () => {
    const outcomes: SyncOutcome[] = [];
    for (const draft of pendingDrafts().filter((d) => d.status === 'queued' || d.status === 'syncing')) {
      if (draft.status === 'syncing') patchDraft(draft.clientId, { status: 'queued' });
      const outcome = await syncDraft(draft.clientId);
      outcomes.push(outcome);
      if (outcome === 'offline') break;
    }
    return outcomes;
  })().finally(() => {
    running = null;
  });
  return running;
}

/** What the server stored for a draft that conflicts (the author's own visit, by the draft's id). */
export function fetchSyncedVersion(clientId: string) {
  return callFunction(targetsFn, 'getVisit', { clientId });
}

export { CloudError };
