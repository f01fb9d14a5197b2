import { monthKey } from '../../../../shared/domain/time';

/** This month in Asia/Shanghai, `YYYY-MM`. */
export function currentMonth(now: Date = new Date()): string {
  return monthKey(now);
}

/** `YYYY-MM` moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2026年11月`. */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}年${m}月`;
}

/** `11月` (chart axis). */
export function shortMonthLabel(month: string): string {
  return `${Number(month.split('-')[1])}月`;
}

/** A valid, non-future month from a page parameter, else the current month. */
export function monthParam(value: string | undefined, now: Date = new Date()): string {
  const current = currentMonth(now);
  if (!value || !/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return current;
  return value > current ? current : value;
}

/** A signed change in words, never colour alone: `↑ 3`, `↓ 2`, `持平`. */
export function changeText(change: number): string {
  if (change > 0) return `↑ ${change}`;
  if (change < 0) return `↓ ${-change}`;
  return '持平';
}
