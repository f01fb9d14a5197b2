/**
 * Date-time fields are entered as Beijing wall time (the stations are all in China, which keeps
 * +08:00 all year) and travel as ISO instants with that offset. Fixed-offset arithmetic keeps
 * this independent of the phone's time zone and of `Intl` support in the mini-program engine.
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

/** `{ date: 'YYYY-MM-DD', time: 'HH:mm' }` in Beijing time for an ISO instant; empty parts for ''. */
export function wallParts(iso: string): { date: string; time: string } {
  const ms = Date.parse(iso);
  if (!iso || Number.isNaN(ms)) return { date: '', time: '' };
  const shifted = new Date(ms + OFFSET_MS).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/** The ISO instant (`…+08:00`) for a Beijing date and time; '' until both are chosen. */
export function instantOf(date: string, time: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return '';
  return `${date}T${time}:00+08:00`;
}

/** `YYYY-MM-DDTHH:mm` (the value of an HTML datetime-local input) in Beijing time. */
export function localInputValue(iso: string): string {
  const { date, time } = wallParts(iso);
  return date && time ? `${date}T${time}` : '';
}
