import { createHmac, randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../../shared/domain/invites';
import { secretFor } from '../core/secrets';

/** A fresh invite code: INVITE_CODE_LENGTH characters drawn uniformly by the CSPRNG. */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

/** The invite's document id: a keyed digest of its code, so the code is never stored. */
export function inviteIdOf(code: string): string {
  return `inv${createHmac('sha256', secretFor('invites')).update(`code:${code}`).digest('hex').slice(0, 24)}`;
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
