import type { RequestOf, ResponseOf } from '../../../../shared/contracts/common';
import type { ordersContract } from '../../../../shared/contracts/orders';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { callFunction, type FunctionRef } from '../../../lib/cloud';

/**
 * 转为服务单: the one place the targets feature reaches the `orders` function — a station's menu
 * to pick from and the order raised from a visit's abnormal item (type-only contract import).
 */
const ordersFn: FunctionRef<typeof ordersContract> = { name: 'orders' };

type Actions = (typeof ordersContract)['actions'];
export type VisitOrder = ResponseOf<typeof ordersContract, 'createFromVisit'>;
export type VisitOrderMenuItem = ResponseOf<typeof ordersContract, 'listMenu'>['items'][number];

/** The menu of the station an order would go to (public), only while the dialog is open. */
export function useVisitOrderMenu(
  stationId: string | undefined,
): Remote<ResponseOf<typeof ordersContract, 'listMenu'>> {
  return useRemote(
    stationId ? `orders.listMenu:${stationId}` : null,
    () => callFunction(ordersFn, 'listMenu', { stationId: stationId! }),
    { signInOnDemand: false },
  );
}

/** Create (or find: the same visit item is always the same order) the order for a visit's abnormal item. */
export function useCreateFromVisit(o?: ActionOptions) {
  return useAction(
    (req: RequestOf<typeof ordersContract, 'createFromVisit' & keyof Actions>) =>
      callFunction(ordersFn, 'createFromVisit', req),
    o,
  );
}
