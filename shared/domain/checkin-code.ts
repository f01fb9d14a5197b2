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
