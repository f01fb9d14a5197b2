import * as z from 'zod';
import { ARRIVAL_PHOTO_MAX_BASE64 } from '../domain/donation';
import {
  DELIVERY_MODE_KEYS,
  ITEM_TIME_CLASS_KEYS,
  MAX_COMPLETION_HOURS,
  MAX_RESPONSE_HOURS,
  MENU_AUDIENCE_KEYS,
  MENU_ITEM_STATUSES,
  ORDER_CATEGORY_KEYS,
  ORDER_CHANNEL_KEYS,
  ORDER_OUTCOMES,
  ORDER_STATUSES,
  PREFERRED_TIME_KEYS,
  PROXY_VIA,
  RECORD_MAX_MINUTES,
  RECORD_MIN_MINUTES,
  RELATIONSHIP_KEYS,
  SERVICE_METHOD_KEYS,
  TIME_CLASS_KEYS,
} from '../domain/orders';
import { STATION_TIERS } from '../domain/station';
import { CHECKLIST_ITEM_KEYS } from '../domain/targets';
import { defineContract, longText, paged, text, ZId, ZInstant, ZPageRequest, ZPhone } from './common';

/** A cloud storage file id as functions hand them out (`cloud://…`). */
export const ZFileId = z
  .string()
  .max(300)
  .regex(/^cloud:\/\/\S+$/, '照片编号不正确');

/** A client-chosen idempotency key: the same key from the same person is the same order. */
export const ZClientKey = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/, '请求编号不正确');

// ---- menu -----------------------------------------------------------------------------------

/** What staff enter for a menu item. */
export const ZMenuItemInput = z.strictObject({
  name: text(20, '服务名称'),
  category: z.enum(ORDER_CATEGORY_KEYS, '请选择服务类别'),
  description: longText(120, '服务说明').default(''),
  audience: z.enum(MENU_AUDIENCE_KEYS).default('anyone'),
  delivery: z
    .array(z.enum(DELIVERY_MODE_KEYS))
    .min(1, '请至少选择一种服务方式')
    .max(3)
    .refine((modes) => new Set(modes).size === modes.length, '服务方式不能重复'),
  timeClass: z.enum(ITEM_TIME_CLASS_KEYS).default('normal'),
  /** The item's own allowance in hours; null = the 中心's policy for its class. */
  responseHours: z.int('须为整数小时').min(1, '至少1小时').max(MAX_RESPONSE_HOURS, '最多7天').nullable().default(null),
  completionHours: z
    .int('须为整数小时')
    .min(1, '至少1小时')
    .max(MAX_COMPLETION_HOURS, '最多60天')
    .nullable()
    .default(null),
});
export type TMenuItemInput = z.input<typeof ZMenuItemInput>;

/** A menu item as residents and staff see it, with the allowance in force for it. */
export const ZMenuItem = z.object({
  itemId: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  ownerTier: z.enum(STATION_TIERS),
  name: z.string(),
  category: z.enum(ORDER_CATEGORY_KEYS),
  description: z.string(),
  audience: z.enum(MENU_AUDIENCE_KEYS),
  delivery: z.array(z.enum(DELIVERY_MODE_KEYS)),
  timeClass: z.enum(ITEM_TIME_CLASS_KEYS),
  /** In force (own hours, else the policy's). */
  responseHours: z.int(),
  completionHours: z.int(),
  ownResponseHours: z.int().nullable(),
  ownCompletionHours: z.int().nullable(),
  status: z.enum(MENU_ITEM_STATUSES),
  /** Published above this station (the 中心's district menu, or the 站 above a 室). */
  inherited: z.boolean(),
});
export type TMenuItem = z.infer<typeof ZMenuItem>;

const ZHours = z.strictObject({
  responseHours: z.int('须为整数小时').min(1, '至少1小时').max(MAX_RESPONSE_HOURS, '最多7天'),
  completionHours: z.int('须为整数小时').min(1, '至少1小时').max(MAX_COMPLETION_HOURS, '最多60天'),
});

/** A 中心's deadline rules. */
export const ZOrderPolicy = z.strictObject({
  urgent: ZHours,
  normal: ZHours,
  complex: ZHours,
  confirmHours: z
    .int('须为整数小时')
    .min(24, '至少24小时')
    .max(14 * 24, '最多14天'),
});
export type TOrderPolicy = z.infer<typeof ZOrderPolicy>;

export const ZPolicyAnswer = z.object({
  centerId: z.string(),
  centerName: z.string(),
  policy: ZOrderPolicy,
  isDefault: z.boolean(),
  canEdit: z.boolean(),
  updatedAt: ZInstant.nullable(),
});

// ---- orders --------------------------------------------------------------------------------

/** Fields every way of placing an order shares. */
const orderFields = {
  stationId: ZId,
  /** A menu item; absent = a free-form request that goes to triage. */
  itemId: ZId.optional(),
  /** What is needed, for a free-form request (required then). */
  title: text(20, '需求').optional(),
  description: longText(200, '需求描述').default(''),
  photoFileId: ZFileId.optional(),
  preferredTime: z.enum(PREFERRED_TIME_KEYS).default('anytime'),
  timeNote: longText(30, '时间说明').default(''),
  contactPhone: ZPhone,
  /** Required when the service comes to the home. */
  address: longText(80, '地址').default(''),
  /** One of the item's delivery modes; default its first. */
  delivery: z.enum(DELIVERY_MODE_KEYS).optional(),
  /** Urgent / safety: the 2-hour response class. */
  urgent: z.boolean().default(false),
  clientKey: ZClientKey.optional(),
};

const needsTitle = (v: { itemId?: string; title?: string }) => Boolean(v.itemId || v.title);
const TITLE_ISSUE = { message: '请写一句您需要什么帮助', path: ['title'] };

/** A resident orders for themself, or a family member for an elder (names them and the relationship). */
export const ZPlaceOrderRequest = z
  .strictObject({
    ...orderFields,
    forOther: z
      .strictObject({
        recipientName: text(20, '服务对象姓名'),
        relationship: z.enum(RELATIONSHIP_KEYS, '请选择与服务对象的关系'),
      })
      .optional(),
  })
  .refine(needsTitle, TITLE_ISSUE);
export type TPlaceOrderRequest = z.input<typeof ZPlaceOrderRequest>;

/** Staff take an order by phone or at the desk for someone without a phone (代点单, audited). */
export const ZPlaceForResidentRequest = z
  .strictObject({
    ...orderFields,
    via: z.enum(PROXY_VIA, '请选择登记方式'),
    recipientName: text(20, '服务对象姓名'),
  })
  .refine(needsTitle, TITLE_ISSUE);
export type TPlaceForResidentRequest = z.input<typeof ZPlaceForResidentRequest>;

/**
 * Staff turn a counted visit's abnormal item into a service order for the person visited: the
 * follow-up note becomes the description; a menu item of the person's station, or none (triage).
 */
export const ZCreateFromVisitRequest = z.strictObject({
  visitId: ZId,
  /** The abnormal checklist item the order answers (one order per visit item). */
  item: z.enum(CHECKLIST_ITEM_KEYS, '请选择异常项'),
  itemId: ZId.optional(),
  urgent: z.boolean().default(false),
});
export type TCreateFromVisitRequest = z.input<typeof ZCreateFromVisitRequest>;

/** The worker's service record, sent with closing. */
export const ZServiceRecordInput = z.strictObject({
  startAt: ZInstant,
  minutes: z
    .int('时长须为整数分钟')
    .min(RECORD_MIN_MINUTES, `至少${RECORD_MIN_MINUTES}分钟`)
    .max(RECORD_MAX_MINUTES, '一次最多12小时'),
  method: z.enum(SERVICE_METHOD_KEYS, '请选择服务方式'),
  note: text(300, '服务记录'),
  photoFileId: ZFileId.optional(),
});

export const ZCloseOrderRequest = z
  .strictObject({
    orderId: ZId,
    outcome: z.enum(ORDER_OUTCOMES),
    record: ZServiceRecordInput,
    /** Required when it could not be done: the resident sees it. */
    reason: longText(100, '原因').default(''),
  })
  .refine((v) => v.outcome === 'done' || v.reason.length > 0, {
    message: '请说明未能办理的原因',
    path: ['reason'],
  });

/** An order in a list. Personal fields are already cut to what the viewer may see. */
export const ZOrderSummary = z.object({
  orderId: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  itemName: z.string(),
  category: z.enum(ORDER_CATEGORY_KEYS),
  freeForm: z.boolean(),
  delivery: z.enum(DELIVERY_MODE_KEYS),
  channel: z.enum(ORDER_CHANNEL_KEYS),
  urgent: z.boolean(),
  timeClass: z.enum(TIME_CLASS_KEYS),
  status: z.enum(ORDER_STATUSES),
  /** Full for the orderer, assignee and staff; masked (王*) in the open pool. */
  recipientName: z.string(),
  assigneeName: z.string().nullable(),
  preferredTime: z.enum(PREFERRED_TIME_KEYS),
  createdAt: ZInstant,
  responseDueAt: ZInstant,
  completionDueAt: ZInstant,
  nextDueAt: ZInstant.nullable(),
  overdue: z.boolean(),
  ratingScore: z.int().nullable(),
});
export type TOrderSummary = z.infer<typeof ZOrderSummary>;

/** What the caller may do now (the server's state machine and rules decide; buttons follow). */
export const ZOrderCan = z.object({
  cancel: z.boolean(),
  confirm: z.boolean(),
  reopen: z.boolean(),
  rate: z.boolean(),
  take: z.boolean(),
  schedule: z.boolean(),
  return: z.boolean(),
  close: z.boolean(),
  release: z.boolean(),
  dispatch: z.boolean(),
  decline: z.boolean(),
  refer: z.boolean(),
  reply: z.boolean(),
});

/** One order as a given caller sees it, with its timeline. */
export const ZOrder = ZOrderSummary.extend({
  viewerRole: z.enum(['owner', 'assignee', 'staff', 'pool']),
  description: z.string(),
  timeNote: z.string(),
  photoUrl: z.string().nullable(),
  relationship: z.enum(RELATIONSHIP_KEYS).nullable(),
  /** Full to the orderer and the assignee; masked (138****5678) to everyone else. */
  contactPhone: z.string(),
  /** Empty in the open pool (only the station is shown). */
  address: z.string(),
  /** Staff see who placed a family order or a 代点单. */
  orderedByName: z.string().nullable(),
  proxyVia: z.enum(PROXY_VIA).nullable(),
  assigneeKind: z.enum(['staff', 'volunteer']).nullable(),
  scheduledAt: ZInstant.nullable(),
  outcome: z.enum(ORDER_OUTCOMES).nullable(),
  closeReason: z.string().nullable(),
  confirmBy: ZInstant.nullable(),
  declineReason: z.string().nullable(),
  referral: z.object({ to: z.string(), note: z.string() }).nullable(),
  records: z.array(
    z.object({
      startAt: ZInstant,
      minutes: z.int(),
      method: z.enum(SERVICE_METHOD_KEYS),
      note: z.string(),
      photoUrl: z.string().nullable(),
      byName: z.string(),
      hoursClaimed: z.boolean(),
    }),
  ),
  rating: z
    .object({
      score: z.int(),
      comment: z.string(),
      editableUntil: ZInstant,
      reply: z.string().nullable(),
      replyAt: ZInstant.nullable(),
      bad: z.boolean(),
      reviewed: z.boolean(),
    })
    .nullable(),
  timeline: z.array(z.object({ at: ZInstant, actor: z.string(), label: z.string() })),
  source: z.object({ kind: z.literal('visit'), visitId: z.string() }).nullable(),
  can: ZOrderCan,
});
export type TOrder = z.infer<typeof ZOrder>;

const ZOrderId = z.strictObject({ orderId: ZId });

/** The 月报's service-order figures (counts; rates in permille; average rating in tenths). */
export const ZOrderFigures = z.object({
  received: z.int(),
  responseDue: z.int(),
  respondedOnTime: z.int(),
  responseRatePermille: z.int(),
  completionDue: z.int(),
  completedOnTime: z.int(),
  onTimeRatePermille: z.int(),
  rated: z.int(),
  ratingSum: z.int(),
  averageRatingTenths: z.int(),
  satisfied: z.int(),
  satisfactionPermille: z.int(),
});
export type TOrderFigures = z.infer<typeof ZOrderFigures>;

/** The 月报's service-order section: this month and the last, by category, channel and child station. */
export const ZOrderSection = z.object({
  figures: ZOrderFigures,
  previous: ZOrderFigures,
  byCategory: z.array(z.object({ category: z.enum(ORDER_CATEGORY_KEYS), figures: ZOrderFigures })),
  byChannel: z.array(z.object({ channel: z.enum(ORDER_CHANNEL_KEYS), figures: ZOrderFigures })),
  /** Children (室 of a 站, 站 of a 中心); `stationId` null is the station's own orders (本级). */
  children: z.array(z.object({ stationId: z.string().nullable(), stationName: z.string(), figures: ZOrderFigures })),
});
export type TOrderSection = z.infer<typeof ZOrderSection>;

export const QUEUE_VIEWS = ['triage', 'open', 'active', 'overdue', 'awaiting_rating', 'bad_ratings', 'ended'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

/** The staff console's order cards. */
export const ZOrderConsole = z.object({
  stationId: z.string(),
  todayNew: z.int(),
  open: z.int(),
  overdue: z.int(),
  awaitingRating: z.int(),
  badRatings: z.int(),
  /** The most overdue open orders of the subtree (a 中心 sees every station's). */
  overdueOrders: z.array(ZOrderSummary),
  canReview: z.boolean(),
});
export type TOrderConsole = z.infer<typeof ZOrderConsole>;

export const ordersContract = defineContract('orders', {
  /** A station's orderable menu: its 中心's district items, its 站's and its own (active only). Public. */
  listMenu: {
    access: 'public',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({
      stationId: z.string(),
      stationName: z.string(),
      items: z.array(ZMenuItem),
      /** The 中心's allowance for an order marked urgent (what the form promises when it is switched on). */
      urgent: z.object({ responseHours: z.int(), completionHours: z.int() }),
      /**
       * Whether the signed-in caller may order the "service targets only" items here (a link to an
       * active record of the station, ADR 0027); null when signed out or no such item is listed.
       */
      targetLinked: z.boolean().nullable(),
    }),
  },
  /** Staff: the menu as the editor shows it (paused items too), with what the caller may edit. */
  listStaffMenu: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({
      stationId: z.string(),
      stationName: z.string(),
      tier: z.enum(STATION_TIERS),
      items: z.array(ZMenuItem.extend({ canEdit: z.boolean() })),
    }),
  },
  /** Staff publish an item on their station's menu (a 中心 admin: the district menu). Audited. */
  createMenuItem: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, data: ZMenuItemInput }),
    response: ZMenuItem,
  },
  /** Staff edit an item their station owns. Audited. */
  updateMenuItem: {
    access: 'staff',
    request: z.strictObject({ itemId: ZId, data: ZMenuItemInput }),
    response: ZMenuItem,
  },
  /** Staff pause or resume an item their station owns. Audited. */
  setMenuItemStatus: {
    access: 'staff',
    request: z.strictObject({ itemId: ZId, status: z.enum(MENU_ITEM_STATUSES) }),
    response: ZMenuItem,
  },
  /** The deadline rules in force at a station (its 中心's, or the 12345-style defaults). */
  getPolicy: { access: 'staff', request: z.strictObject({ stationId: ZId }), response: ZPolicyAnswer },
  /** A 中心's head or admin sets its deadline rules. Audited; applies to orders placed afterwards. */
  setPolicy: {
    access: 'staff',
    request: z.strictObject({ centerId: ZId, data: ZOrderPolicy }),
    response: ZPolicyAnswer,
  },
  /** What the order form prefills: the caller's phone and the address of their last home-service order. */
  getOrderDefaults: {
    access: 'user',
    request: z.strictObject({}),
    response: z.object({ contactPhone: z.string().nullable(), address: z.string() }),
  },
  /**
   * A photo for an order (with `stationId`: before placing it) or for a service record (with
   * `orderId`: the assignee). Checked by its bytes, stored by the function.
   */
  uploadOrderPhoto: {
    access: 'user',
    request: z.strictObject({
      stationId: ZId,
      orderId: ZId.optional(),
      imageBase64: z
        .string()
        .min(8)
        .max(ARRIVAL_PHOTO_MAX_BASE64, '照片不能超过 2MB')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, '照片数据有误'),
    }),
    response: z.object({ fileId: z.string(), url: z.string(), bytes: z.int() }),
  },
  /** 点单: a resident (or a family member for an elder) orders from the menu or asks for something else. */
  placeOrder: { access: 'user', request: ZPlaceOrderRequest, response: ZOrder },
  /** 代点单: staff place an order for someone without a phone, by phone or at the desk. Audited. */
  placeOrderForResident: { access: 'staff', request: ZPlaceForResidentRequest, response: ZOrder },
  /**
   * Turn a counted visit's abnormal item into a service order for the person visited (staff of the
   * visit's station), once per visit item; links the visit's follow-up to it. Read logged, audited.
   */
  createFromVisit: { access: 'staff', request: ZCreateFromVisitRequest, response: ZOrder },
  /** The caller's orders (placed by them, incl. for family), newest first. */
  listMyOrders: {
    access: 'user',
    request: z.strictObject({ ...ZPageRequest }),
    response: paged(ZOrderSummary),
  },
  /** One order as the caller may see it: orderer, assignee, staff of its subtree, or a worker of its open pool. */
  getOrder: { access: 'user', request: ZOrderId, response: ZOrder },
  /** Staff: a station subtree's orders in one queue view (open ones by the deadline that matters, overdue first). */
  listQueue: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, view: z.enum(QUEUE_VIEWS), ...ZPageRequest }),
    response: paged(ZOrderSummary),
  },
  /** Workers: open orders of the stations they serve (social workers and registered volunteers). */
  listPool: { access: 'user', request: z.strictObject({ ...ZPageRequest }), response: paged(ZOrderSummary) },
  /** 我的工单: orders dispatched to or taken by the caller. */
  listMyWork: {
    access: 'user',
    request: z.strictObject({ view: z.enum(['todo', 'done']), ...ZPageRequest }),
    response: paged(ZOrderSummary),
  },
  /** Staff: who an order can be dispatched to (social workers and registered volunteers of its station). */
  listWorkers: {
    access: 'staff',
    request: ZOrderId,
    response: z.object({
      workers: z.array(z.object({ userId: z.string(), name: z.string(), kind: z.enum(['staff', 'volunteer']) })),
    }),
  },
  /** Staff accept a free-form request into the open pool. */
  releaseOrder: { access: 'staff', request: ZOrderId, response: ZOrder },
  /** 派单 (or reassign) to a social worker or a registered volunteer of the station. Audited. */
  dispatchOrder: {
    access: 'staff',
    request: z.strictObject({ orderId: ZId, assigneeId: ZId, note: longText(100, '派单说明').default('') }),
    response: ZOrder,
  },
  /** 接单: one conditional write — of several workers at once exactly one wins. */
  takeOrder: {
    access: 'user',
    request: z.strictObject({ orderId: ZId, scheduledAt: ZInstant.optional() }),
    response: ZOrder,
  },
  /** The assignee sets or changes when they will come; the resident is told. */
  scheduleOrder: {
    access: 'user',
    request: z.strictObject({ orderId: ZId, scheduledAt: ZInstant }),
    response: ZOrder,
  },
  /** The assignee (or staff) sends an order back to the station's open pool. Audited. */
  returnOrder: {
    access: 'user',
    request: z.strictObject({ orderId: ZId, reason: text(100, '退回原因') }),
    response: ZOrder,
  },
  /** Staff decline with a reason the resident sees. Audited. */
  declineOrder: {
    access: 'staff',
    request: z.strictObject({ orderId: ZId, reason: text(100, '不受理原因') }),
    response: ZOrder,
  },
  /** 转介: staff refer the need outside with a note the resident sees. Audited. */
  referOrder: {
    access: 'staff',
    request: z.strictObject({
      orderId: ZId,
      to: text(40, '转介单位'),
      note: longText(200, '转介说明').default(''),
    }),
    response: ZOrder,
  },
  /** The orderer withdraws an order nobody has taken yet. */
  cancelOrder: {
    access: 'user',
    request: z.strictObject({ orderId: ZId, reason: longText(100, '撤销原因').default('') }),
    response: ZOrder,
  },
  /** The assignee records what was done and closes it as done or could-not-be-done. */
  closeOrder: { access: 'user', request: ZCloseOrderRequest, response: ZOrder },
  /** The orderer confirms the closing (within the window). */
  confirmOrder: { access: 'user', request: ZOrderId, response: ZOrder },
  /** The orderer sends it back to the worker (within the window, at most twice). */
  reopenOrder: {
    access: 'user',
    request: z.strictObject({ orderId: ZId, reason: text(100, '重新办理的原因') }),
    response: ZOrder,
  },
  /** 评单: 1–5 with a comment, once per order, editable for 7 days; rating a closed-by-worker order confirms it. */
  rateOrder: {
    access: 'user',
    request: z.strictObject({
      orderId: ZId,
      score: z.int('请选择评分').min(1, '请选择评分').max(5),
      comment: longText(200, '评价').default(''),
    }),
    response: ZOrder,
  },
  /** Staff reply to a rating; a head's reply also clears a bad rating from the head's queue. */
  replyToRating: {
    access: 'staff',
    request: z.strictObject({ orderId: ZId, reply: text(200, '回复') }),
    response: ZOrder,
  },
  /** The console cards: today's new, open, overdue, awaiting rating, bad ratings; the most overdue. */
  getConsole: { access: 'staff', request: z.strictObject({ stationId: ZId }), response: ZOrderConsole },
});
