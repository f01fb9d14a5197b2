import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { answer, applyTransition } from '../apply';
import { cancelledNotice, send } from '../notices';
import { orderFor } from '../standing';

/** The orderer withdraws an order before anyone took it; a worker it was dispatched to is told. */
export async function cancelOrder(deps: Deps, caller: Caller, input: { orderId: string; reason: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const next = await applyTransition(deps, {
    order,
    action: 'cancel',
    standing,
    set: { nextDueAt: null },
    note: input.reason || null,
    notePublic: true,
  });
  if (order.assigneeId) {
    await send(deps, [cancelledNotice(next, order.assigneeId)]);
  }
  return answer(deps, next, standing);
}
