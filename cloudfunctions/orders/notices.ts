/*
 * What the orders function tells people, in one place: the words residents, workers and staff
 * read under 消息 and in WeChat subscription messages.
 */

import type { EscalationStage } from '../../shared/domain/orders';
import type { StaffRole } from '../../shared/domain/roles';
import type { Deps } from '../core/deps';
import type { OrderDoc } from '../core/documents/orders';
import { notify, type Notice } from '../core/notify';
import { findUsersWithGrantsAt } from '../core/repositories/users';
import { when } from './views';

type Kind = 'order_update' | 'order_assigned' | 'order_due' | 'order_bad_rating';

/** A message about an order to one person. */
function orderNotice(order: OrderDoc, userId: string, kind: Kind, title: string, body: string): Notice {
  return { userId, kind, title, body, activityId: null, orderId: order._id };
}

/**
 * A message to the person who ordered (the resident or the family member). A 代点单's resident
 * has no account here: staff tell them by phone, so no message is written.
 */
function toOrderer(order: OrderDoc, title: string, body: string): Notice[] {
  if (order.proxy || order.source) return [];
  return [orderNotice(order, order.orderedBy, 'order_update', title, body)];
}

/** To the orderer: a worker took the order (and maybe set a time). */
export function takenNotice(order: OrderDoc, workerName: string, scheduledAt: Date | null): Notice[] {
  const time = scheduledAt ? `，预约${when(scheduledAt)}` : '';
  return toOrderer(order, '您的服务单已被接单', `${order.itemName}：${workerName}将为您服务${time}`);
}

/** To the orderer: the worker set or changed the appointment. */
export function scheduledNotice(order: OrderDoc, workerName: string, scheduledAt: Date): Notice[] {
  return toOrderer(order, '服务时间已预约', `${order.itemName}：${workerName}预约${when(scheduledAt)}`);
}

/** To the orderer: the worker closed the order, done (please confirm and rate) or not done (why). */
export function closedNotice(order: OrderDoc, outcome: { done: true } | { done: false; reason: string }): Notice[] {
  return outcome.done
    ? toOrderer(order, '服务已办结，请确认并评价', `${order.itemName}：请确认完成情况并评价`)
    : toOrderer(order, '服务未能办理', `${order.itemName}：${outcome.reason}`);
}

/** To the orderer: the station declined the order, with the reason. */
export function declinedNotice(order: OrderDoc, reason: string): Notice[] {
  return toOrderer(order, '服务单未被受理', `${order.itemName}：${reason}`);
}

/** To the orderer: the station referred the need to an outside organisation. */
export function referredNotice(order: OrderDoc, to: string): Notice[] {
  return toOrderer(order, '您的需求已转介', `${order.itemName}：已为您转介至${to}`);
}

/** To the orderer: the station replied to their rating. */
export function ratingReplyNotice(order: OrderDoc, reply: string): Notice[] {
  return toOrderer(order, '社工站回复了您的评价', `${order.itemName}：${reply}`);
}

/** To the worker an order was given to (派单 or reassign), with the answer deadline. */
export function assignedNotice(order: OrderDoc, workerId: string): Notice {
  const due = order.nextDueAt ? `，请在${when(order.nextDueAt)}前接单` : '';
  return orderNotice(
    order,
    workerId,
    'order_assigned',
    '您有新的派单',
    `${order.itemName}（${order.stationName}）${due}`,
  );
}

/** To the worker it was dispatched to: the resident withdrew the order. */
export function cancelledNotice(order: OrderDoc, workerId: string): Notice {
  return orderNotice(order, workerId, 'order_update', '服务单已撤销', `${order.itemName}：居民已撤销`);
}

/** To the worker: the resident sent the closed order back, with the reason. */
export function reopenedNotice(order: OrderDoc, workerId: string, reason: string): Notice {
  return orderNotice(order, workerId, 'order_update', '居民要求重新办理', `${order.itemName}：${reason}`);
}

/** To a station head: a bad rating to follow up. */
export function badRatingNotice(order: OrderDoc, headId: string, rating: { score: number; comment: string }): Notice {
  const body = `${order.itemName}：${rating.score}分 ${rating.comment}`.trim();
  return orderNotice(order, headId, 'order_bad_rating', '收到差评，请跟进', body);
}

const ESCALATIONS: Record<EscalationStage, { title: string; body: (o: OrderDoc) => string; toAssignee: boolean }> = {
  responseNear: {
    title: '服务单即将超时未响应',
    body: (o) => `${o.itemName}（${o.stationName}）请在${when(o.responseDueAt)}前接单或答复`,
    toAssignee: true,
  },
  responseOverdue: {
    title: '服务单已超时未响应',
    body: (o) => `${o.itemName}（${o.stationName}）响应时限${when(o.responseDueAt)}已过`,
    toAssignee: true,
  },
  completionNear: {
    title: '服务单即将到期',
    body: (o) => `${o.itemName}（${o.stationName}）请在${when(o.completionDueAt)}前办结`,
    toAssignee: true,
  },
  completionOverdue: {
    title: '服务单已超期未办结',
    body: (o) => `${o.itemName}（${o.stationName}）办结时限${when(o.completionDueAt)}已过`,
    toAssignee: true,
  },
};

/**
 * An escalation stage reached: one message each to the station's staff (`staff`) and, for the
 * stages that concern them, the order's assignee — each person once.
 */
export function escalationNotices(order: OrderDoc, stage: EscalationStage, staff: readonly string[]): Notice[] {
  const words = ESCALATIONS[stage];
  const people = new Set(staff);
  if (words.toAssignee && order.assigneeId) people.add(order.assigneeId);
  return [...people].map((userId) => orderNotice(order, userId, 'order_due', words.title, words.body(order)));
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
