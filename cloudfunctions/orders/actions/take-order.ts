import { isOwnOrder } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findOrder } from '../../core/repositories/orders';
import { answer, applyTransition } from '../apply';
import { send, takenNotice } from '../notices';
import { standingOn } from '../standing';
import { assertScheduleTime } from './schedule-order';

/**
 * 接单: a worker takes an order from the open pool, or the worker it was dispatched to accepts
 * it — ONE conditional write on the status they saw. Of many workers at once exactly one wins;
 * the others get ORDER_TAKEN and nothing is written for them. The resident is told who will come.
 */
export async function takeOrder(deps: Deps, caller: Caller, input: { orderId: string; scheduledAt?: string }) {
  const order = await findOrder(deps.db, input.orderId);
  if (!order) throw new AppError('NOT_FOUND', { userMessage: '服务单不存在' });
  const standing = await standingOn(deps, caller, order);
  if (isOwnOrder(order, standing.user.userId)) throw new AppError('OWN_ORDER');
  if (!standing.isWorker && !standing.roles.includes('assignee')) throw new AppError('NOT_ELIGIBLE_WORKER');
  const now = deps.now();
  const scheduledAt = input.scheduledAt ? assertScheduleTime(input.scheduledAt, now) : null;
  // Someone else took it a moment earlier, or staff gave it to someone else.
  if (order.status === 'accepted' && order.assigneeId !== standing.user.userId) throw new AppError('ORDER_TAKEN');
  if (order.status === 'assigned' && order.assigneeId !== standing.user.userId) {
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '这张服务单已派给其他社工或志愿者' });
  }
  const fromPool = order.status === 'pending';
  const next = await applyTransition(deps, {
    order,
    action: 'take',
    standing,
    where: { assigneeId: fromPool ? null : standing.user.userId },
    set: {
      assigneeId: standing.user.userId,
      assigneeKind: order.assigneeKind && !fromPool ? order.assigneeKind : standing.workerKind,
      assigneeName: standing.user.user.nickname,
      acceptedAt: now,
      respondedAt: order.respondedAt ?? now,
      scheduledAt,
      nextDueAt: order.completionDueAt,
    },
    conflict: fromPool ? 'ORDER_TAKEN' : 'ILLEGAL_TRANSITION',
    audit: true,
  });
  await send(deps, takenNotice(next, standing.user.user.nickname, scheduledAt));
  return answer(deps, next, standing);
}
