import * as z from 'zod';
import {
  ARRIVAL_PHOTO_MAX_BASE64,
  DELIVERY_METHOD_KEYS,
  MAX_UNIT_VALUE_FEN,
  NEED_KIND_KEYS,
  NEED_STATUSES,
  PLEDGE_QUEUE_VIEWS,
  PLEDGE_STATUSES,
} from '../domain/donation';
import { containsPaymentNumberIn, PAYMENT_NUMBER_MESSAGE, RECEIPT_NUMBER_MESSAGE } from '../domain/payment-numbers';
import { defineContract, longText, paged, text, ZId, ZInstant, ZPageRequest, ZPhone } from './common';

const ZQuantity = z.int('数量须为整数').min(1, '数量至少为1').max(1_000_000, '数量过大');
/** A unit's value in integer fen, within the ceiling a donor or staff member may state. */
const ZUnitFen = z
  .int('金额以分为单位，须为整数')
  .min(0, '金额不能为负数')
  .max(MAX_UNIT_VALUE_FEN, `单价不能超过 ${MAX_UNIT_VALUE_FEN / 1_000_000} 万元`);

/** A registered charity with public-fundraising qualification, curated per district by admins. */
export const ZCharity = z.object({
  charityId: z.string(),
  name: z.string(),
  registrationNo: z.string(),
  projectName: z.string(),
  projectUrl: z.string(),
  howToGive: z.string(),
});
export type TCharity = z.infer<typeof ZCharity>;

/** A need as the station page, the donation tab and the public ledger show it. */
export const ZNeed = z.object({
  needId: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  title: z.string(),
  kind: z.enum(NEED_KIND_KEYS),
  unit: z.string(),
  targetQuantity: z.int(),
  unitValueFen: z.int(),
  pledgedQuantity: z.int(),
  receivedQuantity: z.int(),
  receivedPercent: z.int(),
  pledgedPercent: z.int(),
  deadline: ZInstant,
  beneficiaryGroup: z.string(),
  description: z.string(),
  activityId: z.string().nullable(),
  charityId: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
});
export type TNeed = z.infer<typeof ZNeed>;

export const ZNeedInput = z.strictObject({
  title: text(40, '需求名称'),
  kind: z.enum(NEED_KIND_KEYS, '请选择需求类型'),
  unit: text(10, '单位'),
  targetQuantity: ZQuantity,
  unitValueFen: ZUnitFen,
  deadline: ZInstant,
  beneficiaryGroup: text(20, '受益群体'),
  description: longText(500, '需求说明').default(''),
  activityId: ZId.optional(),
  /** Required for `funds_via_charity`: the charity that runs the appeal and holds the money. */
  charityId: ZId.optional(),
  overPledgePercent: z.int().min(100).max(300).default(150),
});

/** One distribution of received goods: where it went. */
export const ZDistribution = z.object({
  distributionId: z.string(),
  quantity: z.int(),
  beneficiaryGroup: z.string(),
  activityTitle: z.string().nullable(),
  note: z.string(),
  at: ZInstant,
});

/** A pledge as its donor sees it: the timeline and where it went. */
export const ZPledge = z.object({
  pledgeId: z.string(),
  needId: z.string().nullable(),
  needTitle: z.string().nullable(),
  stationId: z.string(),
  stationName: z.string(),
  kind: z.enum(NEED_KIND_KEYS),
  quantity: z.int(),
  unit: z.string(),
  /** Per unit, as the need (or, for a pledge to the station, the donor) states it. */
  unitValueFen: z.int(),
  estimatedValueFen: z.int(),
  receivedQuantity: z.int(),
  distributedQuantity: z.int(),
  deliveryMethod: z.enum(DELIVERY_METHOD_KEYS),
  expectedDate: ZInstant,
  message: z.string(),
  anonymous: z.boolean(),
  charity: ZCharity.nullable(),
  receiptNo: z.string().nullable(),
  status: z.enum(PLEDGE_STATUSES),
  thankYouNote: z.string().nullable(),
  /** A short-lived link to the arrival photo staff took, when there is one (donor and staff only). */
  arrivalPhotoUrl: z.string().nullable(),
  timeline: z.array(z.object({ at: ZInstant, label: z.string() })),
  distributions: z.array(ZDistribution),
  createdAt: ZInstant,
});
export type TPledge = z.infer<typeof ZPledge>;

/** A pledge in the staff queue: contact masked. */
export const ZStaffPledge = ZPledge.omit({ distributions: true, timeline: true }).extend({
  donorName: z.string(),
  contactMasked: z.string(),
  overdue: z.boolean(),
});

export const ZPledgeRequest = z.strictObject({
  /** A need of the station, or none for a general pledge to the station. */
  needId: ZId.optional(),
  stationId: ZId,
  data: z.strictObject({
    kind: z.enum(NEED_KIND_KEYS).optional(),
    unit: text(10, '单位').optional(),
    quantity: ZQuantity,
    unitValueFen: ZUnitFen.optional(),
    deliveryMethod: z.enum(DELIVERY_METHOD_KEYS),
    expectedDate: ZInstant,
    message: longText(200, '留言').default(''),
    anonymous: z.boolean().default(false),
    donorName: text(20, '捐赠人名称'),
    contactPhone: ZPhone,
    charityId: ZId.optional(),
  }),
});

export const ZLedger = z.object({
  stationId: z.string(),
  stationName: z.string(),
  needs: z.array(ZNeed),
  months: z.array(
    z.object({
      month: z.string(),
      kind: z.enum(NEED_KIND_KEYS),
      /** The unit the quantity is counted in (rows never add different units). */
      unit: z.string(),
      receivedQuantity: z.int(),
      receivedValueFen: z.int(),
      pledges: z.int(),
    }),
  ),
  distributions: z.array(
    ZDistribution.extend({ donorName: z.string(), needTitle: z.string().nullable(), unit: z.string() }),
  ),
  totalReceivedValueFen: z.int(),
});

/**
 * A 捐赠票据 number the donor types (票据代码 and 票据号码, `33010120-0000012345`): letters, digits
 * and dashes, never a card or account number (`containsPaymentNumberIn`, docs/security.md).
 */
export const ZReceiptNo = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/, '票据号只能包含字母、数字和短横线')
  .refine((value) => !containsPaymentNumberIn(value, 'receipt'), RECEIPT_NUMBER_MESSAGE);

export const donationsContract = defineContract('donations', {
  /** Open needs of a station subtree with progress. Public. */
  listNeeds: {
    access: 'public',
    request: z.strictObject({
      stationId: ZId.optional(),
      status: z.enum(NEED_STATUSES).default('open'),
      ...ZPageRequest,
    }),
    response: paged(ZNeed),
  },
  /** One need with the charity that runs it (for funds). Public. */
  getNeed: {
    access: 'public',
    request: z.strictObject({ needId: ZId }),
    response: ZNeed.extend({ charity: ZCharity.nullable() }),
  },
  /** Staff publish a need for a station they manage. */
  createNeed: { access: 'staff', request: z.strictObject({ stationId: ZId, data: ZNeedInput }), response: ZNeed },
  /** Staff close a need (no more pledges). */
  closeNeed: {
    access: 'staff',
    request: z.strictObject({ needId: ZId, reason: text(100, '关闭原因') }),
    response: ZNeed,
  },
  /** The curated charities of a station's district. Public. */
  listCharities: {
    access: 'public',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({ items: z.array(ZCharity) }),
  },
  /** District admins add a charity (with 公开募捐资格) and its project page. */
  addCharity: {
    access: 'staff',
    request: z.strictObject({
      centerId: ZId,
      data: z.strictObject({
        name: text(60, '慈善组织名称'),
        /** A structured identifier (GB 32100, 18 characters), not free text: digits are expected. */
        registrationNo: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, '统一社会信用代码为18位数字或大写字母'),
        projectName: text(60, '募捐项目'),
        projectUrl: z
          .string()
          .trim()
          .url('请输入项目页面网址')
          .max(300)
          .refine((value) => !containsPaymentNumberIn(value, 'url'), PAYMENT_NUMBER_MESSAGE),
        howToGive: longText(300, '捐赠方式说明'),
      }),
    }),
    response: ZCharity,
  },
  /** Pledge goods, services, or funds through a charity. The app never takes payment. */
  pledge: { access: 'user', request: ZPledgeRequest, response: ZPledge },
  /** The donor cancels before the station received it. */
  cancelPledge: { access: 'user', request: z.strictObject({ pledgeId: ZId }), response: ZPledge },
  /** The donor adds the charity's receipt number (电子捐赠票据) as evidence. */
  recordCharityReceipt: {
    access: 'user',
    request: z.strictObject({
      pledgeId: ZId,
      receiptNo: ZReceiptNo,
    }),
    response: ZPledge,
  },
  /** The caller's pledges with timelines. */
  myPledges: { access: 'user', request: z.strictObject({ ...ZPageRequest }), response: paged(ZPledge) },
  /** Staff: expected this week, overdue, partially received — for their station subtree. */
  staffQueue: {
    access: 'staff',
    request: z.strictObject({
      stationId: ZId,
      view: z.enum(PLEDGE_QUEUE_VIEWS).default('expected'),
      ...ZPageRequest,
    }),
    response: paged(ZStaffPledge),
  },
  /**
   * Staff upload an arrival photo for a pledge not yet received (JPEG/PNG by signature, ≤ 2 MB). The
   * function stores it under the pledge's folder and answers its file id and a preview link.
   */
  uploadArrivalPhoto: {
    access: 'staff',
    request: z.strictObject({
      pledgeId: ZId,
      imageBase64: z
        .string()
        .min(8)
        .max(ARRIVAL_PHOTO_MAX_BASE64, '照片不能超过 2MB')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, '照片数据有误'),
    }),
    response: z.object({ fileId: z.string(), url: z.string(), bytes: z.int() }),
  },
  /**
   * Staff confirm what actually arrived (may be partial) and its value per unit — required when
   * the donor stated it, else the need's unless corrected — with a note and optional photo file id.
   */
  confirmArrival: {
    access: 'staff',
    request: z.strictObject({
      pledgeId: ZId,
      receivedQuantity: z.int().min(1).max(1_000_000),
      unitValueFen: ZUnitFen.optional(),
      note: longText(200, '备注').default(''),
      photoFileId: z
        .string()
        .regex(/^cloud:\/\/\S{1,300}$/, '照片编号有误')
        .optional(),
    }),
    response: ZStaffPledge,
  },
  /** Staff record where received goods went; never more than received. */
  distribute: {
    access: 'staff',
    request: z.strictObject({
      pledgeId: ZId,
      quantity: ZQuantity,
      beneficiaryGroup: text(20, '受益群体'),
      activityId: ZId.optional(),
      note: longText(200, '说明').default(''),
    }),
    response: ZStaffPledge,
  },
  /** Staff void an undelivered pledge with a reason (audited; the donor is told in 消息). */
  voidPledge: {
    access: 'staff',
    request: z.strictObject({ pledgeId: ZId, reason: text(100, '作废原因') }),
    response: ZStaffPledge,
  },
  /** Staff thank the donor (shown on their pledge). */
  thank: {
    access: 'staff',
    request: z.strictObject({ pledgeId: ZId, note: text(200, '感谢语') }),
    response: ZStaffPledge,
  },
  /** A station's public transparency ledger: needs, arrivals by month and kind, distributions. Public. */
  ledger: { access: 'public', request: z.strictObject({ stationId: ZId }), response: ZLedger },
});
