import { createHmac } from 'node:crypto';

/** What a derived key is for; each purpose gets its own key so one leak does not open the others. */
export type SecretPurpose =
  'checkin-codes' | 'id-hash' | 'certificates' | 'proxy-ids' | 'invites' | 'family-ids' | 'target-links';

/**
 * A key for `purpose`, derived (HMAC-SHA256) from `APP_SECRET` — a function environment variable
 * on CloudBase, set by the gateway locally. A deploy without it refuses to sign or hash rather
 * than fall back to a guessable key.
 */
export function secretFor(purpose: SecretPurpose): Buffer {
  const root = process.env.APP_SECRET;
  if (!root || root.length < 16) throw new Error('APP_SECRET is not set (≥16 characters)');
  return createHmac('sha256', root).update(`station-link:${purpose}`).digest();
}
