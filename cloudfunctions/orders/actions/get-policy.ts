import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { OrderPolicyDoc } from '../../core/documents/orders';
import { findOrderPolicy } from '../../core/repositories/menu';
import { findStation } from '../../core/repositories/stations';
import { policyOf } from '../menu-view';

/** The answer for a 中心's rules as the caller sees them. */
export function policyAnswer(
  center: { _id: string; name: string; path: string[] },
  doc: OrderPolicyDoc | null,
  caller: Caller,
) {
  return {
    centerId: center._id,
    centerName: center.name,
    policy: policyOf(doc),
    isDefault: doc === null,
    canEdit: can(caller, 'order:policy', { stationPath: center.path }),
    updatedAt: doc?.updatedAt ?? null,
  };
}

/** The deadline rules in force at a station: its 中心's, or the 12345-style defaults. */
export async function getPolicy(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'order:manage');
  const centerId = station.path[0]!;
  const [center, doc] = await Promise.all([
    centerId === station._id ? Promise.resolve(station) : findStation(deps.db, centerId),
    findOrderPolicy(deps.db, centerId),
  ]);
  if (!center) throw new AppError('NOT_FOUND', { userMessage: '指导中心不存在' });
  return policyAnswer(center, doc, caller);
}
