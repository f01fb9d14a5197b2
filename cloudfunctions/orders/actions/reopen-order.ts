import { MAX_REOPENS, raisedByStation, withinConfirmWindow } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { answer, applyTransition } from '../apply';
import { reopenedNotice, send } from '../notices';
import { orderFor } from '../standing';

/**
 * The orderer sends a closed order back to its worker within the confirmation window (at most
 * twice). It keeps its original completion deadline: the 月报 measures the final closing
 * against it. The worker is told.
 */
export async function reopenOrder(deps: Deps, caller: Caller, input: { orderId: string; reason: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const now = deps.now();
  const inWindow = withinConfirmWindow(order.confirmBy, now);
  if (standing.roles.includes('orderer') && ['done', 'failed'].includes(order.status)) {
    if (!inWindow || order.reopenCount >= MAX_REOPENS) throw new AppError('CONFIRM_WINDOW_PASSED');
  }
  const next = await applyTransition(deps, {
    order,
    action: 'reopen',
    standing,
    where: { reopenCount: order.reopenCount },
    confirmBy: { after: now },
    set: {
      closedAt: null,
      outcome: null,
      closeReason: null,
      confirmBy: null,
      reopenCount: order.reopenCount + 1,
      nextDueAt: order.completionDueAt,
    },
    note: input.reason,
    notePublic: true,
    audit: raisedByStation(order),
  });
  if (next.assigneeId) {
    await send(deps, [reopenedNotice(next, next.assigneeId, input.reason)]);
  }
  return answer(deps, next, standing);
}
