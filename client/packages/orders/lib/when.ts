/**
 * Times a worker picks with one tap, as Beijing wall times (fixed +08:00, like the rest of the
 * app), so no date picker is needed for the usual cases.
 */
const OFFSET_MS = 8 * 3600_000;

/** The instant of Beijing `days` from today at `hh:00`. */
function beijingAt(now: number, days: number, hour: number): Date {
  const wall = new Date(now + OFFSET_MS);
  const day = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days, hour);
  return new Date(day - OFFSET_MS);
}

/** Appointment choices still ahead of `now`: 今天下午, 明天上午/下午, 后天上午. */
export function scheduleChoices(now: number): { key: string; label: string; at: string }[] {
  return [
    { key: 'today-pm', label: '今天下午 2 点', at: beijingAt(now, 0, 14) },
    { key: 'tomorrow-am', label: '明天上午 9 点', at: beijingAt(now, 1, 9) },
    { key: 'tomorrow-pm', label: '明天下午 2 点', at: beijingAt(now, 1, 14) },
    { key: 'after-am', label: '后天上午 9 点', at: beijingAt(now, 2, 9) },
  ]
    .filter((c) => c.at.getTime() > now)
    .map((c) => ({ ...c, at: c.at.toISOString() }));
}

/** When the service ended: just now, or hours ago. */
export const ENDED_CHOICES = [
  { key: 'now', label: '刚刚', minutesAgo: 1 },
  { key: '1h', label: '1 小时前', minutesAgo: 60 },
  { key: '3h', label: '3 小时前', minutesAgo: 180 },
] as const;

/** How long the service took. */
export const MINUTE_CHOICES = [30, 60, 90, 120, 180] as const;

/** The service record's start: it lasted `minutes` and ended `minutesAgo` before `now`. */
export function recordStart(now: number, minutes: number, minutesAgo: number): string {
  return new Date(now - (minutes + minutesAgo) * 60_000).toISOString();
}
