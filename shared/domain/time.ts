import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every calendar computation (days, months, "today") happens in this zone, whatever the server's TZ. */
export const APP_TIME_ZONE = 'Asia/Shanghai';

/** A dayjs in Asia/Shanghai for the given instant. */
export function inAppZone(instant: Date | string | number): dayjs.Dayjs {
  return dayjs(instant).tz(APP_TIME_ZONE);
}

/** `YYYY-MM` of the instant in Asia/Shanghai (a month key for reports). */
export function monthKey(instant: Date): string {
  return inAppZone(instant).format('YYYY-MM');
}

/** Start (inclusive) and end (exclusive) instants of a `YYYY-MM` month in Asia/Shanghai. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = dayjs.tz(`${month}-01 00:00:00`, APP_TIME_ZONE);
  return { start: start.toDate(), end: start.add(1, 'month').toDate() };
}

/** Start (inclusive) and end (exclusive) of the Asia/Shanghai calendar day holding `instant`. */
export function dayRange(instant: Date): { start: Date; end: Date } {
  const start = inAppZone(instant).startOf('day');
  return { start: start.toDate(), end: start.add(1, 'day').toDate() };
}

/** Human Chinese date-time for UI, e.g. `11月23日 周一 14:30`. */
export function formatDateTime(instant: Date | string): string {
  const d = inAppZone(instant);
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]} ${d.format('HH:mm')}`;
}

/** `HH:mm` in Asia/Shanghai. */
export function formatTime(instant: Date | string): string {
  return inAppZone(instant).format('HH:mm');
}

/** Human Chinese time span of an activity, e.g. `11月23日 周一 14:30–16:00`. */
export function formatSpan(span: { startAt: Date | string; endAt: Date | string }): string {
  const start = inAppZone(span.startAt);
  const end = inAppZone(span.endAt);
  const sameDay = start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD');
  return `${formatDateTime(span.startAt)}–${sameDay ? end.format('HH:mm') : formatDateTime(span.endAt)}`;
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
