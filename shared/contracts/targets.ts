import * as z from 'zod';
import {
  CHECKLIST_ITEM_KEYS,
  CLOSE_REASON_KEYS,
  CONSENT_BY_KEYS,
  CONSENT_METHOD_KEYS,
  GENDER_KEYS,
  MAJOR_EVENT_KEYS,
  READ_PURPOSE_KEYS,
  READ_REASON_KEYS,
  RISK_TIER_KEYS,
  TARGET_CATEGORY_KEYS,
  TARGET_STATUSES,
  VISIT_METHOD_KEYS,
} from '../domain/targets';
import { VISIT_PHOTO_LIMIT, VISIT_PHOTO_MAX_BASE64, VISIT_STATUSES } from '../domain/visit';
import { VISIT_PERIOD_KEYS } from '../domain/visit-plan';
import { normalizeInviteCode } from '../domain/invites';
import { RELATIONSHIP_KEYS } from '../domain/orders';
import { TARGET_LINK_ROLE_KEYS } from '../domain/target-links';
import { defineContract, longText, paged, text, ZId, ZInstant, ZPageRequest, ZPhone } from './common';

/** A mobile number, or a landline with its area code (many elderly people have only a landline). */
export const ZContactPhone = z
  .string()
  .trim()
  .regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, '请输入手机号或带区号的固定电话');

/** A calendar day in Asia/Shanghai. */
export const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');

/** Separate consent (PIPL art. 29): who, how, when; or none (the record then keeps the minimum). */
export const ZConsentInput = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('given'),
    by: z.enum(CONSENT_BY_KEYS, '请选择由谁同意'),
    method: z.enum(CONSENT_METHOD_KEYS, '请选择同意方式'),
    /** When it was given: the day staff enter (not in the future), stored as the consent time. */
    at: ZInstant,
    /** Required for verbal consent. */
    witness: text(20, '见证人').optional(),
    /** Required for a signed form: the photo uploaded with `uploadPhoto` (kind `consent`). */
    formPhotoFileId: z.string().max(300).optional(),
  }),
  z.strictObject({ status: z.literal('none') }),
]);

/** What staff fill in to register a person (the form validates with this very schema). */
export const ZTargetInput = z
  .strictObject({
    name: text(20, '姓名'),
    gender: z.enum(GENDER_KEYS, '请选择性别'),
    birthYear: z.int('请填写出生年份').min(1900, '出生年份不正确').max(2100, '出生年份不正确'),
    /** Optional; only a keyed hash and a masked form are kept. On update, absent keeps the one on file. */
    idNumber: z
      .string()
      .trim()
      .regex(/^\d{17}[\dXx]$/, '请输入18位身份证号')
      .optional(),
    phones: z.array(ZContactPhone).max(3, '最多3个电话').default([]),
    address: z.strictObject({
      area: text(30, '村/社区'),
      building: text(30, '组/楼栋'),
      room: longText(20, '门牌号').default(''),
    }),
    guardian: z
      .strictObject({ name: text(20, '联系人姓名'), relation: text(10, '关系'), phone: ZContactPhone })
      .nullable()
      .default(null),
    categories: z.array(z.enum(TARGET_CATEGORY_KEYS)).min(1, '请至少选择一个对象类别').max(TARGET_CATEGORY_KEYS.length),
    tier: z.enum(RISK_TIER_KEYS, '请选择风险等级'),
    tierReason: text(100, '评定理由'),
    /** The responsible 社工; defaults to whoever registers the person. */
    responsibleWorkerId: ZId.nullable().default(null),
    notes: longText(500, '备注').default(''),
    consent: ZConsentInput,
  })
  .superRefine((input, ctx) => {
    if (input.consent.status === 'none') {
      if (input.idNumber)
        ctx.addIssue({ code: 'custom', path: ['idNumber'], message: '未取得单独同意，不能保存身份证号' });
      if (input.notes.trim())
        ctx.addIssue({ code: 'custom', path: ['notes'], message: '未取得单独同意，不能保存备注' });
      return;
    }
    if (input.consent.method === 'verbal_witnessed' && !input.consent.witness)
      ctx.addIssue({ code: 'custom', path: ['consent', 'witness'], message: '口头同意请填写见证人' });
    if (input.consent.method === 'signed_form' && !input.consent.formPhotoFileId)
      ctx.addIssue({ code: 'custom', path: ['consent', 'formPhotoFileId'], message: '请拍下签字的同意书' });
  });
export type TTargetInput = z.input<typeof ZTargetInput>;

/** One row of the roster and the plan: what a worker needs to choose whom to visit, no more. */
export const ZTargetListItem = z.object({
  targetId: z.string(),
  name: z.string(),
  gender: z.enum(GENDER_KEYS),
  birthYear: z.int(),
  area: z.string(),
  building: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  tier: z.enum(RISK_TIER_KEYS),
  categories: z.array(z.enum(TARGET_CATEGORY_KEYS)),
  responsibleWorkerName: z.string().nullable(),
  mine: z.boolean(),
  status: z.enum(TARGET_STATUSES),
  lastVisitAt: ZInstant.nullable(),
  /** Null for closed records. */
  deadline: ZInstant.nullable(),
  dueStatus: z.enum(['overdue', 'this_week', 'this_month', 'later']).nullable(),
  urgent: z.boolean(),
  consentGiven: z.boolean(),
});
export type TTargetListItem = z.infer<typeof ZTargetListItem>;

/** One stretch of the record at one station and tier: its history, seen by both stations of a move. */
export const ZTargetSpan = z.object({
  stationId: z.string(),
  stationName: z.string(),
  tier: z.enum(RISK_TIER_KEYS),
  categories: z.array(z.enum(TARGET_CATEGORY_KEYS)),
  from: ZInstant,
  to: ZInstant.nullable(),
  endedBy: z.enum(['change', 'move', 'close']).nullable(),
});

/** The full record, for staff of the record's station subtree (every read is logged). */
export const ZTargetRecord = ZTargetListItem.extend({
  rev: z.int(),
  /** Ids of the record's station and its ancestors (for the policy checks that hide buttons). */
  stationPath: z.array(z.string()),
  idMasked: z.string().nullable(),
  phones: z.array(z.string()),
  room: z.string(),
  guardian: z.object({ name: z.string(), relation: z.string(), phone: z.string() }).nullable(),
  tierReason: z.string(),
  responsibleWorkerId: z.string().nullable(),
  pairedVolunteers: z.array(z.object({ userId: z.string(), name: z.string() })),
  notes: z.string(),
  consent: z.discriminatedUnion('status', [
    z.object({
      status: z.literal('given'),
      by: z.enum(CONSENT_BY_KEYS),
      method: z.enum(CONSENT_METHOD_KEYS),
      at: ZInstant,
      witness: z.string().nullable(),
      /** Sent back unchanged by an edit that keeps the photo on file. */
      formPhotoFileId: z.string().nullable(),
      formPhotoUrl: z.string().nullable(),
    }),
    z.object({ status: z.literal('none') }),
  ]),
  close: z.object({ reason: z.enum(CLOSE_REASON_KEYS), note: z.string(), at: ZInstant }).nullable(),
  activeFrom: ZInstant,
  urgentEvent: z
    .object({ event: z.enum(MAJOR_EVENT_KEYS), note: z.string(), since: ZInstant, dueBy: ZInstant })
    .nullable(),
  history: z.array(ZTargetSpan),
  homeLocationKnown: z.boolean(),
  /** When staff set the home position (null: door visits are not checked for distance). */
  homeLocationSetAt: ZInstant.nullable(),
  visitPeriod: z.enum(VISIT_PERIOD_KEYS),
  /** Whether this reader is the responsible worker (else the reason they gave was logged). */
  caseload: z.boolean(),
});
export type TTargetRecord = z.infer<typeof ZTargetRecord>;

/** What a paired volunteer sees: a masked name, where, a phone for the visit, the task. Never more. */
export const ZVolunteerTask = z.object({
  targetId: z.string(),
  maskedName: z.string(),
  area: z.string(),
  building: z.string(),
  contactPhone: z.string().nullable(),
  deadline: ZInstant,
  dueStatus: z.enum(['overdue', 'this_week', 'this_month', 'later']),
  lastVisitAt: ZInstant.nullable(),
  /** Visits this volunteer recorded that staff have not confirmed yet. */
  myPendingVisits: z.int(),
});
export type TVolunteerTask = z.infer<typeof ZVolunteerTask>;

const ZChecklist = z.partialRecord(z.enum(CHECKLIST_ITEM_KEYS), z.enum(['ok', 'abnormal']));

/** A visit as the form fills it in (validated with this schema on the phone and on the server). */
export const ZVisitInput = z
  .strictObject({
    method: z.enum(VISIT_METHOD_KEYS, '请选择探访方式'),
    startAt: ZInstant,
    endAt: ZInstant,
    /** Other people who came along (names as the visitor writes them). */
    companions: z.array(text(20, '同行人员')).max(5).default([]),
    checklist: ZChecklist,
    /** Optional words on single items. */
    notes: z.partialRecord(z.enum(CHECKLIST_ITEM_KEYS), longText(100, '说明')).default({}),
    summary: longText(500, '探访情况').default(''),
    /** Required when any item is 异常: what to follow up and by when (an order can later come from it). */
    followUp: z
      .strictObject({ note: text(200, '跟进事项'), dueDate: ZDay })
      .nullable()
      .default(null),
    /** From the device when allowed; only the distance to the home is kept. */
    location: z
      .strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        accuracy: z.number().min(0).max(100_000).optional(),
      })
      .nullable()
      .default(null),
    photoFileIds: z.array(z.string().max(300)).max(VISIT_PHOTO_LIMIT, `最多${VISIT_PHOTO_LIMIT}张照片`).default([]),
    /** The draft was saved while the phone had no network (shown to staff, changes nothing). */
    draftedOffline: z.boolean().default(false),
  })
  .superRefine((input, ctx) => {
    const marks = Object.values(input.checklist);
    if (marks.length === 0) ctx.addIssue({ code: 'custom', path: ['checklist'], message: '请至少勾选一项探访情况' });
    if (marks.includes('abnormal') && !input.followUp)
      ctx.addIssue({ code: 'custom', path: ['followUp'], message: '有异常项，请填写跟进事项和日期' });
  });
export type TVisitInput = z.input<typeof ZVisitInput>;

/** A visit as staff (and its author) see it. */
export const ZVisit = z.object({
  visitId: z.string(),
  targetId: z.string(),
  stationId: z.string(),
  authorName: z.string(),
  mine: z.boolean(),
  byVolunteer: z.boolean(),
  status: z.enum(VISIT_STATUSES),
  method: z.enum(VISIT_METHOD_KEYS),
  startAt: ZInstant,
  endAt: ZInstant,
  companions: z.array(z.string()),
  checklist: ZChecklist,
  notes: z.partialRecord(z.enum(CHECKLIST_ITEM_KEYS), z.string()),
  summary: z.string(),
  followUp: z.object({ note: z.string(), dueDate: z.string(), orderId: z.string().nullable() }).nullable(),
  photoUrls: z.array(z.string()),
  distanceMeters: z.int().nullable(),
  far: z.boolean().nullable(),
  draftedOffline: z.boolean(),
  recordedAt: ZInstant,
  confirmedByName: z.string().nullable(),
  rejectReason: z.string().nullable(),
});
export type TVisit = z.infer<typeof ZVisit>;

/** A pending volunteer visit or an open follow-up, in a station's queue (masked name only). */
export const ZVisitQueueItem = z.object({
  visitId: z.string(),
  targetId: z.string(),
  targetName: z.string(),
  /** The visit's station (the record's, unless it moved since): whose menu an order can use. */
  stationId: z.string(),
  stationName: z.string(),
  authorName: z.string(),
  /** Only a counted visit's follow-up can become a service order. */
  status: z.enum(VISIT_STATUSES),
  startAt: ZInstant,
  method: z.enum(VISIT_METHOD_KEYS),
  abnormal: z.array(z.enum(CHECKLIST_ITEM_KEYS)),
  followUp: z.object({ note: z.string(), dueDate: z.string(), orderId: z.string().nullable() }).nullable(),
});

/** One read of sensitive records: who, when, what for, which. */
export const ZReadLogEntry = z.object({
  at: ZInstant,
  actorName: z.string(),
  purpose: z.enum(READ_PURPOSE_KEYS),
  reason: z.enum(READ_REASON_KEYS).nullable(),
  /** The record read (masked name), or the number of records on a list page. */
  targetLabel: z.string(),
  targetIds: z.array(z.string()),
});

const ZRateFigures = { due: z.int(), visited: z.int(), ratePermille: z.int() };

/** The 月报's visit section (月探访率): figures, breakdowns, and who was not reached (masked). */
export const ZVisitRateSection = z.object({
  month: z.string(),
  ...ZRateFigures,
  notVisited: z.int(),
  byTier: z.array(z.object({ tier: z.enum(RISK_TIER_KEYS), ...ZRateFigures })),
  byCategory: z.array(z.object({ category: z.enum(TARGET_CATEGORY_KEYS), ...ZRateFigures })),
  children: z.array(z.object({ stationId: z.string().nullable(), stationName: z.string(), ...ZRateFigures })),
  notReached: z.array(
    z.object({
      targetId: z.string(),
      maskedName: z.string(),
      stationId: z.string(),
      childStationName: z.string(),
      tier: z.enum(RISK_TIER_KEYS),
    }),
  ),
  notReachedTotal: z.int(),
});
export type TVisitRateSection = z.infer<typeof ZVisitRateSection>;

const ZVisitPolicy = z.strictObject({
  high: z.enum(VISIT_PERIOD_KEYS),
  key: z.enum(VISIT_PERIOD_KEYS),
  general: z.enum(VISIT_PERIOD_KEYS),
});

const ZFileLink = z.object({
  fileName: z.string(),
  mimeType: z.string(),
  fileId: z.string(),
  url: z.string(),
  bytes: z.int(),
  expiresAt: ZInstant,
});

const ZPlanView = z.enum(['overdue', 'week', 'month', 'done']);
export type TPlanView = z.infer<typeof ZPlanView>;
const ZBase64Photo = z.string().min(8).max(VISIT_PHOTO_MAX_BASE64, '照片过大');

/** A 绑定码 as typed or scanned (a link carrying `code=` too), normalised to the bare code. */
const ZLinkCode = z
  .string()
  .max(300)
  .transform((text, ctx) => {
    const code = normalizeInviteCode(text);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: '绑定码为10位字母和数字，请核对' });
      return z.NEVER;
    }
    return code;
  });

/** Redeeming a 绑定码: as 本人, or as 家属 naming who they are to the person. */
export const ZRedeemTargetLinkRequest = z
  .strictObject({
    code: ZLinkCode,
    role: z.enum(TARGET_LINK_ROLE_KEYS, '请选择您与服务对象的关系'),
    relationship: z.enum(RELATIONSHIP_KEYS, '请选择与老人的关系').optional(),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'family' && !value.relationship) {
      ctx.addIssue({ code: 'custom', path: ['relationship'], message: '请选择与老人的关系' });
    }
  });

/** A link as its holder sees it: the record masked (王*), the station, as whom. */
export const ZTargetLink = z.object({
  targetLabel: z.string(),
  stationName: z.string(),
  role: z.enum(TARGET_LINK_ROLE_KEYS),
  relationship: z.enum(RELATIONSHIP_KEYS).nullable(),
  label: z.string(),
  linkedAt: ZInstant,
});

export const targetsContract = defineContract('targets', {
  /** Register a person (refused as a duplicate on the ID hash or on name + birth year + address). */
  createTarget: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, data: ZTargetInput }),
    response: z.object({ targetId: z.string(), rev: z.int() }),
  },
  /** Change a record; `rev` is what the editor opened, so a concurrent change is refused, not overwritten. */
  updateTarget: {
    access: 'staff',
    request: z.strictObject({ targetId: ZId, rev: z.int().min(0), data: ZTargetInput }),
    response: z.object({ targetId: z.string(), rev: z.int() }),
  },
  /** Move a record to another station of the same district (audited at both). */
  moveTarget: {
    access: 'staff',
    request: z.strictObject({ targetId: ZId, rev: z.int().min(0), toStationId: ZId, reason: text(100, '转移原因') }),
    response: z.object({ targetId: z.string(), rev: z.int() }),
  },
  /** Close a record (moved away, deceased, no longer eligible); it stays in history and past months. */
  closeTarget: {
    access: 'staff',
    request: z.strictObject({
      targetId: ZId,
      rev: z.int().min(0),
      reason: z.enum(CLOSE_REASON_KEYS, '请选择结案原因'),
      note: longText(200, '说明').default(''),
    }),
    response: z.object({ targetId: z.string(), rev: z.int() }),
  },
  /** A major event (hospitalisation, bereavement, disaster): a visit is due within 24 hours. */
  flagEvent: {
    access: 'staff',
    request: z.strictObject({
      targetId: ZId,
      event: z.enum(MAJOR_EVENT_KEYS, '请选择情况'),
      note: longText(200, '说明').default(''),
    }),
    response: z.object({ targetId: z.string(), dueBy: ZInstant }),
  },
  /** Staff at the address set (or correct) the home position from their phone (audited, kept coarse). */
  setHomeLocation: {
    access: 'staff',
    request: z.strictObject({
      targetId: ZId,
      location: z.strictObject({
        latitude: z.number().min(-90).max(90),
        longitude: z.number().min(-180).max(180),
        accuracy: z.number().min(0).max(100_000).optional(),
      }),
    }),
    response: z.object({ targetId: z.string(), setAt: ZInstant }),
  },
  /** Pair a registered volunteer (found by phone) with a record; needs the person's consent. */
  pairVolunteer: {
    access: 'staff',
    request: z.strictObject({ targetId: ZId, phone: ZPhone }),
    response: z.object({ pairedVolunteers: z.array(z.object({ userId: z.string(), name: z.string() })) }),
  },
  unpairVolunteer: {
    access: 'staff',
    request: z.strictObject({ targetId: ZId, userId: ZId }),
    response: z.object({ pairedVolunteers: z.array(z.object({ userId: z.string(), name: z.string() })) }),
  },
  /** The roster and the plan of a station subtree: search, filters, due views, paged. */
  listTargets: {
    access: 'staff',
    request: z.strictObject({
      stationId: ZId,
      q: z.string().trim().max(20).optional(),
      category: z.enum(TARGET_CATEGORY_KEYS).optional(),
      tier: z.enum(RISK_TIER_KEYS).optional(),
      mine: z.boolean().default(false),
      /** Only this worker's caseload (staff of the subtree choose a colleague); replaces `mine`. */
      responsibleWorkerId: ZId.optional(),
      due: ZPlanView.optional(),
      status: z.enum(TARGET_STATUSES).default('active'),
      ...ZPageRequest,
    }),
    response: paged(ZTargetListItem),
  },
  /** Records that left this subtree for another station (masked: they are no longer ours to read). */
  movedOut: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, ...ZPageRequest }),
    response: paged(
      z.object({ targetId: z.string(), maskedName: z.string(), movedAt: ZInstant, toStationName: z.string() }),
    ),
  },
  /** Counts for the plan's tabs (with the list's filters) and queues. */
  planSummary: {
    access: 'staff',
    request: z.strictObject({
      stationId: ZId,
      mine: z.boolean().default(false),
      /** Only this worker's caseload; replaces `mine`. */
      responsibleWorkerId: ZId.optional(),
      category: z.enum(TARGET_CATEGORY_KEYS).optional(),
      tier: z.enum(RISK_TIER_KEYS).optional(),
    }),
    response: z.object({
      overdue: z.int(),
      week: z.int(),
      month: z.int(),
      done: z.int(),
      pendingVisits: z.int(),
      openFollowUps: z.int(),
    }),
  },
  /** One full record; outside one's own caseload a reason is required. Logged. */
  getTarget: {
    access: 'staff',
    request: z.strictObject({ targetId: ZId, reason: z.enum(READ_REASON_KEYS).optional() }),
    response: ZTargetRecord,
  },
  /** The workers a record can be assigned to at a station (its staff and those above). */
  listWorkers: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({ workers: z.array(z.object({ userId: z.string(), name: z.string() })) }),
  },
  /** A record's visits, newest first. Logged like the record. */
  targetVisits: {
    access: 'staff',
    request: z.strictObject({ targetId: ZId, reason: z.enum(READ_REASON_KEYS).optional(), ...ZPageRequest }),
    response: paged(ZVisit),
  },
  /** Record a visit. `clientId` is the draft's id: submitting it twice yields one visit. */
  recordVisit: {
    access: 'user',
    request: z.strictObject({ clientId: ZId, targetId: ZId, data: ZVisitInput }),
    response: z.object({
      visitId: z.string(),
      status: z.enum(VISIT_STATUSES),
      duplicate: z.boolean(),
      far: z.boolean().nullable(),
    }),
  },
  /** A photo for a visit draft or a signed consent form (JPEG/PNG by signature, ≤ 2 MB), stored by the function. */
  uploadPhoto: {
    access: 'user',
    request: z.discriminatedUnion('kind', [
      z.strictObject({
        kind: z.literal('visit'),
        targetId: ZId,
        clientId: ZId,
        /** When the drafted visit started (a draft synced after a move or a closure is judged by it). */
        startAt: ZInstant,
        imageBase64: ZBase64Photo,
      }),
      z.strictObject({ kind: z.literal('consent'), stationId: ZId, clientId: ZId, imageBase64: ZBase64Photo }),
    ]),
    response: z.object({ fileId: z.string(), url: z.string(), bytes: z.int() }),
  },
  /** One visit, for its author or staff of its station (a sync conflict shows it beside the draft). */
  getVisit: {
    access: 'user',
    /** By id, or by the caller's own draft id (what a phone knows of a draft it synced). */
    request: z.union([z.strictObject({ visitId: ZId }), z.strictObject({ clientId: ZId })]),
    response: ZVisit,
  },
  /** Staff confirm (it counts) or reject a volunteer's visit. */
  confirmVisit: {
    access: 'staff',
    request: z.strictObject({
      visitId: ZId,
      decision: z.enum(['confirm', 'reject']),
      reason: longText(100, '原因').default(''),
    }),
    response: z.object({ visitId: z.string(), status: z.enum(VISIT_STATUSES) }),
  },
  /** Volunteer visits waiting for a staff confirmation. */
  pendingVisits: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, ...ZPageRequest }),
    response: paged(ZVisitQueueItem),
  },
  /** Abnormal findings with a follow-up not yet turned into a service order. */
  listFollowUps: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, ...ZPageRequest }),
    response: paged(ZVisitQueueItem),
  },
  /** A volunteer's masked tasks: the records they are paired with. */
  myTasks: { access: 'user', request: z.strictObject({ ...ZPageRequest }), response: paged(ZVolunteerTask) },
  /** Who read which records, when and why (heads and admins). */
  readLog: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, targetId: ZId.optional(), ...ZPageRequest }),
    response: paged(ZReadLogEntry),
  },
  /** The visit frequency per tier of a station's centre. */
  getVisitPolicy: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({
      centerId: z.string(),
      centerName: z.string(),
      policy: ZVisitPolicy,
      isDefault: z.boolean(),
      canEdit: z.boolean(),
    }),
  },
  /** Admins set their centre's visit frequency per tier (audited). */
  setVisitPolicy: {
    access: 'staff',
    request: z.strictObject({ centerId: ZId, policy: ZVisitPolicy }),
    response: z.object({ centerId: z.string(), policy: ZVisitPolicy }),
  },
  /** The roster as .xlsx (heads and admins, audited and logged), with a short-lived link. */
  exportRoster: { access: 'staff', request: z.strictObject({ stationId: ZId }), response: ZFileLink },
  /** Staff make a one-time 绑定码 on an active record (shown once; audited; the read is logged). */
  createTargetLinkCode: {
    access: 'staff',
    request: z.strictObject({ targetId: ZId }),
    response: z.object({ code: z.string(), targetLabel: z.string(), expiresAt: ZInstant }),
  },
  /** A resident redeems a 绑定码 in 我的, as 本人 or 家属 (single use; asking again answers the same). */
  redeemTargetLinkCode: { access: 'user', request: ZRedeemTargetLinkRequest, response: ZTargetLink },
});
