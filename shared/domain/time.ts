import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Every calendar computation (days, months, "today") happens in this zone, whatever the device's TZ. */
export const APP_TIME_ZONE = 'Asia/Shanghai';

/**
 * Asia/Shanghai as a fixed UTC+8 offset. China has had no daylight saving since 1991, and the
 * dayjs timezone plugin relies on `Intl` time-zone data that Android WeChat does not convert
 * reliably — a fixed offset gives the same answer on every device and server.
 */
const OFFSET_MINUTES = 8 * 60;

/** A dayjs showing the given instant on the Asia/Shanghai wall clock. */
export function inAppZone(instant: Date | string | number): dayjs.Dayjs {
  return dayjs(instant).utcOffset(OFFSET_MINUTES);
}

/** The instant of a Shanghai wall-clock time `YYYY-MM-DD HH:mm[:ss]`. */
export function fromAppWallClock(wall: string): Date {
  return dayjs.utc(wall.replace(' ', 'T')).subtract(OFFSET_MINUTES, 'minute').toDate();
}

/** `YYYY-MM` of the instant in Asia/Shanghai (a month key for reports). */
export function monthKey(instant: Date): string {
  return inAppZone(instant).format('YYYY-MM');
}

/** Start (inclusive) and end (exclusive) instants of a `YYYY-MM` month in Asia/Shanghai. */
export function monthRange(month: string): { start: Date; end: Date } {
  const start = dayjs.utc(`${month}-01T00:00:00`);
  return {
    start: start.subtract(OFFSET_MINUTES, 'minute').toDate(),
    end: start.add(1, 'month').subtract(OFFSET_MINUTES, 'minute').toDate(),
  };
}

/** Start (inclusive) and end (exclusive) of the Asia/Shanghai calendar day holding `instant`. */
export function dayRange(instant: Date): { start: Date; end: Date } {
  const start = fromAppWallClock(`${inAppZone(instant).format('YYYY-MM-DD')}T00:00:00`);
  return { start, end: new Date(start.getTime() + 86400_000) };
}

/** Human Chinese date-time for UI, e.g. `11月23日 周一 14:30`. */
export function formatDateTime(instant: Date | string): string {
  const d = inAppZone(instant);
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]} ${d.format('HH:mm')}`;
}

/**
 * Human Chinese date for UI, e.g. `11月23日 周一` — for what is known only as a day (a delivery
 * date the donor picked, a deadline), never with an invented time of day.
 */
export function formatDate(instant: Date | string): string {
  const d = inAppZone(instant);
  return `${d.month() + 1}月${d.date()}日 ${WEEKDAYS[d.day()]}`;
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
