import * as z from 'zod';
import { ACTIVITY_CATEGORY_KEYS, ACTIVITY_METHOD_KEYS, ACTIVITY_STATUSES, MAX_CAPACITY } from '../domain/activity';
import { ATTENDANCE_OUTCOMES, BOOKING_STATUSES, FAMILY_RELATION_KEYS, PROMOTION_MODE_KEYS } from '../domain/booking';
import { containsPaymentNumber } from '../domain/payment-numbers';
import { ZMemberId } from './accounts';
import { defineContract, longText, paged, text, ZId, ZInstant, ZPageRequest, ZPhone } from './common';

/** An activity as lists and cards show it, with live remaining seats. */
export const ZActivitySummary = z.object({
  activityId: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  title: z.string(),
  category: z.enum(ACTIVITY_CATEGORY_KEYS),
  method: z.enum(ACTIVITY_METHOD_KEYS),
  status: z.enum(ACTIVITY_STATUSES),
  location: z.string(),
  startAt: ZInstant,
  endAt: ZInstant,
  signUpOpensAt: ZInstant,
  signUpClosesAt: ZInstant,
  capacity: z.int(),
  confirmed: z.int(),
  remaining: z.int(),
  waitlistCapacity: z.int(),
  waitlisted: z.int(),
  volunteerSlots: z.int(),
  volunteersSignedUp: z.int(),
  ratingCount: z.int(),
  /** Average 1–5 with one decimal, null before the first rating. */
  ratingAverage: z.number().nullable(),
});
export type TActivitySummary = z.infer<typeof ZActivitySummary>;

/** Whom a booking made for a family member is for. */
export const ZBookedFor = z.object({ memberId: z.string(), name: z.string(), relation: z.enum(FAMILY_RELATION_KEYS) });

/** The caller's own booking (or one they made for a family member) as shown on an activity or in 我的. */
export const ZBooking = z.object({
  bookingId: z.string(),
  activityId: z.string(),
  status: z.enum(BOOKING_STATUSES),
  createdAt: ZInstant,
  cancelledAt: ZInstant.nullable(),
  /** 1-based place in line while waitlisted. */
  waitlistPosition: z.int().nullable(),
  /** While offered: claim before this instant or the seat passes on. */
  offerExpiresAt: ZInstant.nullable(),
  checkedInAt: ZInstant.nullable(),
  /** The caller's own rating once given. */
  myRating: z.object({ score: z.int(), comment: z.string(), editableUntil: ZInstant }).nullable(),
  /** The family member it is for; null for the caller's own booking. */
  forMember: ZBookedFor.nullable(),
});
export type TBooking = z.infer<typeof ZBooking>;

/** One of the caller's bookings on a listed activity, for the card: "✓ 已报名", "候补第 2 位". */
export const ZMyState = z.object({
  status: z.enum(BOOKING_STATUSES),
  waitlistPosition: z.int().nullable(),
  checkedInAt: ZInstant.nullable(),
  /** "母亲 王秀英" for a family member's booking, null for the caller's own. */
  forName: z.string().nullable(),
});
export type TMyState = z.infer<typeof ZMyState>;

/** An activity in a public list, with the signed-in caller's own bookings on it (none for visitors). */
export const ZActivityListItem = ZActivitySummary.extend({ mine: z.array(ZMyState) });
export type TActivityListItem = z.infer<typeof ZActivityListItem>;

/** A family member of the caller with their booking on this activity, if any. */
export const ZFamilyBooking = z.object({
  memberId: z.string(),
  name: z.string(),
  relation: z.enum(FAMILY_RELATION_KEYS),
  booking: ZBooking.nullable(),
});
export type TFamilyBooking = z.infer<typeof ZFamilyBooking>;

/** An activity's page: summary plus description, deadlines, the caller's booking and staff rights. */
export const ZActivityDetail = ZActivitySummary.extend({
  description: z.string(),
  contact: z.string(),
  cancelDeadline: ZInstant,
  stationPath: z.array(z.string()),
  promotionMode: z.enum(PROMOTION_MODE_KEYS),
  claimWindowHours: z.int(),
  checkInOpensMinutesBefore: z.int(),
  cancelReason: z.string().nullable(),
  myBooking: ZBooking.nullable(),
  /** The caller's family members and their bookings on this activity (empty for visitors). */
  familyBookings: z.array(ZFamilyBooking),
  canManage: z.boolean(),
});
export type TActivityDetail = z.infer<typeof ZActivityDetail>;

/** Fields staff fill in to create an activity; the form validates with this very schema. */
export const ZActivityInput = z.strictObject({
  title: text(40, '活动名称'),
  category: z.enum(ACTIVITY_CATEGORY_KEYS, '请选择活动类别'),
  method: z.enum(ACTIVITY_METHOD_KEYS, '请选择活动形式'),
  description: longText(2000, '活动介绍').default(''),
  location: text(60, '活动地点'),
  contact: longText(40, '联系方式').default(''),
  startAt: ZInstant,
  endAt: ZInstant,
  capacity: z.int('名额须为整数').min(0, '名额不能为负数').max(MAX_CAPACITY, `名额不能超过${MAX_CAPACITY}`),
  /** Defaults to the moment of publishing. */
  signUpOpensAt: ZInstant.optional(),
  /** Defaults to the start. */
  signUpClosesAt: ZInstant.optional(),
  /** Defaults to two hours before the start. */
  cancelDeadline: ZInstant.optional(),
  /** Waitlist places; 0 = no waitlist (sign-ups beyond capacity are refused). */
  waitlistCapacity: z.int('候补名额须为整数').min(0, '候补名额不能为负数').max(MAX_CAPACITY).default(0),
  /** How a freed seat reaches the first in line: confirmed at once, or offered for `claimWindowHours`. */
  promotionMode: z.enum(PROMOTION_MODE_KEYS).default('auto'),
  claimWindowHours: z.int().min(1, '确认时限至少1小时').max(72, '确认时限不超过72小时').default(12),
  checkInOpensMinutesBefore: z.int().min(0).max(240).default(30),
  /** Volunteer slots (志愿者岗位), separate from resident seats; 0 = no volunteers needed. */
  volunteerSlots: z.int('志愿者名额须为整数').min(0, '志愿者名额不能为负数').max(500).default(0),
});
export type TActivityInput = z.input<typeof ZActivityInput>;

/** Fields that may change on update (all optional; schedule rules are re-checked as a whole). */
export const ZActivityPatch = z.strictObject({
  title: text(40, '活动名称').optional(),
  category: z.enum(ACTIVITY_CATEGORY_KEYS).optional(),
  method: z.enum(ACTIVITY_METHOD_KEYS).optional(),
  description: longText(2000, '活动介绍').optional(),
  location: text(60, '活动地点').optional(),
  contact: longText(40, '联系方式').optional(),
  startAt: ZInstant.optional(),
  endAt: ZInstant.optional(),
  capacity: z.int().min(0).max(MAX_CAPACITY).optional(),
  signUpOpensAt: ZInstant.optional(),
  signUpClosesAt: ZInstant.optional(),
  cancelDeadline: ZInstant.optional(),
  waitlistCapacity: z.int().min(0).max(MAX_CAPACITY).optional(),
  promotionMode: z.enum(PROMOTION_MODE_KEYS).optional(),
  claimWindowHours: z.int().min(1).max(72).optional(),
  checkInOpensMinutesBefore: z.int().min(0).max(240).optional(),
  volunteerSlots: z.int().min(0).max(500).optional(),
});

export const ZListActivitiesRequest = z.strictObject({
  /** Limit to one station and (by default) the rooms beneath it. */
  stationId: ZId.optional(),
  includeDescendants: z.boolean().default(true),
  category: z.enum(ACTIVITY_CATEGORY_KEYS).optional(),
  /** `upcoming`: not yet ended, soonest first; `past`: ended, latest first. */
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  /** Part of the title (搜索活动名称). */
  search: z.string().trim().max(20, '搜索词不超过20个字').optional(),
  /** Only activities with volunteer slots still free (志愿者找岗位). */
  volunteerSlotsOpen: z.boolean().default(false),
  ...ZPageRequest,
});

export const ZListManagedRequest = z.strictObject({
  stationId: ZId,
  status: z.enum(ACTIVITY_STATUSES).optional(),
  ...ZPageRequest,
});

/** A booking in 我的 with its activity. */
export const ZMyBooking = ZBooking.extend({ activity: ZActivitySummary });
export type TMyBooking = z.infer<typeof ZMyBooking>;

const ZActivityRef = z.strictObject({ activityId: ZId });
/** A booking of the caller's: their own, or (with `memberId`) the one they made for a family member. */
const ZBookingRef = z.strictObject({ activityId: ZId, memberId: ZMemberId.optional() });

/** A check-in code for the holder's screen; the page refreshes it before `expiresAt`. */
export const ZCheckInCode = z.object({
  /** The QR payload. */
  code: z.string(),
  /** Six digits staff can type instead of scanning. */
  shortCode: z.string(),
  expiresAt: ZInstant,
  /** When the page should fetch the next code. */
  refreshAt: ZInstant,
  activityTitle: z.string(),
  /** Whom the code admits when it is a family member's: "母亲 王秀英"; null for the caller. */
  forName: z.string().nullable(),
});
export type TCheckInCode = z.infer<typeof ZCheckInCode>;

/** Staff check a person in by scanned code, typed short code, or (without a phone) from the roster. */
export const ZCheckInRequest = z.union([
  z.strictObject({ activityId: ZId, code: z.string().trim().min(1).max(300) }),
  z.strictObject({ activityId: ZId, shortCode: z.string().regex(/^\d{6}$/, '请输入6位数字签到码') }),
  z.strictObject({ activityId: ZId, bookingId: ZId, reason: text(100, '代签到原因') }),
]);

/** What the scanner shows after a scan: big result, masked name, when and by whom. */
export const ZCheckInResult = z.object({
  result: z.enum(['checked_in', 'already_checked_in']),
  bookingId: z.string(),
  attendeeName: z.string(),
  phoneTail: z.string().nullable(),
  activityTitle: z.string(),
  checkedInAt: ZInstant,
  checkedInByName: z.string(),
});
export type TCheckInResult = z.infer<typeof ZCheckInResult>;

/** One row of the staff roster (station staff see the name they need at the door). */
export const ZRosterEntry = z.object({
  bookingId: z.string(),
  name: z.string(),
  phoneTail: z.string().nullable(),
  status: z.enum(BOOKING_STATUSES),
  waitlistPosition: z.int().nullable(),
  offerExpiresAt: ZInstant.nullable(),
  checkedInAt: ZInstant.nullable(),
  bookedByStaff: z.boolean(),
});
export type TRosterEntry = z.infer<typeof ZRosterEntry>;

export const ZRosterCounts = z.object({
  confirmed: z.int(),
  offered: z.int(),
  waitlisted: z.int(),
  checked_in: z.int(),
  no_show: z.int(),
  cancelled: z.int(),
  expired: z.int(),
});

export const ZRoster = z.object({
  activityId: z.string(),
  activityTitle: z.string(),
  counts: ZRosterCounts,
  items: z.array(ZRosterEntry),
  total: z.int(),
  page: z.int(),
  pageSize: z.int(),
  hasMore: z.boolean(),
});
export type TRoster = z.infer<typeof ZRoster>;

/** A rating as staff read it (comments included; raters shown masked). */
export const ZRating = z.object({ score: z.int(), comment: z.string(), raterName: z.string(), updatedAt: ZInstant });

export const activitiesContract = defineContract('activities', {
  /**
   * Published activities (upcoming or past), optionally for one station subtree, a category, a
   * title search, or free volunteer slots. Public; a signed-in caller also gets their own bookings.
   */
  list: { access: 'public', request: ZListActivitiesRequest, response: paged(ZActivityListItem) },
  /**
   * One activity; drafts only for staff who manage it. Public. Settles first, so it may write: an
   * expired offer of the caller's passes to the next in line and a seat free while people wait goes
   * to the first of them (what the `sweep` timer does for every activity, done now for this one).
   */
  get: { access: 'public', request: ZActivityRef, response: ZActivityDetail },
  /** Every activity of a station subtree in any status, for its staff. */
  listManaged: { access: 'staff', request: ZListManagedRequest, response: paged(ZActivitySummary) },
  /** Staff create a draft at a station they manage. */
  create: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, data: ZActivityInput }),
    response: ZActivityDetail,
  },
  /** Staff edit an activity; after publishing only some fields, and capacity never below seats taken. */
  update: {
    access: 'staff',
    request: z.strictObject({ activityId: ZId, data: ZActivityPatch }),
    response: ZActivityDetail,
  },
  /** Staff publish a draft (draft → published). */
  publish: { access: 'staff', request: ZActivityRef, response: ZActivityDetail },
  /**
   * Take a seat (one conditional write) or, when full, a place on the waitlist; one booking per
   * person — the caller, or with `memberId` one of their family members.
   */
  signUp: { access: 'user', request: ZBookingRef, response: ZBooking },
  /** Give up a seat, an offer or a waitlist place before the cancellation deadline; the next in line moves up. */
  cancelBooking: { access: 'user', request: ZBookingRef, response: ZBooking },
  /** Claim a seat offered from the waitlist before the claim window ends. */
  claimOffer: { access: 'user', request: ZBookingRef, response: ZBooking },
  /** A fresh rotating check-in code for the caller's (or their family member's) confirmed booking. */
  myCheckInCode: { access: 'user', request: ZBookingRef, response: ZCheckInCode },
  /** Rate an attended activity 1–5 with an optional comment; editable for 7 days. */
  rate: {
    access: 'user',
    request: z.strictObject({
      activityId: ZId,
      memberId: ZMemberId.optional(),
      score: z.int('请选择1到5分').min(1, '请选择1到5分').max(5, '请选择1到5分'),
      comment: longText(300, '评价').default(''),
    }),
    response: ZBooking,
  },
  /** Staff at the door: check in by code, short code, or from the roster with a reason. Idempotent. */
  checkIn: { access: 'staff', request: ZCheckInRequest, response: ZCheckInResult },
  /** Staff: who booked, who waits, who came — with counts and search by name or phone tail. */
  roster: {
    access: 'staff',
    request: z.strictObject({
      activityId: ZId,
      status: z.enum(BOOKING_STATUSES).optional(),
      search: z.string().trim().max(20).optional(),
      page: z.int().min(1).max(10000).default(1),
      pageSize: z.int().min(1).max(100).default(50),
    }),
    response: ZRoster,
  },
  /** Staff book on behalf of a resident who is present without a phone (代报名); audited. */
  bookOnBehalf: {
    access: 'staff',
    request: z.strictObject({
      activityId: ZId,
      name: text(20, '姓名'),
      phone: ZPhone,
      reason: text(100, '代报名原因'),
    }),
    response: ZRosterEntry,
  },
  /** Staff correct attendance after the fact (checked in ↔ no-show) with a reason; audited. */
  correctAttendance: {
    access: 'staff',
    request: z.strictObject({
      activityId: ZId,
      bookingId: ZId,
      to: z.enum(ATTENDANCE_OUTCOMES),
      reason: text(100, '更正原因'),
    }),
    response: ZRosterEntry,
  },
  /**
   * Staff write to everyone booked, offered, waiting or checked in on an activity (a station
   * notice in their 消息); audited with the text.
   */
  notifyParticipants: {
    access: 'staff',
    request: z.strictObject({
      activityId: ZId,
      message: text(200, '通知内容').refine((t) => !containsPaymentNumber(t), '请勿填写银行卡号、账号等支付信息'),
    }),
    response: z.object({ notified: z.int().min(0) }),
  },
  /** Staff cancel an activity that has not started, with a reason; everyone booked or waiting is told. */
  cancelActivity: {
    access: 'staff',
    request: z.strictObject({ activityId: ZId, reason: text(100, '取消原因') }),
    response: ZActivityDetail,
  },
  /** Staff read an activity's ratings and comments. */
  ratings: {
    access: 'staff',
    request: z.strictObject({ activityId: ZId, ...ZPageRequest }),
    response: paged(ZRating),
  },
  /** The caller's bookings with their activities. */
  myBookings: {
    access: 'user',
    request: z.strictObject({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming'), ...ZPageRequest }),
    response: paged(ZMyBooking),
  },
});
