import { randomBytes } from 'node:crypto';

/** A new random document id with a readable prefix (`a` activity, …): 16 bytes of entropy. */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(12).toString('base64url').replace(/[-_]/g, '0')}`;
}
