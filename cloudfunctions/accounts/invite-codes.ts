import { createHmac } from 'node:crypto';
import { newOneTimeCode, oneTimeCodeId } from '../core/one-time-codes';
import { secretFor } from '../core/secrets';

/** A fresh invite code (the shared one-time code generator). */
export const newInviteCode = newOneTimeCode;

/** The invite's document id: a keyed digest of its code, so the code is never stored. */
export function inviteIdOf(code: string): string {
  return oneTimeCodeId('invites', 'inv', code);
}

/**
 * Four digits both the claimant's page and the admin's list show once an invite is redeemed: the
 * admin asks the person in front of them (or on the phone) for it before confirming, so a code
 * that reached the wrong hands is noticed.
 */
export function checkCodeOf(inviteId: string, claimantId: string): string {
  const mac = createHmac('sha256', secretFor('invites')).update(`check:${inviteId}:${claimantId}`).digest();
  return String(mac.readUInt32BE(0) % 10_000).padStart(4, '0');
}
