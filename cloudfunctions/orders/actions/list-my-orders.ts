import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findOrdersPlacedByPage } from '../../core/repositories/orders';
import { toOrderSummary } from '../views';

/** The orders the caller placed (for themself or a relative), newest first: two reads. */
export async function listMyOrders(deps: Deps, caller: Caller, input: { page: number; pageSize: number }) {
  const user = requireUser(caller);
  const now = deps.now();
  const page = await findOrdersPlacedByPage(deps.db, user.userId, input);
  return { ...page, items: page.items.map((order) => toOrderSummary(order, 'owner', now)) };
}
