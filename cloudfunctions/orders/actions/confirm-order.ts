import { raisedByStation } from '../../../shared/domain/orders';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { answer, applyTransition } from '../apply';
import { orderFor } from '../standing';

/** The orderer confirms a closed order (for a 代点单, staff confirm for the resident, audited). */
export async function confirmOrder(deps: Deps, caller: Caller, input: { orderId: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const next = await applyTransition(deps, {
    order,
    action: 'confirm',
    standing,
    set: { confirmedAt: deps.now(), nextDueAt: null },
    audit: raisedByStation(order),
  });
  return answer(deps, next, standing);
}
