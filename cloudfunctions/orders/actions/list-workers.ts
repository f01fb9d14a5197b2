import { can } from '../../../shared/domain/policy';
import { isOwnOrder } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findOrder } from '../../core/repositories/orders';
import { findUsersByIds, findUsersWithGrantsAt } from '../../core/repositories/users';
import { findVolunteersOfStation } from '../../core/repositories/volunteers';
import { stationOfPath } from '../standing';

/** How many volunteers the dispatch list offers (a 站 has about 30, 6430 staffing). */
const VOLUNTEER_LIMIT = 200;

/**
 * Staff: who an order may go to — social workers of its 站 or 室 and volunteers registered at its
 * 站 (or a 室 beneath it), by display name; never the person it is for. Four reads.
 */
export async function listWorkers(deps: Deps, caller: Caller, input: { orderId: string }) {
  const order = await findOrder(deps.db, input.orderId);
  if (!order) throw new AppError('NOT_FOUND', { userMessage: '服务单不存在' });
  assertCan(caller, 'order:manage', { stationPath: order.stationPath });
  const station = stationOfPath(order.stationPath);
  const [staff, volunteers] = await Promise.all([
    findUsersWithGrantsAt(deps.db, order.stationPath.slice(1)),
    station ? findVolunteersOfStation(deps.db, station, VOLUNTEER_LIMIT) : Promise.resolve([]),
  ]);
  const staffIds = new Set(
    staff.filter((u) => can(u, 'order:manage', { stationPath: order.stationPath })).map((u) => u._id),
  );
  const volunteerUsers = await findUsersByIds(
    deps.db,
    volunteers.map((v) => v._id).filter((id) => !staffIds.has(id)),
  );
  const workers = [
    ...staff
      .filter((u) => staffIds.has(u._id))
      .map((u) => ({ userId: u._id, name: u.nickname, kind: 'staff' as const })),
    ...volunteerUsers.map((u) => ({ userId: u._id, name: u.nickname, kind: 'volunteer' as const })),
  ].filter((w) => !isOwnOrder(order, w.userId));
  return { workers };
}
