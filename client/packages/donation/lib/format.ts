/** Beijing date `days` from today. */
export function beijingDateIn(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The instant of a Beijing date at a given wall time. */
export function instantOfDate(date: string, time = '12:00'): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T${time}:00+08:00` : '';
}

/** A whole number typed as text, or null. */
export function wholeNumber(text: string): number | null {
  const t = text.trim();
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

/** Integer fen as the yuan text a form field shows (`80000` → `800.00`), without floating point. */
export function fenToYuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}
