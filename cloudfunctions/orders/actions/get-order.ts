import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { viewFor } from '../apply';
import { orderFor } from '../standing';

/**
 * One order as the caller may see it: the orderer and the assignee in full, staff of its subtree
 * with the phone masked, a worker of its station (while it is in the open pool) without name,
 * phone or address. Anyone else — a sibling station's staff too — is refused.
 */
export async function getOrder(deps: Deps, caller: Caller, input: { orderId: string }) {
  const { order, standing, viewer } = await orderFor(deps, caller, input.orderId);
  return viewFor(deps, order, standing, viewer);
}
