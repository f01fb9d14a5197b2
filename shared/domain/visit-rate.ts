import { monthRange } from './time';
import { RISK_TIER_KEYS, TARGET_CATEGORY_KEYS, type RiskTier, type TargetCategory } from './targets';
import { monthStart, weekStart } from './visit-plan';

/**
 * The monthly visit rate (月探访率) of a station subtree: of the targets due in the month, how many
 * were visited as often as their tier requires (ADR 0017). One aggregation answers rows grouped by
 * child station, tier, categories and outcome; the pure functions here turn them into figures, so
 * the 月报, the console card, the export and the tests use the same numbers.
 */

const DAY_MS = 86_400_000;

/** One calendar week (Monday 00:00 to the next Monday 00:00, Asia/Shanghai). */
export interface RateWeek {
  start: Date;
  end: Date;
}

/** The instants a month's visit rate is judged on. */
export interface VisitRateWindow {
  month: string;
  monthStart: Date;
  monthEnd: Date;
  /** Start of the rolling quarter ending with this month (two months before its start). */
  quarterStart: Date;
  /**
   * The weeks of the month: those whose Monday falls in it (a week crossing a month end belongs to
   * the month of its Monday, so every week is judged exactly once), and only those begun by `now`.
   */
  weeks: RateWeek[];
  /** Visits count up to here: the month's end, or the end of its last week if that is later. */
  visitsUntil: Date;
}

/** The window of `month` (YYYY-MM) as seen at `now`. */
export function visitRateWindow(month: string, now: Date): VisitRateWindow {
  const { start, end } = monthRange(month);
  const weeks: RateWeek[] = [];
  let monday = weekStart(start);
  if (monday < start) monday = new Date(monday.getTime() + 7 * DAY_MS);
  for (; monday < end && monday <= now; monday = new Date(monday.getTime() + 7 * DAY_MS)) {
    weeks.push({ start: monday, end: new Date(monday.getTime() + 7 * DAY_MS) });
  }
  const lastWeekEnd = weeks.length ? weeks[weeks.length - 1]!.end : end;
  return {
    month,
    monthStart: start,
    monthEnd: end,
    quarterStart: monthStart(start, -2),
    weeks,
    visitsUntil: lastWeekEnd > end ? lastWeekEnd : end,
  };
}

/** A target the month did not reach, as the pipeline answers it: never the full name. */
export interface MissedTargetRow {
  targetId: string;
  stationId: string;
  /** First character of the name and its length, so the name can be shown masked (王**). */
  nameHead: string;
  nameLength: number;
}

/** One group of targets as the aggregation answers it. */
export interface VisitRateRow {
  /** The child station the targets roll up into (null: the station's own, 本级). */
  child: string | null;
  tier: RiskTier;
  categories: TargetCategory[];
  /** Whether these targets needed a visit this month at all (a weekly target before its first week did not). */
  due: boolean;
  /** Whether every visit their tier required this month happened. */
  reached: boolean;
  n: number;
  /** Some of the group's targets, for the "not reached" list (filled only for due and not reached). */
  missed: MissedTargetRow[];
}

/** Due, visited and the rate (permille of due, rounded half up; 0 when nobody was due). */
export interface VisitRateFigures {
  due: number;
  visited: number;
  ratePermille: number;
}

/** A not-reached target in the report: masked name, where, which tier. */
export interface NotReachedTarget {
  targetId: string;
  maskedName: string;
  stationId: string;
  /** The child station it rolls up into, or the station itself (本级). */
  childStationName: string;
  tier: RiskTier;
}

/** The visit section of a 月报. */
export interface VisitRateSection extends VisitRateFigures {
  month: string;
  notVisited: number;
  byTier: (VisitRateFigures & { tier: RiskTier })[];
  byCategory: (VisitRateFigures & { category: TargetCategory })[];
  children: (VisitRateFigures & { stationId: string | null; stationName: string })[];
  notReached: NotReachedTarget[];
  notReachedTotal: number;
}

/** How many not-reached targets a report lists (the plan's 逾期 list has them all). */
export const NOT_REACHED_LIMIT = 100;

function figures(due: number, visited: number): VisitRateFigures {
  return { due, visited, ratePermille: due > 0 ? Math.round((visited * 1000) / due) : 0 };
}

/** `王**` from the name's first character and length (one-character names stay as they are). */
export function maskedFromHead(head: string, length: number): string {
  return length <= 1 ? head : `${head}${'*'.repeat(Math.min(length - 1, 3))}`;
}

/**
 * Folds the aggregation's rows into the section. Children come in display order and get a row
 * each (zeros included) plus 本级 last, so the children always add up to the total: every target
 * rolls into exactly one child.
 */
export function foldVisitRate(
  rows: readonly VisitRateRow[],
  context: {
    month: string;
    children: readonly { stationId: string; stationName: string }[];
    ownName: string;
  },
): VisitRateSection {
  const tally = () => ({ due: 0, visited: 0 });
  const total = tally();
  const tiers = new Map<RiskTier, { due: number; visited: number }>(RISK_TIER_KEYS.map((t) => [t, tally()]));
  const categories = new Map<TargetCategory, { due: number; visited: number }>();
  const children = new Map<string | null, { due: number; visited: number }>();
  const missed: (MissedTargetRow & { child: string | null; tier: RiskTier })[] = [];
  let notReachedTotal = 0;

  for (const row of rows) {
    if (!row.due) continue;
    const visited = row.reached ? row.n : 0;
    const add = (t: { due: number; visited: number }) => {
      t.due += row.n;
      t.visited += visited;
    };
    add(total);
    add(tiers.get(row.tier)!);
    for (const category of row.categories) {
      if (!categories.has(category)) categories.set(category, tally());
      add(categories.get(category)!);
    }
    if (!children.has(row.child)) children.set(row.child, tally());
    add(children.get(row.child)!);
    if (!row.reached) {
      notReachedTotal += row.n;
      for (const m of row.missed) missed.push({ ...m, child: row.child, tier: row.tier });
    }
  }

  const order = [...context.children.map((c) => c.stationId as string | null), null];
  const nameOf = new Map<string | null, string>([
    ...context.children.map((c) => [c.stationId, c.stationName] as const),
    [null, `${context.ownName}（本级）`],
  ]);
  missed.sort(
    (a, b) =>
      order.indexOf(a.child) - order.indexOf(b.child) ||
      RISK_TIER_KEYS.indexOf(a.tier) - RISK_TIER_KEYS.indexOf(b.tier) ||
      // By code unit, not localeCompare: ids mix cases, and the order must not depend on the runtime's ICU.
      (a.targetId < b.targetId ? -1 : a.targetId > b.targetId ? 1 : 0),
  );

  return {
    month: context.month,
    ...figures(total.due, total.visited),
    notVisited: total.due - total.visited,
    byTier: RISK_TIER_KEYS.map((tier) => ({ tier, ...figures(tiers.get(tier)!.due, tiers.get(tier)!.visited) })),
    byCategory: TARGET_CATEGORY_KEYS.filter((c) => categories.has(c)).map((category) => ({
      category,
      ...figures(categories.get(category)!.due, categories.get(category)!.visited),
    })),
    children: order.map((stationId) => {
      const t = children.get(stationId) ?? tally();
      return { stationId, stationName: nameOf.get(stationId) ?? '', ...figures(t.due, t.visited) };
    }),
    notReached: missed.slice(0, NOT_REACHED_LIMIT).map((m) => ({
      targetId: m.targetId,
      maskedName: maskedFromHead(m.nameHead, m.nameLength),
      stationId: m.stationId,
      childStationName: nameOf.get(m.child) ?? '',
      tier: m.tier,
    })),
    notReachedTotal,
  };
}

/** `128/134（95.5%）` — visited of due, with the rate. */
export function formatVisitRate(f: VisitRateFigures): string {
  return f.due === 0 ? '0/0（本月无应访对象）' : `${f.visited}/${f.due}（${(f.ratePermille / 10).toFixed(1)}%）`;
}

/** The console card's line: `本月探访 128/134，6 人未访`. */
export function visitCardLine(f: VisitRateFigures): string {
  if (f.due === 0) return '本月暂无应访对象';
  const missing = f.due - f.visited;
  return missing > 0 ? `本月探访 ${f.visited}/${f.due}，${missing} 人未访` : `本月探访 ${f.visited}/${f.due}，全部已访`;
}
