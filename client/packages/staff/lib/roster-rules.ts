import type { TActivityDetail, TRosterEntry } from '../../../../shared/contracts/activities';
import { canCorrectAttendance, type AttendanceOutcome, type BookingStatus } from '../../../../shared/domain/booking';
import { formatDateTime, formatTime } from '../../../../shared/domain/time';

/** Status words at the door (shorter than the resident's own labels). */
export const ROSTER_LABELS: Record<BookingStatus, string> = {
  confirmed: '已报名',
  checked_in: '已签到',
  waitlisted: '候补',
  offered: '待确认',
  no_show: '未到场',
  cancelled: '已取消',
  expired: '已失效',
};

/** The counts at the top and the filter chips, in this order (已失效 joins the chips once it occurs). */
export const COUNTED: readonly BookingStatus[] = [
  'confirmed',
  'checked_in',
  'waitlisted',
  'offered',
  'no_show',
  'cancelled',
];

/** One roster row's status in words: "候补第 2 位", "待确认（11月3日 周一 10:00 前）", "✓ 已签到 09:12". */
export function rosterStatusText(
  entry: Pick<TRosterEntry, 'status' | 'waitlistPosition' | 'offerExpiresAt' | 'checkedInAt'>,
): string {
  switch (entry.status) {
    case 'waitlisted':
      return entry.waitlistPosition ? `候补第 ${entry.waitlistPosition} 位` : '候补中';
    case 'offered':
      return entry.offerExpiresAt ? `待确认（${formatDateTime(entry.offerExpiresAt)} 前）` : '待确认';
    case 'checked_in':
      return entry.checkedInAt ? `✓ 已签到 ${formatTime(entry.checkedInAt)}` : '✓ 已签到';
    case 'confirmed':
    case 'no_show':
    case 'cancelled':
    case 'expired':
      return ROSTER_LABELS[entry.status];
  }
}

/** The colour that repeats a status (the words carry it): seat held, gone, or waiting. */
export function rosterTone(status: BookingStatus): 'ok' | 'warn' | 'danger' {
  if (status === 'checked_in' || status === 'confirmed') return 'ok';
  if (status === 'cancelled' || status === 'expired' || status === 'no_show') return 'danger';
  return 'warn';
}

/** The activity fields the roster's rules read. */
export type RosterActivity = Pick<TActivityDetail, 'status' | 'startAt' | 'endAt' | 'signUpClosesAt'>;

/**
 * What staff may do for one person at `now`: 代签到 while the activity is on and the person holds
 * a confirmed seat; 更正 (to 已签到 / 未到场) by the shared rule `canCorrectAttendance`.
 */
export function rowActions(
  entry: Pick<TRosterEntry, 'status'>,
  activity: RosterActivity | undefined,
  now: Date,
): { proxyCheckIn: boolean; correctTo: AttendanceOutcome[] } {
  if (!activity) return { proxyCheckIn: false, correctTo: [] };
  const live = activity.status === 'published' && Date.parse(activity.endAt) > now.getTime();
  const correctTo = (['checked_in', 'no_show'] as const).filter((to) =>
    canCorrectAttendance({
      activity: { status: activity.status, endAt: new Date(activity.endAt) },
      from: entry.status,
      to,
      now,
    }),
  );
  return { proxyCheckIn: live && entry.status === 'confirmed', correctTo };
}

/** The page's own buttons at `now`: 扫码签到 until the end; 代报名 while sign-up is open and before the start. */
export function rosterPageActions(
  activity: RosterActivity | undefined,
  now: Date,
): { scan: boolean; bookOnBehalf: boolean } {
  if (!activity || activity.status !== 'published') return { scan: false, bookOnBehalf: false };
  const at = now.getTime();
  return {
    scan: Date.parse(activity.endAt) > at,
    bookOnBehalf: Date.parse(activity.signUpClosesAt) > at && Date.parse(activity.startAt) > at,
  };
}

/** Why the list is empty, in words, for the current search and status filter. */
export function emptyRosterText(filter: { search: string; status: BookingStatus | undefined }): string {
  if (filter.search) return `没有找到“${filter.search}”`;
  if (filter.status) return `没有${ROSTER_LABELS[filter.status]}的居民`;
  return '还没有人报名';
}
