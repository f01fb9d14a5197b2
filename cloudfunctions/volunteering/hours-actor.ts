import { isOwnHoursRecord } from '../../shared/domain/hours';
import type { Permission } from '../../shared/domain/policy';
import { AppError } from '../../shared/errors';
import { assertCan } from '../core/authorize';
import { requireUser, type Caller, type UserCaller } from '../core/caller';

/**
 * The staff member acting on a volunteer's hours (scan, confirm, correct, review): they hold
 * `permission` at the record's station (FORBIDDEN otherwise) and the record is not their own
 * (SELF_REVIEW) — one guard for every hours action.
 */
export function assertHoursActor(
  caller: Caller,
  record: { stationPath: readonly string[]; volunteerId: string },
  permission: Extract<Permission, 'hours:approve' | 'booking:checkIn'>,
): UserCaller {
  const staff = requireUser(caller);
  assertCan(caller, permission, { stationPath: record.stationPath });
  if (isOwnHoursRecord(staff.userId, record)) throw new AppError('SELF_REVIEW');
  return staff;
}
