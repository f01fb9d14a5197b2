import { coarseLocation } from '../../../shared/domain/visit';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { readTarget, setHomeLocation as storeHomeLocation } from '../../core/repositories/targets';
import { assertActive, auditTarget, readerFor } from '../support';

/** A position less precise than this (metres) cannot be the reference a visit is measured against. */
export const HOME_LOCATION_MAX_ACCURACY = 100;

/**
 * Staff at the address set (or correct) the home position from their phone: the reference against
 * which a door visit's location is flagged far (ADR 0017). Kept coarse (≈10 m); audited without
 * coordinates. Needs `targets:manage` over the record's station.
 */
export async function setHomeLocation(
  deps: Deps,
  caller: Caller,
  input: { targetId: string; location: { latitude: number; longitude: number; accuracy?: number } },
) {
  const user = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  assertActive(target);
  if (input.location.accuracy !== undefined && input.location.accuracy > HOME_LOCATION_MAX_ACCURACY)
    throw new AppError('RULE_VIOLATION', {
      userMessage: `定位误差约 ${Math.round(input.location.accuracy)} 米，不够准确，请在屋外空旷处重试`,
    });
  const now = deps.now();
  const home = { ...coarseLocation(input.location), setAt: now, setBy: user.userId };
  if (!(await storeHomeLocation(deps.db, target._id, home))) throw new AppError('TARGET_CLOSED');
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.setHome',
    entityId: target._id,
    stationId: target.stationId,
    from: { set: target.homeLocation !== null },
    to: { set: true },
  });
  return { targetId: target._id, setAt: now };
}
