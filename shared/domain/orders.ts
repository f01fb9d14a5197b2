import { dayRange } from './time';

/**
 * Service orders (群众点单 → 站点派单 → 社工接单 → 群众评单). A resident (or a family member, or
 * staff on someone's behalf) orders an item of a station's menu (服务清单) or asks for something
 * off the menu (triage); the station dispatches it to a social worker or a registered volunteer,
 * or a worker picks it up from the station's open pool; the worker records what was done and
 * closes it; the resident confirms (or reopens) and rates it. Everything here is pure: time is
 * passed in, calendar days are Asia/Shanghai days.
 */

/** What a station offers, as 杨浦's 菜单式目录 groups it. */
export const ORDER_CATEGORIES = {
  elder_care: '养老服务',
  disability: '助残服务',
  children: '儿童关爱',
  counselling: '心理疏导',
  policy: '政策咨询',
  errands: '代办帮办',
  employment: '就业服务',
  legal: '法律援助',
  household: '家政维修（转介）',
  other: '其他',
} as const;
export type OrderCategory = keyof typeof ORDER_CATEGORIES;
export const ORDER_CATEGORY_KEYS = Object.keys(ORDER_CATEGORIES) as [OrderCategory, ...OrderCategory[]];

/** How a service is delivered. */
export const DELIVERY_MODES = { home: '上门服务', station: '到站服务', phone: '电话服务' } as const;
export type DeliveryMode = keyof typeof DELIVERY_MODES;
export const DELIVERY_MODE_KEYS = Object.keys(DELIVERY_MODES) as [DeliveryMode, ...DeliveryMode[]];

/** Who may order an item themselves. "targets": the station's 重点服务对象 only. */
export const MENU_AUDIENCES = { anyone: '所有居民', targets: '仅重点服务对象' } as const;
export type MenuAudience = keyof typeof MENU_AUDIENCES;
export const MENU_AUDIENCE_KEYS = Object.keys(MENU_AUDIENCES) as [MenuAudience, ...MenuAudience[]];

/** Whether a menu item takes new orders: a paused item keeps the orders already placed. */
export const MENU_ITEM_STATUSES = ['active', 'paused'] as const;
export type MenuItemStatus = (typeof MENU_ITEM_STATUSES)[number];

/** How staff took a 代点单: a phone call or the station's desk. */
export const PROXY_VIA = ['phone', 'desk'] as const;
export type ProxyVia = (typeof PROXY_VIA)[number];

/** How the worker closed an order: done, or could not be done (with a reason the resident sees). */
export const ORDER_OUTCOMES = ['done', 'not_done'] as const;
export type OrderOutcome = (typeof ORDER_OUTCOMES)[number];

/**
 * Deadline classes after 12345 hotline practice: urgent/safety (2 h response, 24 h completion),
 * general (24 h, 7 days), complex (24 h, 15 days). A menu item is general or complex; the
 * person ordering marks an order urgent.
 */
export const TIME_CLASSES = { urgent: '紧急（涉及安全）', normal: '一般', complex: '复杂' } as const;
export type TimeClass = keyof typeof TIME_CLASSES;
export const TIME_CLASS_KEYS = Object.keys(TIME_CLASSES) as [TimeClass, ...TimeClass[]];
/** The classes a menu item may carry (urgency belongs to the order). */
export const ITEM_TIME_CLASS_KEYS = ['normal', 'complex'] as const;
export type ItemTimeClass = (typeof ITEM_TIME_CLASS_KEYS)[number];

/** How the order reached the station (月报 counts orders by channel). */
export const ORDER_CHANNELS = {
  self: '居民自助点单',
  family: '家属代为点单',
  phone: '电话代点单',
  desk: '窗口代点单',
  visit: '探访发现',
} as const;
export type OrderChannel = keyof typeof ORDER_CHANNELS;
export const ORDER_CHANNEL_KEYS = Object.keys(ORDER_CHANNELS) as [OrderChannel, ...OrderChannel[]];

/** A family member's relationship to the person served. */
export const RELATIONSHIPS = {
  child: '子女',
  spouse: '配偶',
  grandchild: '孙子女',
  relative: '其他亲属',
  neighbour: '邻居朋友',
} as const;
export type Relationship = keyof typeof RELATIONSHIPS;
export const RELATIONSHIP_KEYS = Object.keys(RELATIONSHIPS) as [Relationship, ...Relationship[]];

/** When suits the person (one tap); a short note may add detail. */
export const PREFERRED_TIMES = {
  asap: '尽快',
  weekday_morning: '工作日上午',
  weekday_afternoon: '工作日下午',
  weekend: '周末',
  anytime: '都可以',
} as const;
export type PreferredTime = keyof typeof PREFERRED_TIMES;
export const PREFERRED_TIME_KEYS = Object.keys(PREFERRED_TIMES) as [PreferredTime, ...PreferredTime[]];

/** How a service was given, in the worker's service record. */
export const SERVICE_METHODS = {
  home_visit: '上门服务',
  at_station: '到站服务',
  phone: '电话服务',
  accompany: '陪同办理',
  referral_help: '协助转介',
  other: '其他',
} as const;
export type ServiceMethod = keyof typeof SERVICE_METHODS;
export const SERVICE_METHOD_KEYS = Object.keys(SERVICE_METHODS) as [ServiceMethod, ...ServiceMethod[]];

/**
 * The life of an order. `triage`: off-menu request waiting for staff; `pending`: in the station's
 * open pool; `assigned`: dispatched to a worker who has not taken it yet; `accepted`: a worker
 * holds it; `done` / `failed`: closed by the worker (done, could not be done) and waiting for
 * the resident to confirm; `closed`: confirmed (or the window passed); `declined`, `referred`,
 * `cancelled`: ended without service here.
 */
export const ORDER_STATUSES = [
  'triage',
  'pending',
  'assigned',
  'accepted',
  'done',
  'failed',
  'closed',
  'declined',
  'referred',
  'cancelled',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  triage: '待社工分拣',
  pending: '待接单',
  assigned: '已派单，待接单',
  accepted: '办理中',
  done: '已办结，待您确认',
  failed: '未能办理，待您确认',
  closed: '已完成',
  declined: '站点未受理',
  referred: '已转介',
  cancelled: '已撤销',
};

/** Not yet answered by the station: the response deadline runs. */
export const UNRESPONDED_STATUSES = ['triage', 'pending', 'assigned'] as const satisfies readonly OrderStatus[];
/** Someone still has to act for the resident: the completion deadline runs. */
export const ACTIVE_STATUSES = ['triage', 'pending', 'assigned', 'accepted'] as const satisfies readonly OrderStatus[];
/** Closed by the worker, waiting for the resident's confirmation. */
export const AWAITING_CONFIRMATION = ['done', 'failed'] as const satisfies readonly OrderStatus[];
/** Worked to the end (rateable). */
export const COMPLETED_STATUSES = ['done', 'failed', 'closed'] as const satisfies readonly OrderStatus[];

/**
 * Who acts. `orderer`: the person who placed the order (for 代点单, station staff speak for the
 * resident); `staff`: station staff of the order's subtree; `assignee`: the worker holding it;
 * `worker`: a social worker or registered volunteer of the station; `system`: the timer.
 */
export const ORDER_ACTORS = ['orderer', 'staff', 'assignee', 'worker', 'system'] as const;
export type OrderActor = (typeof ORDER_ACTORS)[number];

export const ORDER_ACTIONS = [
  'release',
  'dispatch',
  'take',
  'return',
  'decline',
  'refer',
  'cancel',
  'complete',
  'fail',
  'confirm',
  'reopen',
  'autoConfirm',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

interface Edge {
  action: OrderAction;
  from: readonly OrderStatus[];
  to: OrderStatus;
  actors: readonly OrderActor[];
}

/** Every allowed transition; anything not listed is refused. */
const EDGES: readonly Edge[] = [
  { action: 'release', from: ['triage'], to: 'pending', actors: ['staff'] },
  { action: 'dispatch', from: ['triage', 'pending', 'assigned', 'accepted'], to: 'assigned', actors: ['staff'] },
  { action: 'take', from: ['pending'], to: 'accepted', actors: ['worker'] },
  { action: 'take', from: ['assigned'], to: 'accepted', actors: ['assignee'] },
  { action: 'return', from: ['assigned', 'accepted'], to: 'pending', actors: ['assignee', 'staff'] },
  { action: 'decline', from: ['triage', 'pending', 'assigned'], to: 'declined', actors: ['staff'] },
  { action: 'refer', from: ['triage', 'pending', 'assigned', 'accepted'], to: 'referred', actors: ['staff'] },
  { action: 'cancel', from: ['triage', 'pending', 'assigned'], to: 'cancelled', actors: ['orderer'] },
  { action: 'complete', from: ['accepted'], to: 'done', actors: ['assignee'] },
  { action: 'fail', from: ['accepted'], to: 'failed', actors: ['assignee'] },
  { action: 'confirm', from: ['done', 'failed'], to: 'closed', actors: ['orderer'] },
  { action: 'reopen', from: ['done', 'failed'], to: 'accepted', actors: ['orderer'] },
  { action: 'autoConfirm', from: ['done', 'failed'], to: 'closed', actors: ['system'] },
];

/**
 * The status `action` by `actor` leads to from `from`, or null when the state machine refuses it.
 * The database write then checks the same `from` (`where({ _id, status: from })`).
 */
export function orderTransition(from: OrderStatus, action: OrderAction, actor: OrderActor): OrderStatus | null {
  const edge = EDGES.find((e) => e.action === action && e.from.includes(from) && e.actors.includes(actor));
  return edge ? edge.to : null;
}

/** Whether any of the caller's roles may do `action` from `from`. */
export function canAct(from: OrderStatus, action: OrderAction, roles: readonly OrderActor[]): boolean {
  return roles.some((role) => orderTransition(from, action, role) !== null);
}

/** The statuses from which `action` may start (for the conditional write). */
export function fromStatuses(action: OrderAction, roles: readonly OrderActor[]): OrderStatus[] {
  return ORDER_STATUSES.filter((status) => canAct(status, action, roles));
}

/** The parts of an order that decide who someone is to it. */
export interface OrderParties {
  orderedBy: string;
  /** The person served, when they have an account (self orders), else null. */
  recipientUserId: string | null;
  /** Set (truthy) when station staff placed it for someone without a phone (代点单). */
  proxy: object | boolean | null;
  /** Set (truthy) when the station raised it from its own work (a visit that found a need). */
  source?: object | null;
  assigneeId: string | null;
}

/** Whether station staff raised the order for someone (代点单, or from a visit), not the person themself. */
export function raisedByStation(order: Pick<OrderParties, 'proxy' | 'source'>): boolean {
  return Boolean(order.proxy) || Boolean(order.source);
}

/**
 * Whether the order is the caller's own (they placed it for themself or a relative, or it serves
 * them). Nobody acts on their own record: on their own order a person is only its orderer —
 * never its staff, assignee or worker.
 */
export function isOwnOrder(order: OrderParties, userId: string): boolean {
  return (!raisedByStation(order) && order.orderedBy === userId) || order.recipientUserId === userId;
}

/**
 * The caller's roles on an order. `isStaff`: they hold order management at the order's station;
 * `isWorker`: they are a social worker or registered volunteer of the station. On an order the
 * station raised (代点单, a visit) its staff speak for the resident (confirm, rate), except the
 * worker who did the service.
 */
export function orderRoles(
  order: OrderParties,
  caller: { userId: string; isStaff: boolean; isWorker: boolean },
): OrderActor[] {
  const roles: OrderActor[] = [];
  const own = isOwnOrder(order, caller.userId);
  const isAssignee = order.assigneeId === caller.userId;
  const byStation = raisedByStation(order);
  if ((!byStation && order.orderedBy === caller.userId) || (byStation && caller.isStaff && !isAssignee)) {
    roles.push('orderer');
  }
  if (own) return roles;
  if (caller.isStaff) roles.push('staff');
  if (isAssignee) roles.push('assignee');
  if (caller.isWorker || caller.isStaff) roles.push('worker');
  return roles;
}

// ---- deadlines ---------------------------------------------------------------------------

/** Response and completion allowance of one deadline class, in hours. */
export interface DeadlineHours {
  responseHours: number;
  completionHours: number;
}

/** A 中心's deadline rules (per district; stations inherit them). */
export interface OrderPolicy {
  urgent: DeadlineHours;
  normal: DeadlineHours;
  complex: DeadlineHours;
  /** How long the resident has to confirm or reopen a closed order before it closes itself. */
  confirmHours: number;
}

/** 12345-style defaults (Beijing 2021 draft norm): 2 h / 24 h, 24 h / 7 days, 24 h / 15 days. */
export const DEFAULT_ORDER_POLICY: OrderPolicy = {
  urgent: { responseHours: 2, completionHours: 24 },
  normal: { responseHours: 24, completionHours: 7 * 24 },
  complex: { responseHours: 24, completionHours: 15 * 24 },
  confirmHours: 3 * 24,
};

/** Bounds of a configurable allowance: at least an hour; at most a week to respond, 60 days to finish. */
export const MAX_RESPONSE_HOURS = 7 * 24;
export const MAX_COMPLETION_HOURS = 60 * 24;

/** Why a policy (or an item's own hours) is refused, or null: a response never after completion. */
export function deadlineHoursProblem(hours: DeadlineHours): string | null {
  if (hours.responseHours > hours.completionHours) return '响应时限不能长于办结时限';
  return null;
}

/**
 * The instant a deadline of `hours` after `from` falls due. Allowances of two days or more in
 * whole days are calendar days in Asia/Shanghai ("7 日内办结" is due at the end of the 7th day,
 * 24:00 Beijing time); shorter ones (2 h, 24 h) are clock hours.
 */
export function deadlineAt(from: Date, hours: number): Date {
  if (hours >= 48 && hours % 24 === 0) {
    return dayRange(new Date(from.getTime() + hours * 3600_000)).end;
  }
  return new Date(from.getTime() + hours * 3600_000);
}

/** A quarter of the allowance before the deadline, at most a day: when the "nearly due" notice goes out. */
export function nearAt(from: Date, due: Date): Date {
  const span = Math.max(0, due.getTime() - from.getTime());
  return new Date(due.getTime() - Math.min(Math.floor(span / 4), 24 * 3600_000));
}

/** The deadline class of an order: urgent when the person marked it so, else the item's class. */
export function timeClassOf(item: { timeClass: ItemTimeClass } | null, urgent: boolean): TimeClass {
  if (urgent) return 'urgent';
  return item?.timeClass ?? 'normal';
}

/** The allowance an order gets: an item's own hours override the policy, but never loosen urgency. */
export function allowanceOf(
  timeClass: TimeClass,
  item: { responseHours: number | null; completionHours: number | null } | null,
  policy: OrderPolicy,
): DeadlineHours {
  const base = policy[timeClass];
  const own = {
    responseHours: item?.responseHours ?? base.responseHours,
    completionHours: item?.completionHours ?? base.completionHours,
  };
  if (timeClass !== 'urgent') return own;
  return {
    responseHours: Math.min(own.responseHours, base.responseHours),
    completionHours: Math.min(own.completionHours, base.completionHours),
  };
}

/** Every deadline instant an order carries, fixed when it is placed. */
export interface OrderDeadlines {
  responseDueAt: Date;
  completionDueAt: Date;
  responseNearAt: Date;
  completionNearAt: Date;
}

/** The deadlines of an order placed at `placedAt` with this allowance. */
export function orderDeadlines(placedAt: Date, allowance: DeadlineHours): OrderDeadlines {
  const responseDueAt = deadlineAt(placedAt, allowance.responseHours);
  const completionDueAt = deadlineAt(placedAt, allowance.completionHours);
  return {
    responseDueAt,
    completionDueAt: completionDueAt < responseDueAt ? responseDueAt : completionDueAt,
    responseNearAt: nearAt(placedAt, responseDueAt),
    completionNearAt: nearAt(placedAt, completionDueAt < responseDueAt ? responseDueAt : completionDueAt),
  };
}

/**
 * Whether the station still owes the resident a first answer: not yet taken, declined or
 * referred. An order sent back to the pool after a worker took it has been answered already.
 */
export function isAwaitingResponse(order: { status: OrderStatus; respondedAt: Date | null }): boolean {
  return (UNRESPONDED_STATUSES as readonly OrderStatus[]).includes(order.status) && order.respondedAt === null;
}

/** The deadline that matters now: the response one until the station answers, then completion; none once closed. */
export function nextDueAt(
  order: { status: OrderStatus; respondedAt: Date | null },
  deadlines: Pick<OrderDeadlines, 'responseDueAt' | 'completionDueAt'>,
): Date | null {
  if (isAwaitingResponse(order)) return deadlines.responseDueAt;
  if ((ACTIVE_STATUSES as readonly OrderStatus[]).includes(order.status)) return deadlines.completionDueAt;
  return null;
}

/** Whether an order is past the deadline that matters now. */
export function isOverdue(order: { status: OrderStatus; nextDueAt: Date | null }, now: Date): boolean {
  return order.nextDueAt !== null && order.nextDueAt <= now;
}

/** The escalation steps, each sent at most once per order. */
export const ESCALATION_STAGES = ['responseNear', 'responseOverdue', 'completionNear', 'completionOverdue'] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number];

/** What the escalation timer knows about an order. */
export interface EscalationView extends OrderDeadlines {
  status: OrderStatus;
  respondedAt: Date | null;
  notified: Record<EscalationStage, Date | null>;
}

/**
 * The stages the timer should mark now, each with whether to send its message. A "nearly due"
 * stage whose deadline has already passed is marked without a message (the overdue message
 * says more), so a timer that was down never floods people with stale warnings. Stages already
 * marked are never returned again: running the timer twice sends nothing twice.
 */
export function escalationsDue(order: EscalationView, now: Date): { stage: EscalationStage; notify: boolean }[] {
  const out: { stage: EscalationStage; notify: boolean }[] = [];
  const unresponded = isAwaitingResponse(order);
  const active = (ACTIVE_STATUSES as readonly OrderStatus[]).includes(order.status);
  const add = (stage: EscalationStage, applies: boolean, at: Date, notify: boolean) => {
    if (applies && !order.notified[stage] && at <= now) out.push({ stage, notify });
  };
  add('responseNear', unresponded, order.responseNearAt, now < order.responseDueAt);
  add('responseOverdue', unresponded, order.responseDueAt, true);
  add('completionNear', active, order.completionNearAt, now < order.completionDueAt);
  add('completionOverdue', active, order.completionDueAt, true);
  return out;
}

// ---- confirmation, rating, text ------------------------------------------------------------

/** How many times a resident may send an order back after it was closed. */
export const MAX_REOPENS = 2;
/** Days a rating stays editable after it was first given. */
export const ORDER_RATING_EDIT_DAYS = 7;
/** Ratings at or below this are "bad" and go to the station head's queue. */
export const BAD_RATING_MAX = 2;
/** Ratings at or above this count as satisfied (满意率). */
export const SATISFIED_MIN = 4;

/** Whether a rating first given at `firstRatedAt` may still be changed at `now`. */
export function canEditOrderRating(firstRatedAt: Date, now: Date): boolean {
  return now.getTime() < firstRatedAt.getTime() + ORDER_RATING_EDIT_DAYS * 86400_000;
}

/** Whether the resident may still confirm or reopen a closed order. */
export function withinConfirmWindow(confirmBy: Date | null, now: Date): boolean {
  return confirmBy !== null && now < confirmBy;
}

/** Minutes of one service record: at least 5, at most 12 hours. */
export const RECORD_MIN_MINUTES = 5;
export const RECORD_MAX_MINUTES = 12 * 60;
/** Service records shorter than this earn no volunteer-hours claim (the hours rules' smallest claim). */
export const HOURS_CLAIM_MIN_MINUTES = 30;

/** Why a service record's time is refused, or null: it cannot end in the future or start before the order. */
export function recordTimeProblem(
  record: { startAt: Date; minutes: number },
  context: { now: Date; orderCreatedAt: Date },
): string | null {
  const end = record.startAt.getTime() + record.minutes * 60_000;
  if (end > context.now.getTime()) return '服务时间不能晚于现在';
  if (record.startAt < context.orderCreatedAt) return '服务开始时间不能早于下单时间';
  return null;
}

/** Where an order's photos live in cloud storage: the placing person's folder before it exists, the order's after. */
export function orderPhotoFolder(stationId: string, owner: { userId: string } | { orderId: string }): string {
  return 'orderId' in owner ? `orders/${stationId}/${owner.orderId}/` : `orders/${stationId}/new-${owner.userId}/`;
}

const ORDER_PHOTO_NAME = /^[0-9a-f]{24}\.(jpg|png)$/;

/** The cloud path of an order photo: its folder, 24 hex characters of the content digest, the sniffed type. */
export function orderPhotoPath(folder: string, digestHex: string, type: 'jpg' | 'png'): string {
  return `${folder}${digestHex.slice(0, 24)}.${type}`;
}

/** True only for a path {@link orderPhotoPath} gives inside `folder` (directly, by that name). */
export function isOrderPhotoPath(folder: string, path: string): boolean {
  return path.startsWith(folder) && ORDER_PHOTO_NAME.test(path.slice(folder.length));
}
