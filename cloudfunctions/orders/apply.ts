import {
  fromStatuses,
  orderRoles,
  orderTransition,
  type OrderAction,
  type OrderActor,
  type OrderStatus,
} from '../../shared/domain/orders';
import { AppError } from '../../shared/errors';
import type { Deps } from '../core/deps';
import type { OrderDoc, OrderEventDoc } from '../core/documents/orders';
import { fileLinks } from '../core/repositories/files';
import { appendAudit } from '../core/repositories/audit';
import { findOrder, transitionOrder } from '../core/repositories/orders';
import { viewerRoleOf, type Standing, type ViewerRole } from './standing';
import { photoIdsOf, toOrderView } from './views';

/** The role an action is taken in: the first of the caller's roles the state machine allows. */
export function actingRole(order: OrderDoc, action: OrderAction, standing: Standing): OrderActor {
  const role = standing.roles.find((r) => orderTransition(order.status, action, r) !== null);
  if (role) return role;
  // Not a step this caller may ever take (staff cancelling a resident's order): not theirs to do.
  if (fromStatuses(action, standing.roles).length === 0) throw new AppError('FORBIDDEN');
  throw new AppError('ILLEGAL_TRANSITION', { userMessage: refusalFor(order.status) });
}

/** Why an action is refused in a status, in the resident's words. */
function refusalFor(status: OrderStatus): string {
  switch (status) {
    case 'triage':
    case 'pending':
    case 'assigned':
      return '这张服务单还没有人接单';
    case 'accepted':
      return '这张服务单正在办理中';
    case 'done':
    case 'failed':
      return '这张服务单已办结，等待确认';
    case 'closed':
      return '这张服务单已完成';
    case 'declined':
      return '这张服务单站点未受理';
    case 'referred':
      return '这张服务单已转介';
    case 'cancelled':
      return '这张服务单已撤销';
  }
}

/**
 * Applies one transition by ONE conditional write on the status the caller saw (and `where`),
 * with the event on the order's trail; staff and worker actions also go to `auditLog`. When the
 * write does not apply (someone changed the order first) nothing is written and the caller gets
 * `conflict`'s code — ORDER_TAKEN for a lost race to take it, else ILLEGAL_TRANSITION. Answers
 * the order as it now is (built from what was written, without reading it again).
 */
export async function applyTransition(
  deps: Deps,
  change: {
    order: OrderDoc;
    action: OrderAction;
    standing: Standing;
    set?: Partial<OrderDoc>;
    where?: Record<string, unknown>;
    confirmBy?: { after: Date } | { atMost: Date };
    note?: string | null;
    notePublic?: boolean;
    subjectName?: string | null;
    conflict?: 'ORDER_TAKEN' | 'ILLEGAL_TRANSITION';
    audit?: boolean;
  },
): Promise<OrderDoc> {
  const { order, action, standing } = change;
  const role = actingRole(order, action, standing);
  const to = orderTransition(order.status, action, role)!;
  const now = deps.now();
  const event: OrderEventDoc = {
    at: now,
    action,
    from: order.status,
    to,
    byId: standing.user.userId,
    byRole: role,
    byName: standing.user.user.nickname,
    subjectName: change.subjectName ?? null,
    note: change.note ?? null,
    notePublic: change.notePublic ?? false,
  };
  const set = { ...change.set, status: to };
  const applied = await transitionOrder(deps.db, {
    orderId: order._id,
    // The write checks the status this caller saw, which the state machine allows for this action.
    from: fromStatuses(action, [role]).includes(order.status) ? [order.status] : [],
    where: change.where,
    confirmBy: change.confirmBy,
    set,
    events: [event],
    now,
  });
  if (!applied) {
    const code = change.conflict ?? 'ILLEGAL_TRANSITION';
    const current = code === 'ILLEGAL_TRANSITION' ? await findOrder(deps.db, order._id) : null;
    throw new AppError(code, current ? { userMessage: refusalFor(current.status) } : {});
  }
  if (change.audit ?? role !== 'orderer') {
    await appendAudit(deps.db, {
      at: now,
      actorId: standing.user.userId,
      action: `order.${action}`,
      entity: 'order',
      entityId: order._id,
      stationId: order.stationId,
      from: { status: order.status, assigneeId: order.assigneeId },
      to: { status: to, assigneeId: set.assigneeId === undefined ? order.assigneeId : set.assigneeId },
      ...(change.note ? { reason: change.note } : {}),
    });
  }
  return { ...order, ...set, history: [...order.history, event], rev: order.rev + 1, updatedAt: now };
}

/** The order as the caller sees it, with links to its photos (one storage call, none without photos). */
export async function viewFor(deps: Deps, order: OrderDoc, standing: Standing, viewer: ViewerRole) {
  const ids = viewer === 'pool' ? [] : photoIdsOf(order);
  const links = ids.length ? await fileLinks(deps, ids) : new Map<string, string>();
  return toOrderView(order, { viewer, standing, now: deps.now(), links });
}

/** The answer after a change: the caller's roles judged again on the order as it now is. */
export function answer(deps: Deps, order: OrderDoc, standing: Standing) {
  const roles = orderRoles(order, {
    userId: standing.user.userId,
    isStaff: standing.isStaff,
    isWorker: standing.isWorker,
  });
  const next = { ...standing, roles };
  return viewFor(deps, order, next, viewerRoleOf(order, next) ?? 'pool');
}
