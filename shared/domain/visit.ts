import { fromAppWallClock, inAppZone } from './time';

/**
 * Rules of one visit record: its times, the follow-up an abnormal item asks for, where it was made
 * (a distance, never coordinates, is kept), and where its photos live.
 */

/** A phone's clock may run a little ahead of the server's; later than this is "in the future". */
export const CLOCK_SKEW_MINUTES = 5;
/** A visit longer than this is a typing mistake. */
export const MAX_VISIT_HOURS = 12;
/** Drafts may wait offline for a while, but not longer than this (older visits are entered on paper). */
export const MAX_VISIT_AGE_DAYS = 31;
/** A follow-up is set at most this far after the visit. */
export const MAX_FOLLOW_UP_DAYS = 90;
/** A door visit recorded further than this from the address is flagged (never refused). */
export const FAR_FROM_HOME_METERS = 500;

/** Only `counted` visits count; a volunteer's visit is `pending` until staff confirm or reject it. */
export const VISIT_STATUSES = ['counted', 'pending', 'rejected'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];
export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  counted: '已计入',
  pending: '志愿者探访，待社工确认',
  rejected: '未计入',
};

export type VisitTimeProblem = 'in_future' | 'ends_before_start' | 'too_long' | 'too_old';

export const VISIT_TIME_MESSAGES: Record<VisitTimeProblem, string> = {
  in_future: '探访时间不能晚于现在',
  ends_before_start: '结束时间不能早于开始时间',
  too_long: `一次探访不超过 ${MAX_VISIT_HOURS} 小时，请检查时间`,
  too_old: `只能补记 ${MAX_VISIT_AGE_DAYS} 天内的探访`,
};

/** Why a visit's times are refused at `now`, or null when they are fine. */
export function visitTimeProblem(visit: { startAt: Date; endAt: Date }, now: Date): VisitTimeProblem | null {
  const latest = now.getTime() + CLOCK_SKEW_MINUTES * 60_000;
  if (visit.startAt.getTime() > latest || visit.endAt.getTime() > latest) return 'in_future';
  if (visit.endAt.getTime() < visit.startAt.getTime()) return 'ends_before_start';
  if (visit.endAt.getTime() - visit.startAt.getTime() > MAX_VISIT_HOURS * 3_600_000) return 'too_long';
  if (now.getTime() - visit.startAt.getTime() > MAX_VISIT_AGE_DAYS * 86_400_000) return 'too_old';
  return null;
}

/** Why a follow-up date (YYYY-MM-DD, Asia/Shanghai) is refused for a visit that started at `visitAt`. */
export function followUpDateProblem(dueDate: string, visitAt: Date): string | null {
  const due = fromAppWallClock(`${dueDate}T00:00:00`);
  if (Number.isNaN(due.getTime()) || inAppZone(due).format('YYYY-MM-DD') !== dueDate) return '日期格式不正确';
  const visitDay = fromAppWallClock(`${inAppZone(visitAt).format('YYYY-MM-DD')}T00:00:00`);
  if (due < visitDay) return '跟进日期不能早于探访日期';
  if (due.getTime() - visitDay.getTime() > MAX_FOLLOW_UP_DAYS * 86_400_000)
    return `跟进日期须在探访后 ${MAX_FOLLOW_UP_DAYS} 天内`;
  return null;
}

/** Great-circle distance in metres (haversine), rounded to the metre. */
export function distanceMeters(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return Math.round(2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** A home location kept to about 10 m (4 decimals): enough to flag a far visit, no finer. */
export function coarseLocation(p: { latitude: number; longitude: number }): { latitude: number; longitude: number } {
  return { latitude: Math.round(p.latitude * 1e4) / 1e4, longitude: Math.round(p.longitude * 1e4) / 1e4 };
}

/** Photos a visit may carry (they wait on the phone with the draft until it syncs). */
export const VISIT_PHOTO_LIMIT = 3;
/** Largest photo accepted, in bytes (the phone compresses to ≤ 1280 px, a few hundred KB, first). */
export const VISIT_PHOTO_MAX_BYTES = 2 * 1024 * 1024;
/** The same limit as base64 text, as the photo travels inside a function call. */
export const VISIT_PHOTO_MAX_BASE64 = Math.ceil(VISIT_PHOTO_MAX_BYTES / 3) * 4;
/** Hex characters of the content digest that names a stored photo (a retried upload is the same file). */
export const PHOTO_DIGEST_CHARS = 24;
const PHOTO_NAME = new RegExp(`^[0-9a-f]{${PHOTO_DIGEST_CHARS}}\\.(jpg|png)$`);

/** Where the photos of one visit draft live: the target, then the draft's client id. */
export function visitPhotoFolder(targetId: string, clientId: string): string {
  return `visits/${targetId}/${clientId}/`;
}

/** Where a signed consent form's photo lives before and after the record is saved. */
export function consentPhotoFolder(stationId: string, clientId: string): string {
  return `consents/${stationId}/${clientId}/`;
}

/** A stored photo's path: its folder, the content digest, the sniffed type. */
export function photoPath(folder: string, digestHex: string, type: 'jpg' | 'png'): string {
  return `${folder}${digestHex.slice(0, PHOTO_DIGEST_CHARS)}.${type}`;
}

/** True only for a path {@link photoPath} gives in this folder: directly in it, by that name. */
export function isPhotoPathIn(folder: string, path: string): boolean {
  return path.startsWith(folder) && PHOTO_NAME.test(path.slice(folder.length));
}

/** True for a consent-form photo uploaded for this station (any form draft). */
export function isConsentPhotoPath(stationId: string, path: string): boolean {
  const prefix = `consents/${stationId}/`;
  if (!path.startsWith(prefix)) return false;
  const rest = path.slice(prefix.length);
  const slash = rest.indexOf('/');
  if (slash <= 0 || !/^[A-Za-z0-9_-]{1,100}$/.test(rest.slice(0, slash))) return false;
  return PHOTO_NAME.test(rest.slice(slash + 1));
}
