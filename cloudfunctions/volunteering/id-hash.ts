import { createHmac } from 'node:crypto';
import { normalizeIdNumber } from '../../shared/domain/identity';
import { secretFor } from '../core/secrets';

/** The keyed hash (HMAC) an ID number is stored and compared as; the number itself never is. */
export function idHashOf(idNumber: string): string {
  return createHmac('sha256', secretFor('id-hash')).update(normalizeIdNumber(idNumber)).digest('hex');
}
