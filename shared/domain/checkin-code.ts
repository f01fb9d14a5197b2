/**
 * Rotating check-in codes. A code names what it admits (`b` a resident's booking; `v` a
 * volunteer's shift) and the 30-second window it was issued in; the server signs it with an HMAC
 * (secret from the environment) and accepts it only during its own window and the next one, so
 * a screenshot is stale within a minute. A 6-digit short code derived from the same MAC lets
 * staff type it when a camera fails.
 */
export const CODE_WINDOW_SECONDS = 30;
/** A code is accepted in its own window and this many windows after it. */
export const CODE_GRACE_WINDOWS = 1;
export const CODE_PREFIX = 'SLC1';

/**
 * Typed short codes can be guessed (10^6 codes, two live per person), so wrong ones are limited
 * per window of this many minutes — per staff member and per activity — and refused with
 * `CHECKIN_CODE_LIMIT` once used up. Right codes never count.
 */
export const SHORT_CODE_GUESS_WINDOW_MINUTES = 10;
/** Wrong short codes one staff member may type per window, at any activity. */
export const SHORT_CODE_WRONG_PER_STAFF = 5;
/** Wrong short codes one activity's door takes per window, whoever types them. */
export const SHORT_CODE_WRONG_PER_ACTIVITY = 10;

/** One allowance of wrong short codes: a key per scope and window, its limit, when it renews. */
export interface ShortCodeAllowance {
  scope: 'staff' | 'activity';
  key: string;
  limit: number;
  renewsAt: Date;
}

/**
 * The allowances a typed short code draws on at `now`: the activity's, then the staff member's
 * (when both are used up, the door's limit is the one to explain).
 */
export function shortCodeAllowances(attempt: { activityId: string; staffId: string; now: Date }): ShortCodeAllowance[] {
  const span = SHORT_CODE_GUESS_WINDOW_MINUTES * 60_000;
  const window = Math.floor(attempt.now.getTime() / span);
  const renewsAt = new Date((window + 1) * span);
  return [
    { scope: 'activity', key: `sc_a_${attempt.activityId}_${window}`, limit: SHORT_CODE_WRONG_PER_ACTIVITY, renewsAt },
    { scope: 'staff', key: `sc_s_${attempt.staffId}_${window}`, limit: SHORT_CODE_WRONG_PER_STAFF, renewsAt },
  ];
}

export type CodeKind = 'b' | 'v';

export interface ParsedCode {
  kind: CodeKind;
  refId: string;
  window: number;
  mac: string;
}

/** The window number of an instant. */
export function codeWindow(now: Date): number {
  return Math.floor(now.getTime() / (CODE_WINDOW_SECONDS * 1000));
}

/** When a code issued in `window` stops being accepted. */
export function codeExpiresAt(window: number): Date {
  return new Date((window + 1 + CODE_GRACE_WINDOWS) * CODE_WINDOW_SECONDS * 1000);
}

/** The unsigned text a code's MAC covers. */
export function codeSubject(code: Omit<ParsedCode, 'mac'>): string {
  return `${CODE_PREFIX}.${code.kind}.${code.refId}.${code.window}`;
}

/** The QR payload: subject plus MAC. */
export function formatCode(code: ParsedCode): string {
  return `${codeSubject(code)}.${code.mac}`;
}

/** Parse a scanned payload, or null when it is not one of our codes at all. */
export function parseCode(text: string): ParsedCode | null {
  const parts = text.trim().split('.');
  if (parts.length !== 5 || parts[0] !== CODE_PREFIX) return null;
  const [, kind, refId, window, mac] = parts as [string, string, string, string, string];
  if (
    (kind !== 'b' && kind !== 'v') ||
    !/^[A-Za-z0-9_-]{1,100}$/.test(refId) ||
    !/^\d{1,12}$/.test(window) ||
    !/^[A-Za-z0-9_-]{16,64}$/.test(mac)
  ) {
    return null;
  }
  return { kind, refId, window: Number(window), mac };
}

/** Whether a code from `window` is still accepted at `now`: `ok`, `expired`, or `future` (clock abuse). */
export function codeAge(window: number, now: Date): 'ok' | 'expired' | 'future' {
  const current = codeWindow(now);
  if (window > current) return 'future';
  return current - window <= CODE_GRACE_WINDOWS ? 'ok' : 'expired';
}
