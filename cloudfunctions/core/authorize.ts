import { can, type Permission } from '../../shared/domain/policy';
import { AppError } from '../../shared/errors';
import type { Caller } from './caller';

/** Refuse with FORBIDDEN unless the shared policy lets the caller do `permission` at that station. */
export function assertCan(caller: Caller, permission: Permission, target: { stationPath: readonly string[] }): void {
  if (!can(caller, permission, target)) throw new AppError('FORBIDDEN');
}
