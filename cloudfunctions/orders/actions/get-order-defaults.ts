import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findLastHomeOrder } from '../../core/repositories/orders';

/** What the order form prefills: the caller's own phone and the address of their last home-service order. */
export async function getOrderDefaults(deps: Deps, caller: Caller) {
  const user = requireUser(caller);
  const last = await findLastHomeOrder(deps.db, user.userId);
  return { contactPhone: user.user.phone, address: last?.address ?? '' };
}
