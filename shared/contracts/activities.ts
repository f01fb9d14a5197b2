import { z } from 'zod';
import {
  ACTIVITY_CATEGORY_KEYS,
  ACTIVITY_METHOD_KEYS,
  ACTIVITY_STATUSES,
  BOOKING_STATUSES,
  MAX_CAPACITY,
} from '../domain/activity';
import { defineContract, longText, paged, text, ZId, ZInstant, ZPageRequest } from './common';

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
});
export type TActivitySummary = z.infer<typeof ZActivitySummary>;

/** The caller's own booking as shown on an activity or in 我的. */
export const ZBooking = z.object({
  bookingId: z.string(),
  activityId: z.string(),
  status: z.enum(BOOKING_STATUSES),
  createdAt: ZInstant,
  cancelledAt: ZInstant.nullable(),
});
export type TBooking = z.infer<typeof ZBooking>;

/** An activity's page: summary plus description, deadlines, the caller's booking and staff rights. */
export const ZActivityDetail = ZActivitySummary.extend({
  description: z.string(),
  contact: z.string(),
  cancelDeadline: ZInstant,
  stationPath: z.array(z.string()),
  myBooking: ZBooking.nullable(),
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
});

export const ZListActivitiesRequest = z.strictObject({
  /** Limit to one station and (by default) the rooms beneath it. */
  stationId: ZId.optional(),
  includeDescendants: z.boolean().default(true),
  category: z.enum(ACTIVITY_CATEGORY_KEYS).optional(),
  /** `upcoming`: not yet ended, soonest first; `past`: ended, latest first. */
  when: z.enum(['upcoming', 'past']).default('upcoming'),
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

export const activitiesContract = defineContract('activities', {
  /** Published activities (upcoming or past), optionally for one station subtree and category. Public. */
  list: { access: 'public', request: ZListActivitiesRequest, response: paged(ZActivitySummary) },
  /** One activity; drafts only for staff who manage it. Public. */
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
  /** Take a seat: one conditional write, one booking per person. */
  signUp: { access: 'user', request: ZActivityRef, response: ZBooking },
  /** Give the seat back before the cancellation deadline. */
  cancelBooking: { access: 'user', request: ZActivityRef, response: ZBooking },
  /** The caller's bookings with their activities. */
  myBookings: {
    access: 'user',
    request: z.strictObject({ when: z.enum(['upcoming', 'past', 'all']).default('upcoming'), ...ZPageRequest }),
    response: paged(ZMyBooking),
  },
});
