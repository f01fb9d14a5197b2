import type { RequestOf, ResponseOf } from '../../../../shared/contracts/common';
import type { ordersContract, QueueView } from '../../../../shared/contracts/orders';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { callFunction, ordersFn } from '../../../lib/cloud';

type Actions = (typeof ordersContract)['actions'];
type Req<K extends keyof Actions> = RequestOf<typeof ordersContract, K>;
export type Res<K extends keyof Actions> = ResponseOf<typeof ordersContract, K>;
export type Order = Res<'getOrder'>;
export type OrderSummary = Res<'listMyOrders'>['items'][number];
export type MenuItem = Res<'listMenu'>['items'][number];
export type StaffMenuItem = Res<'listStaffMenu'>['items'][number];

const PAGE_SIZE = 10;

/** A station's orderable menu (public). */
export function useMenu(stationId: string | undefined): Remote<Res<'listMenu'>> {
  return useRemote(
    stationId ? `orders.listMenu:${stationId}` : null,
    () => callFunction(ordersFn, 'listMenu', { stationId: stationId! }),
    { signInOnDemand: false, reloadOnShow: true },
  );
}

/** The order form's prefill: the caller's phone and last home address. */
export function useOrderDefaults(enabled: boolean): Remote<Res<'getOrderDefaults'>> {
  return useRemote(enabled ? 'orders.getOrderDefaults' : null, () => callFunction(ordersFn, 'getOrderDefaults', {}));
}

/** One order as the caller may see it; reloaded when the page shows again. */
export function useOrder(orderId: string | undefined): Remote<Order> {
  return useRemote(
    orderId ? `orders.getOrder:${orderId}` : null,
    () => callFunction(ordersFn, 'getOrder', { orderId: orderId! }),
    { reloadOnShow: true },
  );
}

/** 我的服务单, newest first. */
export function useMyOrders(): PagedList<OrderSummary> {
  return usePaged(
    'orders.listMyOrders',
    (page) => callFunction(ordersFn, 'listMyOrders', { page, pageSize: PAGE_SIZE }),
    { reloadOnShow: true },
  );
}

/** Staff: one queue view of a station subtree. */
export function useQueue(stationId: string | undefined, view: QueueView): PagedList<OrderSummary> {
  return usePaged(
    stationId ? `orders.listQueue:${stationId}:${view}` : null,
    (page) => callFunction(ordersFn, 'listQueue', { stationId: stationId!, view, page, pageSize: PAGE_SIZE }),
    { reloadOnShow: true },
  );
}

/** Workers: the open pool of the stations they serve. */
export function usePool(enabled: boolean): PagedList<OrderSummary> {
  return usePaged(
    enabled ? 'orders.listPool' : null,
    (page) => callFunction(ordersFn, 'listPool', { page, pageSize: PAGE_SIZE }),
    { reloadOnShow: true },
  );
}

/** 我的工单: to do or done. */
export function useMyWork(view: 'todo' | 'done'): PagedList<OrderSummary> {
  return usePaged(
    `orders.listMyWork:${view}`,
    (page) => callFunction(ordersFn, 'listMyWork', { view, page, pageSize: PAGE_SIZE }),
    { reloadOnShow: true },
  );
}

/** Staff: who an order can be dispatched to. */
export function useWorkers(orderId: string | undefined): Remote<Res<'listWorkers'>> {
  return useRemote(orderId ? `orders.listWorkers:${orderId}` : null, () =>
    callFunction(ordersFn, 'listWorkers', { orderId: orderId! }),
  );
}

/** Staff: the menu editor's list. */
export function useStaffMenu(stationId: string | undefined): Remote<Res<'listStaffMenu'>> {
  return useRemote(stationId ? `orders.listStaffMenu:${stationId}` : null, () =>
    callFunction(ordersFn, 'listStaffMenu', { stationId: stationId! }),
  );
}

/** Staff: the deadline rules in force at a station. */
export function usePolicy(stationId: string | undefined): Remote<Res<'getPolicy'>> {
  return useRemote(stationId ? `orders.getPolicy:${stationId}` : null, () =>
    callFunction(ordersFn, 'getPolicy', { stationId: stationId! }),
  );
}

export const usePlaceOrder = (o?: ActionOptions) =>
  useAction((req: Req<'placeOrder'>) => callFunction(ordersFn, 'placeOrder', req), o);
export const usePlaceForResident = (o?: ActionOptions) =>
  useAction((req: Req<'placeOrderForResident'>) => callFunction(ordersFn, 'placeOrderForResident', req), o);
export const useUploadOrderPhoto = (o?: ActionOptions) =>
  useAction((req: Req<'uploadOrderPhoto'>) => callFunction(ordersFn, 'uploadOrderPhoto', req), o);
export const useCreateMenuItem = (o?: ActionOptions) =>
  useAction((req: Req<'createMenuItem'>) => callFunction(ordersFn, 'createMenuItem', req), o);
export const useUpdateMenuItem = (o?: ActionOptions) =>
  useAction((req: Req<'updateMenuItem'>) => callFunction(ordersFn, 'updateMenuItem', req), o);
export const useSetMenuItemStatus = (o?: ActionOptions) =>
  useAction((req: Req<'setMenuItemStatus'>) => callFunction(ordersFn, 'setMenuItemStatus', req), o);
export const useSetPolicy = (o?: ActionOptions) =>
  useAction((req: Req<'setPolicy'>) => callFunction(ordersFn, 'setPolicy', req), o);

/** Every change an order's page can make; each answers the order as the caller now sees it. */
export type OrderStep =
  | { action: 'releaseOrder'; req: Req<'releaseOrder'> }
  | { action: 'dispatchOrder'; req: Req<'dispatchOrder'> }
  | { action: 'takeOrder'; req: Req<'takeOrder'> }
  | { action: 'scheduleOrder'; req: Req<'scheduleOrder'> }
  | { action: 'returnOrder'; req: Req<'returnOrder'> }
  | { action: 'declineOrder'; req: Req<'declineOrder'> }
  | { action: 'referOrder'; req: Req<'referOrder'> }
  | { action: 'cancelOrder'; req: Req<'cancelOrder'> }
  | { action: 'closeOrder'; req: Req<'closeOrder'> }
  | { action: 'confirmOrder'; req: Req<'confirmOrder'> }
  | { action: 'reopenOrder'; req: Req<'reopenOrder'> }
  | { action: 'rateOrder'; req: Req<'rateOrder'> }
  | { action: 'replyToRating'; req: Req<'replyToRating'> };

/** Runs one step on an order (`take`, `close`, `rate` …). */
export function useOrderStep(o?: ActionOptions) {
  return useAction(
    (step: OrderStep): Promise<Order> => callFunction(ordersFn, step.action, step.req as never) as Promise<Order>,
    o,
  );
}
