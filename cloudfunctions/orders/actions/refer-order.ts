import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { answer, applyTransition } from '../apply';
import { referredNotice, send } from '../notices';
import { orderFor } from '../standing';

/** 转介: staff refer the need to an outside organisation with a note the resident sees. Audited. */
export async function referOrder(deps: Deps, caller: Caller, input: { orderId: string; to: string; note: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const now = deps.now();
  const next = await applyTransition(deps, {
    order,
    action: 'refer',
    standing,
    set: { referral: { to: input.to, note: input.note }, respondedAt: order.respondedAt ?? now, nextDueAt: null },
    note: `转介至「${input.to}」${input.note ? `，${input.note}` : ''}`,
    notePublic: true,
  });
  await send(deps, referredNotice(next, input.to));
  return answer(deps, next, standing);
}
