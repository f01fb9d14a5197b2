import { createHmac } from 'node:crypto';
import { secretFor } from '../core/secrets';

/**
 * A family member's id under one resident: a keyed hash of the name (whitespace removed), so the
 * same person added again — even after being removed — gets the same id, and their bookings
 * (`${activityId}_${userId}_${memberId}`) can never be doubled. Keyed, so the id (it travels in
 * check-in codes) does not give the name away to someone trying common names.
 */
export function memberIdFor(userId: string, name: string): string {
  const digest = createHmac('sha256', secretFor('family-ids'))
    .update(`${userId}:${name.replace(/\s+/g, '')}`)
    .digest('base64url')
    .replace(/[-_]/g, '')
    .slice(0, 12);
  return `f${digest.padEnd(12, '0')}`;
}
