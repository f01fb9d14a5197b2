import type { StaffRole } from '../../shared/domain/roles';
import type { Deps } from '../core/deps';
import type { OrderDoc } from '../core/documents/orders';
import { notify, type Notice } from '../core/notify';
import { findUsersWithGrantsAt } from '../core/repositories/users';

type Kind = 'order_update' | 'order_assigned' | 'order_due' | 'order_bad_rating';

/** A message about an order to one person. */
export function orderNotice(order: OrderDoc, userId: string, kind: Kind, title: string, body: string): Notice {
  return { userId, kind, title, body, activityId: null, orderId: order._id };
}

/**
 * A message to the person who ordered (the resident or the family member). A 代点单's resident
 * has no account here: staff tell them by phone, so no message is written.
 */
export function toOrderer(order: OrderDoc, title: string, body: string): Notice[] {
  if (order.proxy || order.source) return [];
  return [orderNotice(order, order.orderedBy, 'order_update', title, body)];
}

/** Sends the notices (outbox rows + WeChat subscription messages where consented); nothing when empty. */
export async function send(deps: Deps, notices: Notice[]): Promise<void> {
  if (notices.length) await notify(deps, notices);
}

/**
 * Staff who look after the orders of these stations: grants at an order's 站 or 室 (not the
 * 中心, which watches overdue orders on its console instead). One query for a whole batch.
 * Answers, per station id on the paths, the user ids holding one of `roles` there.
 */
export async function stationStaff(
  deps: Deps,
  orders: readonly OrderDoc[],
  roles: readonly StaffRole[] = ['staff', 'head'],
): Promise<(order: OrderDoc) => string[]> {
  const ids = [...new Set(orders.flatMap((o) => o.stationPath.slice(1)))];
  const users = ids.length ? await findUsersWithGrantsAt(deps.db, ids) : [];
  return (order) => {
    const path = new Set(order.stationPath.slice(1));
    return users
      .filter((u) => u.grants.some((g) => path.has(g.stationId) && roles.includes(g.role)))
      .map((u) => u._id)
      .filter((id) => id !== order.orderedBy && id !== order.recipientUserId);
  };
}
