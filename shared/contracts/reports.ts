import * as z from 'zod';
import { ACTIVITY_CATEGORY_KEYS } from '../domain/activity';
import { EARLIEST_REPORT_MONTH, INDICATOR_KEYS } from '../domain/report';
import { STATION_TIERS } from '../domain/station';
import { defineContract, paged, ZId, ZInstant, ZPageRequest } from './common';
import { ZOrderSection } from './orders';
import { ZVisitRateSection } from './targets';

const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式为 YYYY-MM')
  .refine((month) => month >= EARLIEST_REPORT_MONTH, `报表月份最早为 ${EARLIEST_REPORT_MONTH}`);
const ZIndicatorValues = z.record(z.enum(INDICATOR_KEYS), z.int());

/** One indicator with its previous-month value and the change. */
export const ZIndicatorRow = z.object({
  key: z.enum(INDICATOR_KEYS),
  label: z.string(),
  unit: z.string(),
  value: z.int(),
  previous: z.int(),
  change: z.int(),
});

/** A 月报 for a station subtree: indicators, categories, and a row per child station. */
export const ZMonthlyReport = z.object({
  stationId: z.string(),
  stationName: z.string(),
  tier: z.enum(STATION_TIERS),
  month: z.string(),
  previousMonth: z.string(),
  indicators: z.array(ZIndicatorRow),
  byCategory: z.array(
    z.object({ category: z.enum(ACTIVITY_CATEGORY_KEYS), activities: z.int(), attendances: z.int() }),
  ),
  /** Children (室 of a 站, 站 of a 中心); `stationId` null is the station's own, 本级, work. */
  children: z.array(z.object({ stationId: z.string().nullable(), stationName: z.string(), values: ZIndicatorValues })),
  /** 重点对象月探访率 (ADR 0017): its own section, two database calls. */
  visits: ZVisitRateSection,
  /** Service orders (点单 → 评单): received, 响应率, 按时办结率, rating, 满意率 (its own section). */
  orders: ZOrderSection,
  generatedAt: ZInstant,
});
export type TMonthlyReport = z.infer<typeof ZMonthlyReport>;

/** What a staff member sees first on the console (工作台). */
export const ZToday = z.object({
  stationId: z.string(),
  stationName: z.string(),
  activitiesToday: z.array(
    z.object({
      activityId: z.string(),
      title: z.string(),
      startAt: ZInstant,
      endAt: ZInstant,
      capacity: z.int(),
      confirmed: z.int(),
      checkedIn: z.int(),
      waitlisted: z.int(),
    }),
  ),
  queues: z.object({
    pendingClaims: z.int(),
    autoClosedToReview: z.int(),
    pledgesExpectedThisWeek: z.int(),
    pledgesOverdue: z.int(),
    offersPending: z.int(),
  }),
  month: z.string(),
  monthFigures: ZIndicatorValues,
  /** This month's visit rate for the console card ("本月探访 128/134，6 人未访"). */
  visits: z.object({ due: z.int(), visited: z.int(), notVisited: z.int(), ratePermille: z.int() }),
});

/** One audit entry as the viewer shows it: in words, never the stored JSON. */
export const ZAuditEntry = z.object({
  at: ZInstant,
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  /** The station the change was made at, by name. */
  stationName: z.string().nullable(),
  /** Whom the change was about, when a person (a role granted or revoked): "李四（138****1234）". */
  subject: z.string().nullable(),
  /** What changed, a line per field in words (`describeAuditChange`): "状态：草稿 → 已发布". */
  changes: z.array(z.string()),
  reason: z.string().nullable(),
});

export const reportsContract = defineContract('reports', {
  /** The monthly report of a station subtree (Asia/Shanghai month), with previous month and children. */
  monthly: { access: 'staff', request: z.strictObject({ stationId: ZId, month: ZMonth }), response: ZMonthlyReport },
  /** A 12-month trend of attendances and volunteer hours for charts. */
  trend: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, endMonth: ZMonth, months: z.int().min(2).max(12).default(12) }),
    response: z.object({
      points: z.array(
        z.object({
          month: z.string(),
          attendances: z.int(),
          verifiedMinutes: z.int(),
          topupMinutes: z.int(),
          activitiesHeld: z.int(),
        }),
      ),
    }),
  },
  /** The report as an .xlsx (summary, per-station, categories) in cloud storage, with a short-lived link. */
  exportMonthly: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, month: ZMonth }),
    response: z.object({
      fileName: z.string(),
      mimeType: z.string(),
      fileId: z.string(),
      url: z.string(),
      bytes: z.int(),
      expiresAt: ZInstant,
    }),
  },
  /** The staff console of one station: today, queues, this month. */
  today: { access: 'staff', request: z.strictObject({ stationId: ZId }), response: ZToday },
  /** Who did what at a station subtree, newest first, filterable by action prefix. */
  auditLog: {
    access: 'staff',
    request: z.strictObject({
      stationId: ZId,
      action: z
        .string()
        .regex(/^[a-zA-Z.]{1,40}$/)
        .optional(),
      ...ZPageRequest,
    }),
    response: paged(ZAuditEntry),
  },
});
