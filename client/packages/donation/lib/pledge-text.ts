import type { TPledge } from '../../../../shared/contracts/donations';
import { formatDate } from '../../../../shared/domain/time';

/** The promise the confirmation makes, kept by the arrival message (`pledge_received`). */
export const ARRIVAL_PROMISE = '站点接收后会在「消息」里通知您，发放和致谢也会告诉您。';

/**
 * What the donor does next, by how they chose to deliver: bring it in opening hours, wait for the
 * station's call, or post it — with the day they chose (a day, never an invented time of day).
 */
export function deliveryLead(
  pledge: Pick<TPledge, 'deliveryMethod' | 'expectedDate' | 'quantity' | 'unit' | 'stationName'>,
): string {
  const what = `${pledge.quantity}${pledge.unit}`;
  const day = formatDate(pledge.expectedDate);
  switch (pledge.deliveryMethod) {
    case 'drop_off':
      return `请在 ${day}（开放时间内）把 ${what} 送到${pledge.stationName}，地址见下方。${ARRIVAL_PROMISE}`;
    case 'pickup':
      return `${pledge.stationName}会按您留的电话联系您，约 ${day} 上门收取 ${what}。${ARRIVAL_PROMISE}`;
    case 'express':
      return `请把 ${what} 寄到${pledge.stationName}，预计 ${day} 送达，地址和电话见下方。${ARRIVAL_PROMISE}`;
    case 'online_via_charity':
      return `请在 ${day} 前在慈善组织的项目页面完成捐赠。${ARRIVAL_PROMISE}`;
  }
}
