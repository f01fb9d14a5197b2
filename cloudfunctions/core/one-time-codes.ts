import { createHmac, randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '../../shared/domain/invites';
import { secretFor, type SecretPurpose } from './secrets';

/**
 * A fresh one-time code (role invites, ADR 0023; target 绑定码, ADR 0027): INVITE_CODE_LENGTH
 * characters of the unambiguous alphabet, drawn uniformly by the CSPRNG (50 bits).
 */
export function newOneTimeCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}

/**
 * The document id of a one-time code: `prefix` + a keyed digest (HMAC with the purpose's key), so
 * the code itself is never stored and redeeming is one read by id.
 */
export function oneTimeCodeId(purpose: SecretPurpose, prefix: string, code: string): string {
  return `${prefix}${createHmac('sha256', secretFor(purpose)).update(`code:${code}`).digest('hex').slice(0, 24)}`;
}
