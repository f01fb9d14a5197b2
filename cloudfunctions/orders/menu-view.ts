import { allowanceOf, DEFAULT_ORDER_POLICY, type OrderPolicy } from '../../shared/domain/orders';
import type { Deps } from '../core/deps';
import type { MenuItemDoc, OrderPolicyDoc } from '../core/documents/orders';
import { findOrderPolicy } from '../core/repositories/menu';

/** The policy fields of a stored policy document (or the defaults when there is none). */
export function policyOf(doc: OrderPolicyDoc | null): OrderPolicy {
  if (!doc) return DEFAULT_ORDER_POLICY;
  return { urgent: doc.urgent, normal: doc.normal, complex: doc.complex, confirmHours: doc.confirmHours };
}

/** The deadline rules in force under a 中心 (its own, or the 12345-style defaults). */
export async function policyFor(deps: Deps, centerId: string): Promise<OrderPolicy> {
  return policyOf(await findOrderPolicy(deps.db, centerId));
}

/** A menu item as a station's menu shows it, with the allowance in force. */
export function toMenuItem(item: MenuItemDoc, stationId: string, policy: OrderPolicy) {
  const allowance = allowanceOf(item.timeClass, item, policy);
  return {
    itemId: item._id,
    ownerId: item.ownerId,
    ownerName: item.ownerName,
    ownerTier: item.ownerTier,
    name: item.name,
    category: item.category,
    description: item.description,
    audience: item.audience,
    delivery: item.delivery,
    timeClass: item.timeClass,
    responseHours: allowance.responseHours,
    completionHours: allowance.completionHours,
    ownResponseHours: item.responseHours,
    ownCompletionHours: item.completionHours,
    status: item.status,
    inherited: item.ownerId !== stationId,
  };
}
