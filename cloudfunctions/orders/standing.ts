import { can } from '../../shared/domain/policy';
import { isOwnOrder, orderRoles, raisedByStation, type OrderActor } from '../../shared/domain/orders';
import { AppError } from '../../shared/errors';
import { requireUser, type Caller, type UserCaller } from '../core/caller';
import type { Deps } from '../core/deps';
import type { OrderDoc } from '../core/documents/orders';
import type { VolunteerDoc } from '../core/documents';
import { findOrder } from '../core/repositories/orders';
import { findVolunteer } from '../core/repositories/volunteers';

/** Who the caller is to one order, decided once per request. */
export interface Standing {
  user: UserCaller;
  roles: OrderActor[];
  /** Holds order management at the order's station (its subtree's staff). */
  isStaff: boolean;
  /** A social worker or registered volunteer of the order's station. */
  isWorker: boolean;
  /** What the caller would be as the order's worker. */
  workerKind: 'staff' | 'volunteer' | null;
}

/** The 站 an order's station belongs to (the station itself, or the 站 above a 室). */
export function stationOfPath(path: readonly string[]): string | undefined {
  return path[1];
}

/**
 * Whether a volunteer serves the station at `path`: registered at its 站 or at a 室 beneath it
 * (a 站's volunteers serve all its 室).
 */
export function volunteerServes(volunteer: Pick<VolunteerDoc, 'homeStationPath'>, path: readonly string[]): boolean {
  const station = stationOfPath(path);
  return station !== undefined && volunteer.homeStationPath[1] === station;
}

/**
 * The caller's standing on an order. Staff are judged by the shared policy on the order's path; a
 * volunteer's row is read only when it can matter — the caller is not staff there, not the
 * order's orderer or person served, not already its assignee (one read at most, usually none).
 */
export async function standingOn(deps: Deps, caller: Caller, order: OrderDoc): Promise<Standing> {
  const user = requireUser(caller);
  const isStaff = can(caller, 'order:manage', { stationPath: order.stationPath });
  const settled = isStaff || isOwnOrder(order, user.userId) || order.assigneeId === user.userId;
  let volunteer: VolunteerDoc | null = null;
  if (!settled) volunteer = await findVolunteer(deps.db, user.userId);
  // An assignee keeps the kind they were given the order as.
  const isVolunteer =
    (volunteer !== null && volunteerServes(volunteer, order.stationPath)) ||
    (!isStaff && order.assigneeId === user.userId && order.assigneeKind === 'volunteer');
  const isWorker = isStaff || isVolunteer;
  const roles = orderRoles(order, { userId: user.userId, isStaff, isWorker });
  return { user, roles, isStaff, isWorker, workerKind: isStaff ? 'staff' : isVolunteer ? 'volunteer' : null };
}

/** How much of an order a caller may see. */
export type ViewerRole = 'owner' | 'assignee' | 'staff' | 'pool';

/**
 * What the caller may see: the orderer everything, the assignee everything they need to serve,
 * staff of the subtree (phone masked), a worker of the station an open order in the pool (no
 * name, phone or address). Null: nothing at all.
 */
export function viewerRoleOf(order: OrderDoc, standing: Standing): ViewerRole | null {
  if (standing.roles.includes('orderer') && !raisedByStation(order)) return 'owner';
  if (standing.roles.includes('assignee')) return 'assignee';
  if (standing.roles.includes('staff')) return 'staff';
  if (standing.roles.includes('worker') && order.status === 'pending') return 'pool';
  return null;
}

/** The order and the caller's standing; NOT_FOUND when it does not exist, FORBIDDEN when it is none of theirs. */
export async function orderFor(
  deps: Deps,
  caller: Caller,
  orderId: string,
): Promise<{ order: OrderDoc; standing: Standing; viewer: ViewerRole }> {
  const order = await findOrder(deps.db, orderId);
  if (!order) throw new AppError('NOT_FOUND', { userMessage: '服务单不存在' });
  const standing = await standingOn(deps, caller, order);
  const viewer = viewerRoleOf(order, standing);
  if (!viewer) throw new AppError('FORBIDDEN');
  return { order, standing, viewer };
}
