import type { ActivityCategory } from './activity';
import { HOUR_BASE_KINDS } from './hours';

/**
 * The monthly report (月报) indicators, in the words stations use. Every value is an integer
 * (counts, minutes, fen) or a rate derived from integers here, so the same figure comes out of
 * the report, the export and the app's other views.
 */
export const INDICATORS = {
  activitiesHeld: { label: '开展活动', unit: '场' },
  groupActivities: { label: '其中：小组活动', unit: '场' },
  communityActivities: { label: '其中：社区活动', unit: '场' },
  bookings: { label: '报名人次', unit: '人次' },
  attendances: { label: '参加人次（签到）', unit: '人次' },
  attendanceRatePermille: { label: '到场率', unit: '‰' },
  noShowRatePermille: { label: '缺席率', unit: '‰' },
  residentsServed: { label: '服务人数（去重）', unit: '人' },
  averageRatingTenths: { label: '平均满意度', unit: '分×10' },
  ratings: { label: '评价人数', unit: '人' },
  verifiedMinutes: { label: '志愿服务时长（签到核实）', unit: '分钟' },
  topupMinutes: { label: '志愿服务时长（补录）', unit: '分钟' },
  activeVolunteers: { label: '参与志愿者', unit: '人' },
  newVolunteers: { label: '新登记志愿者', unit: '人' },
  pledgesReceived: { label: '接收捐赠', unit: '笔' },
  resourcesValueFen: { label: '链接社会资源价值', unit: '分' },
  goodsValueFen: { label: '其中：物资', unit: '分' },
  serviceValueFen: { label: '其中：服务', unit: '分' },
  fundsValueFen: { label: '其中：经慈善组织资金', unit: '分' },
  distributions: { label: '物资发放', unit: '次' },
} as const;
export type IndicatorKey = keyof typeof INDICATORS;
export const INDICATOR_KEYS = Object.keys(INDICATORS) as [IndicatorKey, ...IndicatorKey[]];

/** Counts every indicator is derived from; additive across stations (sum of children = parent). */
export interface ReportCounts {
  activitiesHeld: number;
  groupActivities: number;
  communityActivities: number;
  bookings: number;
  attendances: number;
  noShows: number;
  residentsServed: number;
  ratingSum: number;
  ratings: number;
  verifiedMinutes: number;
  topupMinutes: number;
  activeVolunteers: number;
  newVolunteers: number;
  pledgesReceived: number;
  goodsValueFen: number;
  serviceValueFen: number;
  fundsValueFen: number;
  distributions: number;
}

export const ZERO_COUNTS: ReportCounts = {
  activitiesHeld: 0,
  groupActivities: 0,
  communityActivities: 0,
  bookings: 0,
  attendances: 0,
  noShows: 0,
  residentsServed: 0,
  ratingSum: 0,
  ratings: 0,
  verifiedMinutes: 0,
  topupMinutes: 0,
  activeVolunteers: 0,
  newVolunteers: 0,
  pledgesReceived: 0,
  goodsValueFen: 0,
  serviceValueFen: 0,
  fundsValueFen: 0,
  distributions: 0,
};

/** Integer ratio in permille, rounded half up; 0 when there is nothing to divide by. */
export function permille(part: number, whole: number): number {
  return whole > 0 ? Math.round((part * 1000) / whole) : 0;
}

/** Indicator values from counts. Rates are permille of bookings; the rating is in tenths (4.6 → 46). */
export function indicatorsFrom(c: ReportCounts): Record<IndicatorKey, number> {
  return {
    activitiesHeld: c.activitiesHeld,
    groupActivities: c.groupActivities,
    communityActivities: c.communityActivities,
    bookings: c.bookings,
    attendances: c.attendances,
    attendanceRatePermille: permille(c.attendances, c.bookings),
    noShowRatePermille: permille(c.noShows, c.bookings),
    residentsServed: c.residentsServed,
    averageRatingTenths: c.ratings > 0 ? Math.round((c.ratingSum * 10) / c.ratings) : 0,
    ratings: c.ratings,
    verifiedMinutes: c.verifiedMinutes,
    topupMinutes: c.topupMinutes,
    activeVolunteers: c.activeVolunteers,
    newVolunteers: c.newVolunteers,
    pledgesReceived: c.pledgesReceived,
    resourcesValueFen: c.goodsValueFen + c.serviceValueFen + c.fundsValueFen,
    goodsValueFen: c.goodsValueFen,
    serviceValueFen: c.serviceValueFen,
    fundsValueFen: c.fundsValueFen,
    distributions: c.distributions,
  };
}

/** Add two sets of counts (roll-up). Distinct-person counts add as the children report them. */
export function addCounts(a: ReportCounts, b: ReportCounts): ReportCounts {
  const out = { ...a };
  for (const key of Object.keys(b) as (keyof ReportCounts)[]) out[key] = a[key] + b[key];
  return out;
}

/** One row of a `$group` answer: `_id` is the group key (an object of key fields, one value, or null). */
export interface AggregateRow {
  _id: unknown;
  [field: string]: unknown;
}

/**
 * The answers of one month's aggregations over a station subtree, each grouped by the child
 * station on the path (`child`; absent for the station's own, 本级, work):
 * - `activities`: `_id {child, category, method}`, `n`, `ratingSum`, `ratingCount` (held activities);
 * - `bookings`: `_id {child, status, category}`, `n` (seat-holding bookings);
 * - `residents` / `volunteers` / `newVolunteers` / `distributions`: `_id` child, `n`;
 * - `residentsTotal` / `volunteersTotal`: one row `_id null`, `n` — distinct across the subtree;
 * - `hours`: `_id {child, kind}` (the base kind), `minutes`;
 * - `pledges`: `_id {child, kind}` (need kind), `n`, `value` (received fen).
 */
export interface MonthRows {
  activities: AggregateRow[];
  bookings: AggregateRow[];
  residents: AggregateRow[];
  residentsTotal: AggregateRow[];
  hours: AggregateRow[];
  volunteers: AggregateRow[];
  volunteersTotal: AggregateRow[];
  newVolunteers: AggregateRow[];
  pledges: AggregateRow[];
  distributions: AggregateRow[];
}

/**
 * The answers of the report's pipelines over BOTH months at once (ADR 0011): every row's `_id`
 * carries `m` — 1 for the month reported, 0 for the month before — beside its group key.
 * - `activities`: `_id {m, child, category, method}`, `n`, `ratingSum`, `ratingCount`;
 * - `bookings`: `_id {m, c, s, k}` (child, status, category), `n`, and `people`: the distinct
 *   user ids of the group, from which the distinct residents per child and across the subtree
 *   are counted (those who checked in);
 * - `hours`: `_id {m, c, b, kind}` (child, base kind, kind), `minutes`, and `people`: the distinct
 *   volunteer ids, counted as active when the kind is one of `HOUR_BASE_KINDS`;
 * - `newVolunteers` / `distributions`: `_id {m, child}`, `n`; `pledges`: `_id {m, child, kind}`,
 *   `n`, `value`.
 *
 * `c` is `''` for the station's own (本级) work.
 */
export interface MonthPairRows {
  activities: AggregateRow[];
  bookings: AggregateRow[];
  hours: AggregateRow[];
  newVolunteers: AggregateRow[];
  pledges: AggregateRow[];
  distributions: AggregateRow[];
}

/**
 * Splits the two-month pipeline answers into one `MonthRows` per month, in the shapes `foldMonth`
 * reads (so the fold, and every figure, stay as they were). Pure.
 */
export function splitMonthPair(rows: MonthPairRows): { current: MonthRows; previous: MonthRows } {
  const empty = (): MonthRows => ({
    activities: [],
    bookings: [],
    residents: [],
    residentsTotal: [],
    hours: [],
    volunteers: [],
    volunteersTotal: [],
    newVolunteers: [],
    pledges: [],
    distributions: [],
  });
  const months = { 1: empty(), 0: empty() };
  const keyOf = (row: AggregateRow) =>
    row._id && typeof row._id === 'object' ? (row._id as Record<string, unknown>) : {};
  const monthOf = (row: AggregateRow) => months[keyOf(row).m === 1 ? 1 : 0];
  // `''` is how the bookings and hours pipelines name the station's own work; the fold names it by absence.
  const child = (c: unknown) => (typeof c === 'string' && c !== '' ? { child: c } : {});
  const childId = (c: unknown) => (typeof c === 'string' && c !== '' ? c : null);
  const strip = (row: AggregateRow) => {
    const { m: _month, ...key } = keyOf(row);
    return key;
  };
  for (const row of rows.activities) monthOf(row).activities.push({ ...row, _id: strip(row) });
  for (const row of rows.newVolunteers) monthOf(row).newVolunteers.push({ ...row, _id: childId(keyOf(row).child) });
  for (const row of rows.distributions) monthOf(row).distributions.push({ ...row, _id: childId(keyOf(row).child) });
  for (const row of rows.pledges) monthOf(row).pledges.push({ ...row, _id: strip(row) });
  // Distinct people: per month, the ids seen per child and across the subtree.
  const people = () => ({ 1: new Map<string, Set<string>>(), 0: new Map<string, Set<string>>() });
  const residents = people();
  const volunteers = people();
  const see = (seen: ReturnType<typeof people>, row: AggregateRow) => {
    const key = keyOf(row);
    const byChild = seen[key.m === 1 ? 1 : 0];
    const c = typeof key.c === 'string' ? key.c : '';
    const set = byChild.get(c) ?? new Set<string>();
    byChild.set(c, set);
    for (const id of Array.isArray(row.people) ? row.people : []) set.add(String(id));
  };
  for (const row of rows.bookings) {
    const key = keyOf(row);
    monthOf(row).bookings.push({ _id: { ...child(key.c), status: key.s, category: key.k }, n: row.n });
    if (key.s === 'checked_in') see(residents, row);
  }
  for (const row of rows.hours) {
    const key = keyOf(row);
    monthOf(row).hours.push({ _id: { ...child(key.c), kind: key.b }, minutes: row.minutes });
    if ((HOUR_BASE_KINDS as readonly unknown[]).includes(key.kind)) see(volunteers, row);
  }
  for (const m of [1, 0] as const) {
    const count = (byChild: Map<string, Set<string>>) => {
      const perChild = [...byChild].map(([c, set]) => ({ _id: childId(c), n: set.size })).filter((r) => r.n > 0);
      const total = new Set([...byChild.values()].flatMap((set) => [...set])).size;
      return { perChild, total: total > 0 ? [{ _id: null, n: total }] : [] };
    };
    const r = count(residents[m]);
    const v = count(volunteers[m]);
    months[m].residents = r.perChild;
    months[m].residentsTotal = r.total;
    months[m].volunteers = v.perChild;
    months[m].volunteersTotal = v.total;
  }
  return { current: months[1], previous: months[0] };
}

/** Activities and attendances of one category in a month. */
export interface CategoryCounts {
  activities: number;
  attendances: number;
}

/** One month of a subtree, folded: counts per child (`null` = 本级) and the subtree's distinct people. */
export interface MonthFigures {
  byChild: Map<string | null, ReportCounts>;
  /** Distinct people across the whole subtree (a person served in two rooms counts once here). */
  residentsServedTotal: number;
  activeVolunteersTotal: number;
  byCategory: Map<ActivityCategory, CategoryCounts>;
}

/** Folds a month's aggregation rows into counts per child station and per category. Pure. */
export function foldMonth(rows: MonthRows): MonthFigures {
  const byChild = new Map<string | null, ReportCounts>();
  const bump = (child: unknown, patch: Partial<ReportCounts>) => {
    const id = typeof child === 'string' ? child : null;
    const current = byChild.get(id) ?? { ...ZERO_COUNTS };
    for (const [k, v] of Object.entries(patch) as [keyof ReportCounts, number][]) current[k] += v;
    byChild.set(id, current);
  };
  const byCategory = new Map<ActivityCategory, CategoryCounts>();
  const addToCategory = (category: unknown, patch: Partial<CategoryCounts>) => {
    const c = category as ActivityCategory;
    const current = byCategory.get(c) ?? { activities: 0, attendances: 0 };
    byCategory.set(c, {
      activities: current.activities + (patch.activities ?? 0),
      attendances: current.attendances + (patch.attendances ?? 0),
    });
  };
  const key = (row: AggregateRow) =>
    row._id && typeof row._id === 'object' ? (row._id as Record<string, unknown>) : {};
  const n = (row: AggregateRow, field = 'n') => Number(row[field] ?? 0);

  for (const row of rows.activities) {
    const id = key(row);
    bump(id.child, {
      activitiesHeld: n(row),
      groupActivities: id.method === 'group' ? n(row) : 0,
      communityActivities: id.method === 'community' ? n(row) : 0,
      ratingSum: n(row, 'ratingSum'),
      ratings: n(row, 'ratingCount'),
    });
    addToCategory(id.category, { activities: n(row) });
  }
  for (const row of rows.bookings) {
    const id = key(row);
    bump(id.child, {
      bookings: n(row),
      attendances: id.status === 'checked_in' ? n(row) : 0,
      noShows: id.status === 'no_show' ? n(row) : 0,
    });
    if (id.status === 'checked_in') addToCategory(id.category, { attendances: n(row) });
  }
  for (const row of rows.residents) bump(row._id, { residentsServed: n(row) });
  for (const row of rows.hours) {
    const id = key(row);
    const minutes = n(row, 'minutes');
    bump(id.child, id.kind === 'topup' ? { topupMinutes: minutes } : { verifiedMinutes: minutes });
  }
  for (const row of rows.volunteers) bump(row._id, { activeVolunteers: n(row) });
  for (const row of rows.newVolunteers) bump(row._id, { newVolunteers: n(row) });
  for (const row of rows.pledges) {
    const id = key(row);
    const value = n(row, 'value');
    bump(id.child, {
      pledgesReceived: n(row),
      goodsValueFen: id.kind === 'goods' ? value : 0,
      serviceValueFen: id.kind === 'service' ? value : 0,
      fundsValueFen: id.kind === 'funds_via_charity' ? value : 0,
    });
  }
  for (const row of rows.distributions) bump(row._id, { distributions: n(row) });

  return {
    byChild,
    residentsServedTotal: rows.residentsTotal[0] ? n(rows.residentsTotal[0]) : 0,
    activeVolunteersTotal: rows.volunteersTotal[0] ? n(rows.volunteersTotal[0]) : 0,
    byCategory,
  };
}

/**
 * The counts of the whole subtree: every child's counts added, except distinct people, who are
 * counted once across the subtree rather than once per room.
 */
export function subtreeCounts(month: MonthFigures): ReportCounts {
  let sum = { ...ZERO_COUNTS };
  for (const counts of month.byChild.values()) sum = addCounts(sum, counts);
  return { ...sum, residentsServed: month.residentsServedTotal, activeVolunteers: month.activeVolunteersTotal };
}

/**
 * The answers of the trend's three `$bucket` aggregations over month boundaries: each row's `_id`
 * is the start of its month (the boundary it falls from; `'outside'` for none).
 * - `attended`: `n` (checked-in bookings by the activity's start);
 * - `held`: `n` (held activities by their start);
 * - `minutes`: `verified`, `topup` (hour entries by service date, per base kind).
 */
export interface TrendBucketRows {
  attended: AggregateRow[];
  held: AggregateRow[];
  minutes: AggregateRow[];
}

/** One month of the trend. */
export interface TrendFigures {
  attendances: number;
  activitiesHeld: number;
  verifiedMinutes: number;
  topupMinutes: number;
}

/**
 * Folds the trend's bucket rows into one figure per month between consecutive `boundaries`
 * (month starts, then the last month's end), oldest first. A month no row starts is all zeros;
 * rows outside the boundaries are ignored.
 */
export function foldTrend(rows: TrendBucketRows, boundaries: readonly Date[]): TrendFigures[] {
  const startOf = (row: AggregateRow) =>
    row._id instanceof Date || typeof row._id === 'string' ? new Date(row._id).getTime() : NaN;
  const at = (list: AggregateRow[], start: Date) => list.find((row) => startOf(row) === start.getTime());
  return boundaries.slice(0, -1).map((start) => ({
    attendances: Number(at(rows.attended, start)?.n ?? 0),
    activitiesHeld: Number(at(rows.held, start)?.n ?? 0),
    verifiedMinutes: Number(at(rows.minutes, start)?.verified ?? 0),
    topupMinutes: Number(at(rows.minutes, start)?.topup ?? 0),
  }));
}

/** The month before a `YYYY-MM` key. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The first month a report may cover. Nothing the app records is older, and a trend window
 * counting back from an earlier month would leave the four-digit years month keys are made of.
 */
export const EARLIEST_REPORT_MONTH = '2000-01';

/** Why a requested month is refused at `currentMonth`: malformed, before {@link EARLIEST_REPORT_MONTH} or in the future, else null. */
export function monthProblem(month: string, currentMonth: string): 'INVALID_INPUT' | 'MONTH_IN_FUTURE' | null {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month) || month < EARLIEST_REPORT_MONTH) return 'INVALID_INPUT';
  return month > currentMonth ? 'MONTH_IN_FUTURE' : null;
}

/** Human display of an indicator value (fen as yuan, minutes as hours, permille as %). */
export function formatIndicator(key: IndicatorKey, value: number): string {
  const unit = INDICATORS[key].unit;
  if (unit === '分') return `${(value / 100).toFixed(2)} 元`;
  if (unit === '分钟') return `${Math.round((value / 60) * 10) / 10} 小时`;
  if (unit === '‰') return `${(value / 10).toFixed(1)}%`;
  if (unit === '分×10') return value === 0 ? '—' : `${(value / 10).toFixed(1)} 分`;
  return `${value} ${unit}`;
}
