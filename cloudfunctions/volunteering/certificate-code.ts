import { createHmac, timingSafeEqual } from 'node:crypto';
import { secretFor } from '../core/secrets';

/** Letters and digits without look-alikes (no 0/O, 1/I), for a code people type from paper. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** The 8-character verification code of a certificate: a keyed MAC over what it certifies. */
export function certificateCode(fields: {
  serial: string;
  volunteerNo: string;
  totalMinutes: number;
  from: string;
  to: string;
}): string {
  const mac = createHmac('sha256', secretFor('certificates'))
    .update([fields.serial, fields.volunteerNo, fields.totalMinutes, fields.from, fields.to].join('|'))
    .digest();
  return Array.from(mac.subarray(0, 8), (byte) => ALPHABET[byte % ALPHABET.length]).join('');
}

/** Constant-time comparison of a typed code with the expected one. */
export function codesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
