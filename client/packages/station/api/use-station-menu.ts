import type { ResponseOf } from '../../../../shared/contracts/common';
import type { ordersContract } from '../../../../shared/contracts/orders';
import { type Remote, useRemote } from '../../../hooks/use-remote';
import { callFunction, ordersFn } from '../../../lib/cloud';

/** A station's orderable service menu (`orders.listMenu`, public). */
export function useStationMenu(stationId: string | undefined): Remote<ResponseOf<typeof ordersContract, 'listMenu'>> {
  return useRemote(
    stationId ? `orders.listMenu:${stationId}` : null,
    () => callFunction(ordersFn, 'listMenu', { stationId: stationId! }),
    { signInOnDemand: false, reloadOnShow: true },
  );
}
