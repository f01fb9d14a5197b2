import {
  canAct,
  canEditOrderRating,
  COMPLETED_STATUSES,
  isOverdue,
  MAX_REOPENS,
  ORDER_RATING_EDIT_DAYS,
  withinConfirmWindow,
  type OrderAction,
  type OrderStatus,
} from '../../shared/domain/orders';
import { maskName, maskPhone } from '../../shared/domain/privacy';
import { formatDateTime } from '../../shared/domain/time';
import type { OrderDoc, OrderEventDoc } from '../core/documents/orders';
import type { Standing, ViewerRole } from './standing';

/** An order in a list, cut to what the viewer may see. */
export function toOrderSummary(order: OrderDoc, viewer: ViewerRole, now: Date) {
  return {
    orderId: order._id,
    stationId: order.stationId,
    stationName: order.stationName,
    itemName: order.itemName,
    category: order.category,
    freeForm: order.freeForm,
    delivery: order.delivery,
    channel: order.channel,
    urgent: order.urgent,
    timeClass: order.timeClass,
    status: order.status,
    recipientName: viewer === 'pool' ? maskName(order.recipientName) : order.recipientName,
    assigneeName: order.assigneeName,
    preferredTime: order.preferredTime,
    createdAt: order.createdAt,
    responseDueAt: order.responseDueAt,
    completionDueAt: order.completionDueAt,
    nextDueAt: order.nextDueAt,
    overdue: isOverdue(order, now),
    ratingScore: order.rating?.score ?? null,
  };
}

/** What the caller may do now: the state machine for their roles, plus the rules beyond it. */
export function allowedActions(order: OrderDoc, standing: Standing, now: Date) {
  const may = (action: OrderAction) => canAct(order.status, action, standing.roles);
  const inWindow = withinConfirmWindow(order.confirmBy, now);
  const isOrderer = standing.roles.includes('orderer');
  const completed = (COMPLETED_STATUSES as readonly OrderStatus[]).includes(order.status);
  return {
    cancel: may('cancel'),
    confirm: may('confirm'),
    reopen: may('reopen') && inWindow && order.reopenCount < MAX_REOPENS,
    rate:
      isOrderer &&
      completed &&
      order.assigneeId !== standing.user.userId &&
      (!order.rating || canEditOrderRating(order.rating.firstRatedAt, now)),
    take: may('take'),
    schedule: order.status === 'accepted' && standing.roles.includes('assignee'),
    return: may('return'),
    close: may('complete'),
    release: may('release'),
    dispatch: may('dispatch'),
    decline: may('decline'),
    refer: may('refer'),
    reply: standing.roles.includes('staff') && order.rating !== null && order.assigneeId !== standing.user.userId,
  };
}

/** Chinese words for one event of the trail, and who the resident sees as its actor. */
function describe(event: OrderEventDoc, viewer: ViewerRole): { actor: string; label: string } {
  const forResident = viewer === 'owner';
  const actor =
    event.byRole === 'system'
      ? '系统'
      : event.byRole === 'orderer'
        ? forResident
          ? '您'
          : event.byName
        : event.byRole === 'staff' && forResident
          ? '社工站'
          : event.byName;
  const note = event.note && (event.notePublic || !forResident) ? `：${event.note}` : '';
  switch (event.action) {
    case 'place':
      return { actor, label: event.byRole === 'staff' ? '社工站代为登记服务单' : '提交服务单' };
    case 'release':
      return { actor, label: '已受理，等待社工或志愿者接单' };
    case 'dispatch':
      return { actor, label: `派单给 ${event.subjectName ?? ''}${note}` };
    case 'take':
      return { actor, label: '已接单' };
    case 'schedule':
      return { actor, label: `预约服务时间${note}` };
    case 'return':
      return { actor, label: `退回站点重新安排${note}` };
    case 'decline':
      return { actor, label: `未受理${note}` };
    case 'refer':
      return { actor, label: `已转介${note}` };
    case 'cancel':
      return { actor, label: `撤销了服务单${note}` };
    case 'complete':
      return { actor, label: '已办结' };
    case 'fail':
      return { actor, label: `未能办理${note}` };
    case 'confirm':
      return { actor, label: '确认已完成' };
    case 'autoConfirm':
      return { actor, label: '超过确认期限，自动确认完成' };
    case 'reopen':
      return { actor, label: `要求重新办理${note}` };
    case 'rate':
      return { actor, label: '评价了这次服务' };
    case 'reply':
      return { actor, label: `回复了评价${note}` };
    case 'escalate':
      return { actor, label: `提醒${note}` };
  }
}

/** One order as the caller sees it: personal fields only as their role allows, the trail in words. */
export function toOrderView(
  order: OrderDoc,
  view: { viewer: ViewerRole; standing: Standing; now: Date; links: ReadonlyMap<string, string> },
) {
  const { viewer, now, links } = view;
  const fullContact = viewer === 'owner' || viewer === 'assignee';
  const link = (fileId: string | null) => (fileId && viewer !== 'pool' ? (links.get(fileId) ?? null) : null);
  return {
    ...toOrderSummary(order, viewer, now),
    viewerRole: viewer,
    description: order.description,
    timeNote: order.timeNote,
    photoUrl: link(order.photoFileId),
    relationship: viewer === 'pool' ? null : order.relationship,
    contactPhone: fullContact ? order.contactPhone : maskPhone(order.contactPhone),
    address: viewer === 'pool' ? '' : order.address,
    orderedByName:
      viewer === 'staff' && (order.relationship || order.proxy || order.source) ? order.orderedByName : null,
    proxyVia: viewer === 'staff' ? (order.proxy?.via ?? null) : null,
    assigneeKind: order.assigneeKind,
    scheduledAt: order.scheduledAt,
    outcome: order.outcome,
    closeReason: order.closeReason,
    confirmBy: order.confirmBy,
    declineReason: order.declineReason,
    referral: order.referral,
    records:
      viewer === 'pool'
        ? []
        : order.records.map((r) => ({
            startAt: r.startAt,
            minutes: r.minutes,
            method: r.method,
            note: r.note,
            photoUrl: link(r.photoFileId),
            byName: r.byName,
            hoursClaimed: r.hoursClaimId !== null,
          })),
    rating: order.rating
      ? {
          score: order.rating.score,
          comment: order.rating.comment,
          editableUntil: new Date(order.rating.firstRatedAt.getTime() + ORDER_RATING_EDIT_DAYS * 86400_000),
          reply: order.rating.reply?.text ?? null,
          replyAt: order.rating.reply?.at ?? null,
          bad: order.rating.bad,
          reviewed: order.rating.reviewedAt !== null,
        }
      : null,
    timeline: viewer === 'pool' ? [] : order.history.map((event) => ({ at: event.at, ...describe(event, viewer) })),
    source: viewer === 'staff' && order.source ? { kind: order.source.kind, visitId: order.source.visitId } : null,
    can: allowedActions(order, view.standing, now),
  };
}

/** Photos an order view links to (the order's and its records'). */
export function photoIdsOf(order: OrderDoc): string[] {
  return [order.photoFileId, ...order.records.map((r) => r.photoFileId)].filter((id): id is string => Boolean(id));
}

/** A time for messages, e.g. `11月23日 周一 14:30`. */
export function when(at: Date): string {
  return formatDateTime(at);
}
