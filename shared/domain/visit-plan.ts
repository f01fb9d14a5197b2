import dayjs from 'dayjs';
import { fromAppWallClock, inAppZone } from './time';
import type { RiskTier } from './targets';

/**
 * How often a tier must be visited (ADR 0017):
 * - `week`: every calendar week (Monday–Sunday, Asia/Shanghai) has a visit;
 * - `month`: every calendar month has a visit;
 * - `quarter`: every three consecutive months have a visit (a rolling quarter: a visit in March
 *   keeps March, April and May covered).
 */
export type VisitPeriod = 'week' | 'month' | 'quarter';
export const VISIT_PERIOD_KEYS = ['week', 'month', 'quarter'] as const satisfies readonly VisitPeriod[];
export const VISIT_PERIOD_LABELS: Record<VisitPeriod, string> = {
  week: '每周至少一次',
  month: '每月至少一次',
  quarter: '每季度至少一次',
};

/** A centre's visit frequency per tier. */
export type VisitPolicy = Record<RiskTier, VisitPeriod>;

/** The national and provincial practice: 高风险 weekly, 重点 monthly, 一般 quarterly. */
export const DEFAULT_VISIT_POLICY: VisitPolicy = { high: 'week', key: 'month', general: 'quarter' };

/** After a major event (hospitalisation, bereavement, disaster) a visit is due within this many hours. */
export const URGENT_VISIT_HOURS = 24;

const DAY_MS = 86_400_000;

/** Monday 00:00 (Asia/Shanghai) of the week holding `instant`. */
export function weekStart(instant: Date): Date {
  const wall = inAppZone(instant);
  const monday = wall.subtract((wall.day() + 6) % 7, 'day');
  return fromAppWallClock(`${monday.format('YYYY-MM-DD')}T00:00:00`);
}

/** The 1st, 00:00 (Asia/Shanghai), of the month holding `instant`, moved by `months` (may be negative). */
export function monthStart(instant: Date, months = 0): Date {
  const first = dayjs.utc(`${inAppZone(instant).format('YYYY-MM')}-01T00:00:00`).add(months, 'month');
  return fromAppWallClock(first.format('YYYY-MM-DDTHH:mm:ss'));
}

/** The start of the period slot holding `instant` (quarters are counted in months: slots are months). */
function slotStart(period: VisitPeriod, instant: Date): Date {
  return period === 'week' ? weekStart(instant) : monthStart(instant);
}

/** `slot` moved by `n` slots. */
function addSlots(period: VisitPeriod, slot: Date, n: number): Date {
  return period === 'week' ? new Date(slot.getTime() + n * 7 * DAY_MS) : monthStart(slot, n);
}

/** How many slots one visit covers: a week, a month, or three months. */
function slotsCovered(period: VisitPeriod): number {
  return period === 'quarter' ? 3 : 1;
}

/** The facts a deadline is computed from (all stored on the target record). */
export interface DeadlineFacts {
  period: VisitPeriod;
  /** The latest counted visit, or null when never visited. */
  lastVisitAt: Date | null;
  /** When the record became active (a new record is due within its first period). */
  activeFrom: Date;
  /** A major event flagged and not yet followed by a visit. */
  urgentSince: Date | null;
}

/**
 * The instant by which the next visit must happen. A visit covers its own slot and the next
 * `slotsCovered - 1`, so the next is due by the end of the slot after those; a record never
 * visited is due by the end of the slot it was registered in; an open major event makes it due
 * within 24 hours if that comes sooner.
 */
export function visitDeadline(facts: DeadlineFacts): Date {
  const { period } = facts;
  const base = facts.lastVisitAt
    ? addSlots(period, slotStart(period, facts.lastVisitAt), slotsCovered(period) + 1)
    : addSlots(period, slotStart(period, facts.activeFrom), 1);
  if (!facts.urgentSince) return base;
  const urgent = new Date(facts.urgentSince.getTime() + URGENT_VISIT_HOURS * 3_600_000);
  return urgent < base ? urgent : base;
}

/** Where a target stands on the plan at `now`. */
export type DueStatus = 'overdue' | 'this_week' | 'this_month' | 'later';
export const DUE_STATUS_LABELS: Record<DueStatus, string> = {
  overdue: '已逾期',
  this_week: '本周应访',
  this_month: '本月应访',
  later: '暂不需要探访',
};

/** End (exclusive) of the week and of the month holding `now`. */
export function planHorizons(now: Date): { weekEnd: Date; monthEnd: Date } {
  return { weekEnd: new Date(weekStart(now).getTime() + 7 * DAY_MS), monthEnd: monthStart(now, 1) };
}

/** The plan bucket of a deadline: passed, by the end of this week, by the end of this month, later. */
export function dueStatus(deadline: Date, now: Date): DueStatus {
  if (deadline.getTime() <= now.getTime()) return 'overdue';
  const { weekEnd, monthEnd } = planHorizons(now);
  if (deadline.getTime() <= weekEnd.getTime()) return 'this_week';
  if (deadline.getTime() <= monthEnd.getTime()) return 'this_month';
  return 'later';
}

/**
 * The same rule turned into database cut-offs, so "due by `horizon`" is a query rather than a scan:
 * the deadline of a record with this period is ≤ `horizon` iff
 * `lastVisitAt < lastVisitBefore`, or it was never visited and `activeFrom < activeBefore`.
 * (Open major events add `urgentSince ≤ horizon − 24 h`; see {@link urgentBefore}.)
 */
export function deadlineCutoffs(period: VisitPeriod, horizon: Date): { lastVisitBefore: Date; activeBefore: Date } {
  // A deadline is a slot boundary, so deadline ≤ H ⇔ deadline ≤ slot(H), the last boundary at or
  // before H. slot(L) + (covered + 1) ≤ slot(H) ⇔ slot(L) < slot(H) − covered ⇔ L < slot(H) − covered;
  // never visited: slot(A) + 1 ≤ slot(H) ⇔ A < slot(H).
  const floor = slotStart(period, horizon);
  return { lastVisitBefore: addSlots(period, floor, -slotsCovered(period)), activeBefore: floor };
}

/** Open major events make a record due by `horizon` when flagged at or before this instant. */
export function urgentBefore(horizon: Date): Date {
  return new Date(horizon.getTime() - URGENT_VISIT_HOURS * 3_600_000);
}
