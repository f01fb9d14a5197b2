import * as z from 'zod';
import { ACTIVITY_CATEGORY_KEYS } from '../domain/activity';
import { CLAIM_STATUSES, HOUR_ENTRY_KINDS } from '../domain/hours';
import { ID_DISPUTE_STATUSES } from '../domain/identity';
import { SHIFT_STATUSES } from '../domain/shift';
import { ZActivitySummary } from './activities';
import { defineContract, longText, paged, text, ZId, ZInstant, ZPageRequest, ZPhone } from './common';

/** Skills a volunteer can offer (free text is allowed too, up to 10 tags). */
export const VOLUNTEER_SKILLS = [
  '陪伴聊天',
  '助餐送餐',
  '家电维修',
  '理发',
  '医疗护理',
  '心理支持',
  '课业辅导',
  '文艺表演',
  '摄影宣传',
  '驾驶',
  '手语',
  '法律咨询',
] as const;

/** A mainland resident ID number as typed (validated by checksum in the action). */
const ZIdNumber = z
  .string()
  .trim()
  .regex(/^\d{17}[\dXx]$/, '请输入18位身份证号');

/** A volunteer as they see themself: never the clear ID number. */
export const ZVolunteerProfile = z.object({
  volunteerNo: z.string(),
  realName: z.string(),
  idMasked: z.string(),
  phone: z.string(),
  skills: z.array(z.string()),
  serviceAreas: z.array(z.enum(ACTIVITY_CATEGORY_KEYS)),
  emergencyContact: z.object({ name: z.string(), phone: z.string() }),
  homeStationId: z.string(),
  homeStationName: z.string(),
  leaderboardOptIn: z.boolean(),
  registeredAt: ZInstant,
});
export type TVolunteerProfile = z.infer<typeof ZVolunteerProfile>;

export const ZRegisterRequest = z.strictObject({
  data: z.strictObject({
    realName: text(20, '姓名'),
    idNumber: ZIdNumber,
    phone: ZPhone,
    skills: z.array(text(12, '技能')).max(10, '技能最多10项').default([]),
    serviceAreas: z.array(z.enum(ACTIVITY_CATEGORY_KEYS)).max(10).default([]),
    emergencyContact: z.strictObject({ name: text(20, '紧急联系人'), phone: ZPhone }),
    homeStationId: ZId,
    leaderboardOptIn: z.boolean().default(false),
  }),
});
export type TRegisterRequest = z.input<typeof ZRegisterRequest>;

/** A dispute over a registered ID number, as the person who raised it sees it. */
export const ZIdDispute = z.object({
  disputeId: z.string(),
  status: z.enum(ID_DISPUTE_STATUSES),
  idMasked: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  createdAt: ZInstant,
  /** Staff's words when they decided. */
  resolution: z.string().nullable(),
});
export type TIdDispute = z.infer<typeof ZIdDispute>;

/** A dispute as station staff see it before checking the paper ID: names and phone masked. */
export const ZStaffIdDispute = ZIdDispute.extend({
  claimantName: z.string(),
  claimantPhoneMasked: z.string(),
  holderName: z.string(),
  holderVolunteerNo: z.string(),
});

/** A volunteer's shift on an activity. */
export const ZShift = z.object({
  shiftId: z.string(),
  activityId: z.string(),
  status: z.enum(SHIFT_STATUSES),
  checkInAt: ZInstant.nullable(),
  checkOutAt: ZInstant.nullable(),
  autoClosed: z.boolean(),
  minutes: z.int().nullable(),
});
export type TShift = z.infer<typeof ZShift>;

export const ZMyShift = ZShift.extend({
  activity: ZActivitySummary,
  /** Until when the volunteer may give the slot back (the activity's own cancellation deadline). */
  cancelDeadline: ZInstant,
});
export type TMyShift = z.infer<typeof ZMyShift>;

/** A volunteer on an activity as its staff see them: name, phone tail, in and out. */
export const ZActivityVolunteer = z.object({
  shiftId: z.string(),
  name: z.string(),
  phoneTail: z.string().nullable(),
  status: z.enum(SHIFT_STATUSES),
  checkInAt: ZInstant.nullable(),
  checkOutAt: ZInstant.nullable(),
  minutes: z.int().nullable(),
  autoClosed: z.boolean(),
});
export type TActivityVolunteer = z.infer<typeof ZActivityVolunteer>;

/** One ledger entry with its provenance; the ledger is append-only. */
export const ZHoursEntry = z.object({
  entryId: z.string(),
  kind: z.enum(HOUR_ENTRY_KINDS),
  minutes: z.int(),
  serviceDate: ZInstant,
  stationId: z.string(),
  stationName: z.string(),
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  /** Why it exists: "扫码签到签退", "补录（王社工审核通过）", "更正：…". */
  provenance: z.string(),
  autoClosed: z.boolean(),
  createdAt: ZInstant,
});
export type THoursEntry = z.infer<typeof ZHoursEntry>;

export const ZHoursTotals = z.object({
  verifiedMinutes: z.int(),
  topupMinutes: z.int(),
  adjustmentMinutes: z.int(),
  totalMinutes: z.int(),
});

export const ZMyHours = z.object({
  totals: ZHoursTotals,
  byMonth: z.array(ZHoursTotals.extend({ month: z.string() })),
  byStation: z.array(ZHoursTotals.extend({ stationId: z.string(), stationName: z.string() })),
  entries: z.array(ZHoursEntry),
});
export type TMyHours = z.infer<typeof ZMyHours>;

/** A top-up claim (补录) and its review. */
export const ZClaim = z.object({
  claimId: z.string(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  stationId: z.string(),
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  startAt: ZInstant,
  minutes: z.int(),
  description: z.string(),
  status: z.enum(CLAIM_STATUSES),
  reviewReason: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  createdAt: ZInstant,
});
export type TClaim = z.infer<typeof ZClaim>;

export const ZClaimRequest = z.strictObject({
  data: z.strictObject({
    stationId: ZId,
    activityId: ZId.optional(),
    startAt: ZInstant,
    minutes: z
      .int('时长须为整数分钟')
      .min(30, '至少30分钟')
      .max(12 * 60, '一次最多12小时'),
    description: text(200, '服务内容'),
  }),
});

/** A 志愿服务记录证明 as issued and as verified. */
export const ZCertificate = z.object({
  serial: z.string(),
  verificationCode: z.string(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  idType: z.string(),
  idMasked: z.string(),
  issuerName: z.string(),
  issuerPhone: z.string(),
  handlerName: z.string(),
  from: z.string(),
  to: z.string(),
  totalMinutes: z.int(),
  entries: z.array(
    z.object({
      serviceDate: ZInstant,
      activityTitle: z.string(),
      minutes: z.int(),
      kind: z.enum(HOUR_ENTRY_KINDS),
    }),
  ),
  issuedAt: ZInstant,
});
export type TCertificate = z.infer<typeof ZCertificate>;

/** What the public verification page shows: enough to confirm, no more personal data. */
export const ZCertificateCheck = z.object({
  valid: z.literal(true),
  serial: z.string(),
  volunteerName: z.string(),
  volunteerNo: z.string(),
  issuerName: z.string(),
  from: z.string(),
  to: z.string(),
  totalMinutes: z.int(),
  issuedAt: ZInstant,
});

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式为 YYYY-MM-DD');
const ZActivityRef = z.strictObject({ activityId: ZId });

export const volunteeringContract = defineContract('volunteering', {
  /** Real-name registration: the ID is checked (GB 11643), hashed for dedupe and masked; never stored. */
  register: { access: 'user', request: ZRegisterRequest, response: ZVolunteerProfile },
  /**
   * The owner of an ID number someone else registered raises a dispute, to be checked in person
   * at the station they name (idempotent per person and number). Never stores the number.
   */
  disputeIdNumber: {
    access: 'user',
    request: z.strictObject({
      data: z.strictObject({ realName: text(20, '姓名'), idNumber: ZIdNumber, phone: ZPhone, stationId: ZId }),
    }),
    response: ZIdDispute,
  },
  /** The caller's latest ID dispute, or null. */
  myIdDispute: { access: 'user', request: z.strictObject({}), response: ZIdDispute.nullable() },
  /** Staff: open ID disputes of a station subtree, oldest first, masked. */
  idDisputes: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({ items: z.array(ZStaffIdDispute) }),
  },
  /**
   * Staff who checked the claimant's paper ID in person uphold the dispute (the number is freed for
   * its owner; the holder keeps their own hours) or reject it, with a reason; audited, both told.
   */
  resolveIdDispute: {
    access: 'staff',
    request: z.strictObject({
      disputeId: ZId,
      decision: z.enum(['uphold', 'reject']),
      reason: text(100, '核实结果'),
    }),
    response: ZIdDispute,
  },
  /** The caller's volunteer profile (NOT_REGISTERED when they have none). */
  myProfile: { access: 'user', request: z.strictObject({}), response: ZVolunteerProfile },
  /** Take a volunteer slot on an activity (own capacity; overlapping shifts refused). */
  signUpShift: { access: 'user', request: ZActivityRef, response: ZShift },
  /** Give a slot back until the activity's cancellation deadline (the rule residents have too). */
  cancelShift: { access: 'user', request: ZActivityRef, response: ZShift },
  /** The caller's shifts with their activities. */
  myShifts: {
    access: 'user',
    request: z.strictObject({ when: z.enum(['upcoming', 'past']).default('upcoming'), ...ZPageRequest }),
    response: paged(ZMyShift),
  },
  /** A rotating code for the caller's shift, scanned at arrival and at departure. */
  myShiftCode: {
    access: 'user',
    request: ZActivityRef,
    response: z.object({
      code: z.string(),
      shortCode: z.string(),
      expiresAt: ZInstant,
      refreshAt: ZInstant,
      activityTitle: z.string(),
    }),
  },
  /**
   * Staff scan a volunteer: first scan checks in, second checks out and records verified hours.
   * A second scan that would record no time at all (less than one rounding step) answers
   * `confirm_checkout` and changes nothing; staff confirm with `mode: 'out'`.
   */
  scanShift: {
    access: 'staff',
    request: z.union([
      z.strictObject({
        activityId: ZId,
        code: z.string().trim().min(1).max(300),
        mode: z.enum(['auto', 'in', 'out']).default('auto'),
      }),
      z.strictObject({
        activityId: ZId,
        shortCode: z.string().regex(/^\d{6}$/, '请输入6位数字签到码'),
        mode: z.enum(['auto', 'in', 'out']).default('auto'),
      }),
    ]),
    response: z.object({
      result: z.enum(['checked_in', 'checked_out', 'already_checked_out', 'confirm_checkout']),
      volunteerName: z.string(),
      activityTitle: z.string(),
      at: ZInstant,
      minutes: z.int().nullable(),
    }),
  },
  /** Staff: an activity's volunteers (names, phone tails, in and out), signed-up order. */
  activityVolunteers: {
    access: 'staff',
    request: ZActivityRef,
    response: z.object({ activityTitle: z.string(), items: z.array(ZActivityVolunteer) }),
  },
  /** Ask for hours the scans missed (补录). */
  claimHours: { access: 'user', request: ZClaimRequest, response: ZClaim },
  /** The caller's claims, newest first. */
  myClaims: { access: 'user', request: z.strictObject({ ...ZPageRequest }), response: paged(ZClaim) },
  /** Staff: pending claims and auto-closed check-outs of a station subtree, oldest first. */
  reviewQueue: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, ...ZPageRequest }),
    response: z.object({
      claims: z.array(ZClaim),
      autoClosed: z.array(ZHoursEntry.extend({ volunteerName: z.string() })),
    }),
  },
  /** Staff confirm an auto-closed check-out as it stands (corrections go through adjustHours). */
  confirmAutoClosed: { access: 'staff', request: z.strictObject({ entryId: ZId }), response: ZHoursEntry },
  /** Staff approve (entry written and locked) or reject a claim, with a reason. */
  reviewClaim: {
    access: 'staff',
    request: z.strictObject({
      claimId: ZId,
      decision: z.enum(['approve', 'reject']),
      reason: longText(100, '审核意见').default(''),
    }),
    response: ZClaim,
  },
  /** Staff correct a ledger entry by appending an adjustment (never editing the entry). */
  adjustHours: {
    access: 'staff',
    request: z.strictObject({
      entryId: ZId,
      minutes: z
        .int()
        .min(-720)
        .max(720)
        .refine((m) => m !== 0, '调整不能为0'),
      reason: text(100, '更正原因'),
    }),
    response: ZHoursEntry,
  },
  /** Verified vs top-up totals, by month and station, with every entry's provenance. */
  myHours: { access: 'user', request: z.strictObject({}), response: ZMyHours },
  /** A station's leaderboard: opted-in volunteers, display names only. Public. */
  leaderboard: {
    access: 'public',
    request: z.strictObject({
      stationId: ZId,
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
    }),
    response: z.object({ items: z.array(z.object({ rank: z.int(), displayName: z.string(), totalMinutes: z.int() })) }),
  },
  /** Issue a 志愿服务记录证明 for a date range from the station that organised the service. */
  issueCertificate: {
    access: 'user',
    request: z.strictObject({ stationId: ZId, from: ZDay, to: ZDay }),
    response: ZCertificate,
  },
  /** Check a certificate by serial and code. Public, no sign-in. */
  verifyCertificate: {
    access: 'public',
    request: z.strictObject({
      serial: z.string().regex(/^[A-Z0-9-]{6,40}$/, '证明编号格式不正确'),
      code: z.string().regex(/^[A-Z0-9]{8}$/, '校验码为8位'),
    }),
    response: ZCertificateCheck,
  },
});
