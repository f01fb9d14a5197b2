import Taro from '@tarojs/taro';
import type { TVisitInput } from '../../../../shared/contracts/targets';

/**
 * Visit drafts kept on the device (ADR 0018). A draft has a client-generated id that the server
 * turns into the visit's id, so syncing it twice yields one visit. Each draft and each of its
 * photos is its own storage entry (WeChat allows 1 MB per key, 10 MB in all); an index lists the
 * drafts. Everything survives closing the app; nothing leaves the phone until it syncs.
 */

const INDEX_KEY = 'station-link.visitDrafts';
const draftKey = (clientId: string) => `station-link.visitDraft.${clientId}`;
const photoKey = (clientId: string, n: number) => `station-link.visitPhoto.${clientId}.${n}`;

/** Fired (Taro.eventCenter) whenever a draft is saved, synced or removed. */
export const DRAFTS_CHANGED = 'targets:drafts-changed';

/**
 * Where a draft stands: being filled in, waiting for the network, being sent, refused by the
 * server (with its message), or in conflict with what an earlier sync stored.
 */
export type DraftStatus = 'editing' | 'queued' | 'syncing' | 'failed' | 'conflict';

/** One visit draft as stored on the phone. */
export interface VisitDraft {
  clientId: string;
  targetId: string;
  /** How the visitor knows the person: the name (staff) or the masked name (volunteer). */
  targetLabel: string;
  /** A volunteer's visit (photos are not taken; staff confirm it). */
  asVolunteer: boolean;
  /** Photos allowed (the person consented). */
  photosAllowed: boolean;
  data: TVisitInput;
  /** Photos waiting with the draft, by slot; `uploaded` holds the file id once stored. */
  photos: { slot: number; uploaded: string | null }[];
  status: DraftStatus;
  /** The server's words for a refusal or a conflict. */
  problem: string | null;
  createdAt: string;
  updatedAt: string;
}

function readIndex(): string[] {
  const stored: unknown = Taro.getStorageSync(INDEX_KEY);
  return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string') : [];
}

function announce(): void {
  Taro.eventCenter.trigger(DRAFTS_CHANGED);
}

/** A new draft id: time + randomness, letters and digits only (the server's id format). */
export function newClientId(): string {
  const random = () =>
    Math.floor(Math.random() * 36 ** 8)
      .toString(36)
      .padStart(8, '0');
  return `d${Date.now().toString(36)}${random()}${random()}`;
}

/** Every draft on this phone, newest first. */
export function listDrafts(): VisitDraft[] {
  return readIndex()
    .map((id) => Taro.getStorageSync(draftKey(id)) as VisitDraft | '')
    .filter((d): d is VisitDraft => Boolean(d && typeof d === 'object' && d.clientId))
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
}

/** One draft, or null. */
export function getDraft(clientId: string): VisitDraft | null {
  const stored = Taro.getStorageSync(draftKey(clientId)) as VisitDraft | '';
  return stored && typeof stored === 'object' ? stored : null;
}

/** Drafts that wait for the network (or for the person, after a refusal or conflict). */
export function pendingDrafts(): VisitDraft[] {
  return listDrafts().filter((d) => d.status !== 'editing');
}

/** Save (create or replace) a draft. */
export function saveDraft(draft: VisitDraft): void {
  Taro.setStorageSync(draftKey(draft.clientId), { ...draft, updatedAt: new Date().toISOString() });
  const index = readIndex();
  if (!index.includes(draft.clientId)) Taro.setStorageSync(INDEX_KEY, [...index, draft.clientId]);
  announce();
}

/** Change a stored draft's fields (no-op when it is gone). */
export function patchDraft(clientId: string, patch: Partial<VisitDraft>): VisitDraft | null {
  const current = getDraft(clientId);
  if (!current) return null;
  const next = { ...current, ...patch };
  saveDraft(next);
  return next;
}

/** Keep a photo with the draft (base64), in the given slot. */
export function savePhoto(clientId: string, slot: number, base64: string): void {
  Taro.setStorageSync(photoKey(clientId, slot), base64);
}

/** A stored photo of a draft (base64), or ''. */
export function readPhoto(clientId: string, slot: number): string {
  const stored: unknown = Taro.getStorageSync(photoKey(clientId, slot));
  return typeof stored === 'string' ? stored : '';
}

/** Forget a photo of a draft. */
export function removePhoto(clientId: string, slot: number): void {
  Taro.removeStorageSync(photoKey(clientId, slot));
}

/** Remove a draft and its photos (after it synced, or when the person discards it). */
export function removeDraft(clientId: string): void {
  const draft = getDraft(clientId);
  for (const photo of draft?.photos ?? []) removePhoto(clientId, photo.slot);
  Taro.removeStorageSync(draftKey(clientId));
  Taro.setStorageSync(
    INDEX_KEY,
    readIndex().filter((id) => id !== clientId),
  );
  announce();
}
