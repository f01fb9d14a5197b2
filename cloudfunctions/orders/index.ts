import { ordersContract } from '../../shared/contracts/orders';
import { defineHandler } from '../core/handler';
import { cancelOrder } from './actions/cancel-order';
import { closeOrder } from './actions/close-order';
import { confirmOrder } from './actions/confirm-order';
import { createFromVisit } from './actions/create-from-visit';
import { createMenuItem } from './actions/create-menu-item';
import { declineOrder } from './actions/decline-order';
import { dispatchOrder } from './actions/dispatch-order';
import { escalateOrders } from './actions/escalate-orders';
import { getConsole } from './actions/get-console';
import { getOrder } from './actions/get-order';
import { getOrderDefaults } from './actions/get-order-defaults';
import { getPolicy } from './actions/get-policy';
import { listMenu } from './actions/list-menu';
import { listMyOrders } from './actions/list-my-orders';
import { listMyWork } from './actions/list-my-work';
import { listPool } from './actions/list-pool';
import { listQueue } from './actions/list-queue';
import { listStaffMenu } from './actions/list-staff-menu';
import { listWorkers } from './actions/list-workers';
import { placeOrder } from './actions/place-order';
import { placeOrderForResident } from './actions/place-order-for-resident';
import { rateOrder } from './actions/rate-order';
import { referOrder } from './actions/refer-order';
import { releaseOrder } from './actions/release-order';
import { reopenOrder } from './actions/reopen-order';
import { replyToRating } from './actions/reply-to-rating';
import { returnOrder } from './actions/return-order';
import { scheduleOrder } from './actions/schedule-order';
import { setMenuItemStatus } from './actions/set-menu-item-status';
import { setPolicy } from './actions/set-policy';
import { takeOrder } from './actions/take-order';
import { updateMenuItem } from './actions/update-menu-item';
import { uploadOrderPhoto } from './actions/upload-order-photo';

/** `orders`: each station's service menu and its service orders (点单 → 派单 → 接单 → 评单). */
export const main = defineHandler(
  ordersContract,
  {
    listMenu,
    listStaffMenu,
    createMenuItem,
    updateMenuItem,
    setMenuItemStatus,
    getPolicy,
    setPolicy,
    getOrderDefaults,
    uploadOrderPhoto,
    placeOrder,
    placeOrderForResident,
    createFromVisit,
    listMyOrders,
    getOrder,
    listQueue,
    listPool,
    listMyWork,
    listWorkers,
    releaseOrder,
    dispatchOrder,
    takeOrder,
    scheduleOrder,
    returnOrder,
    declineOrder,
    referOrder,
    cancelOrder,
    closeOrder,
    confirmOrder,
    reopenOrder,
    rateOrder,
    replyToRating,
    getConsole,
  },
  { timers: { escalateOrders } },
);
