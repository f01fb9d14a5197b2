import { nextDueAt } from '../../../shared/domain/orders';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { answer, applyTransition } from '../apply';
import { orderFor } from '../standing';

/**
 * The worker (or staff) sends an order back to the station's open pool, with an internal reason.
 * Conditional on the status and holder seen. Audited; the resident sees only that it is being
 * rearranged.
 */
export async function returnOrder(deps: Deps, caller: Caller, input: { orderId: string; reason: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const next = await applyTransition(deps, {
    order,
    action: 'return',
    standing,
    where: { assigneeId: order.assigneeId },
    set: {
      assigneeId: null,
      assigneeKind: null,
      assigneeName: null,
      scheduledAt: null,
      acceptedAt: null,
      nextDueAt: nextDueAt({ status: 'pending', respondedAt: order.respondedAt }, order),
    },
    note: input.reason,
    audit: true,
  });
  return answer(deps, next, standing);
}
