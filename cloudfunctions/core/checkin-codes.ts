import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  codeAge,
  codeSubject,
  codeWindow,
  formatCode,
  parseCode,
  type CodeKind,
  type ParsedCode,
} from '../../shared/domain/checkin-code';
import { AppError } from '../../shared/errors';
import { secretFor } from './secrets';

/** Signs rotating check-in codes (resident bookings `b`, volunteer shifts `v`) with a derived key. */
function macOf(subject: string): string {
  return createHmac('sha256', secretFor('checkin-codes')).update(subject).digest('base64url').slice(0, 22);
}

/** Six digits derived from the MAC, for typing when a camera fails. */
function shortOf(mac: string): string {
  return String(Buffer.from(mac, 'base64url').readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/** A fresh code for `refId` at `now`: the QR payload and its short form. */
export function issueCode(
  kind: CodeKind,
  refId: string,
  now: Date,
): { code: string; shortCode: string; window: number } {
  const window = codeWindow(now);
  const mac = macOf(codeSubject({ kind, refId, window }));
  return { code: formatCode({ kind, refId, window, mac }), shortCode: shortOf(mac), window };
}

/**
 * The parsed code if its signature is ours and its window is still accepted; otherwise the
 * coded refusal (`CHECKIN_CODE_INVALID` for anything forged, damaged or from the future,
 * `CHECKIN_CODE_EXPIRED` for a stale screenshot).
 */
export function verifyCode(text: string, kind: CodeKind, now: Date): ParsedCode {
  const parsed = parseCode(text);
  if (!parsed || parsed.kind !== kind) throw new AppError('CHECKIN_CODE_INVALID');
  const expected = Buffer.from(macOf(codeSubject(parsed)));
  const given = Buffer.from(parsed.mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw new AppError('CHECKIN_CODE_INVALID');
  const age = codeAge(parsed.window, now);
  if (age === 'future') throw new AppError('CHECKIN_CODE_INVALID');
  if (age === 'expired') throw new AppError('CHECKIN_CODE_EXPIRED');
  return parsed;
}

/** Which of `refIds` a typed short code belongs to in the accepted windows, or null. */
export function matchShortCode(kind: CodeKind, refIds: readonly string[], shortCode: string, now: Date): string | null {
  const current = codeWindow(now);
  for (const window of [current, current - 1]) {
    for (const refId of refIds) {
      if (shortOf(macOf(codeSubject({ kind, refId, window }))) === shortCode) return refId;
    }
  }
  return null;
}
