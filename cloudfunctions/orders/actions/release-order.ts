import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { answer, applyTransition } from '../apply';
import { orderFor } from '../standing';

/** Staff accept a free-form request into the station's open pool, where workers can take it. Audited. */
export async function releaseOrder(deps: Deps, caller: Caller, input: { orderId: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const next = await applyTransition(deps, { order, action: 'release', standing });
  return answer(deps, next, standing);
}
