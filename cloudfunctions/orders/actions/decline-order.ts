import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { answer, applyTransition } from '../apply';
import { declinedNotice, send } from '../notices';
import { orderFor } from '../standing';

/** Staff decline an order with a reason the resident sees (this counts as the station's answer). Audited. */
export async function declineOrder(deps: Deps, caller: Caller, input: { orderId: string; reason: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const now = deps.now();
  const next = await applyTransition(deps, {
    order,
    action: 'decline',
    standing,
    set: { declineReason: input.reason, respondedAt: order.respondedAt ?? now, nextDueAt: null },
    note: input.reason,
    notePublic: true,
  });
  await send(deps, declinedNotice(next, input.reason));
  return answer(deps, next, standing);
}
