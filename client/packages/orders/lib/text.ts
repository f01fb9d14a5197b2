import {
  DELIVERY_MODES,
  ORDER_STATUS_LABELS,
  type DeliveryMode,
  type OrderStatus,
} from '../../../../shared/domain/orders';
import { formatDateTime } from '../../../../shared/domain/time';

/** How long an allowance is, in words: `2 小时`, `24 小时`, `7 天`. */
export function hoursText(hours: number): string {
  return hours >= 48 && hours % 24 === 0 ? `${hours / 24} 天` : `${hours} 小时`;
}

/** What the order form promises when 紧急 is on: the 中心's urgent response allowance, and where to turn in danger. */
export function urgentHint(urgent: { responseHours: number }): string {
  return `紧急需求 ${hoursText(urgent.responseHours)}内响应。如有生命危险请立即拨打 120 / 110。`;
}

/**
 * What a "service targets only" item says to someone who may not order it themself (signed out,
 * or not linked to a service target record of the station), or null when they may.
 */
export function targetsOnlyNote(targetLinked: boolean | null): string | null {
  return targetLinked
    ? null
    : '仅限本站登记的服务对象本人或其家属点单。如您或家人是服务对象，请向社工索取绑定码，在“我的 → 绑定服务对象”中绑定后即可点单；也可以请社工代为点单。';
}

/** `上门服务 / 到站服务` for an item's modes. */
export function deliveryText(modes: readonly DeliveryMode[]): string {
  return modes.map((m) => DELIVERY_MODES[m]).join(' / ');
}

/** A status in the resident's words. */
export function statusText(status: OrderStatus): string {
  return ORDER_STATUS_LABELS[status];
}

/** The deadline line of an order in a list: what is due by when, or that it is overdue. */
export function dueText(order: { status: OrderStatus; nextDueAt: string | null; overdue: boolean }): string | null {
  if (!order.nextDueAt) return null;
  const what = order.status === 'accepted' ? '办结' : '响应';
  return order.overdue
    ? `已超时：应于 ${formatDateTime(order.nextDueAt)} 前${what}`
    : `请于 ${formatDateTime(order.nextDueAt)} 前${what}`;
}

/** Minutes as `1 小时 30 分钟`. */
export function minutesText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean).join(' ') || '0 分钟';
}
