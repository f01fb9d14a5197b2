import { permille } from './report';
import {
  ORDER_CATEGORY_KEYS,
  ORDER_CHANNEL_KEYS,
  SATISFIED_MIN,
  type OrderCategory,
  type OrderChannel,
} from './orders';

/**
 * The service-order section of the 月报. An order belongs to the month it was placed in
 * (Asia/Shanghai). Counts are integers and add up across stations, so a 站 is the sum of its
 * 室 and its own work, and a 中心 the sum of its 站:
 *
 * - `received`: orders placed (受理量), every channel.
 * - `responseDue` / `respondedOnTime`: orders the station answered (took, declined or referred)
 *   or whose response deadline has passed by the time the report is made; of those, answered by
 *   the deadline → 响应率. Orders the resident withdrew are left out.
 * - `completionDue` / `completedOnTime`: orders a worker closed (done or could-not-be-done with a
 *   reason, as 12345 counts 办结) or whose completion deadline has passed; of those, closed by the
 *   deadline → 按时办结率. Declined, referred and withdrawn orders are left out.
 * - `rated`, `ratingSum`, `satisfied` (rated 4–5) → average rating and 满意率.
 */
export interface OrderCounts {
  received: number;
  responseDue: number;
  respondedOnTime: number;
  completionDue: number;
  completedOnTime: number;
  rated: number;
  ratingSum: number;
  satisfied: number;
}

export const ZERO_ORDER_COUNTS: OrderCounts = {
  received: 0,
  responseDue: 0,
  respondedOnTime: 0,
  completionDue: 0,
  completedOnTime: 0,
  rated: 0,
  ratingSum: 0,
  satisfied: 0,
};

const COUNT_KEYS = Object.keys(ZERO_ORDER_COUNTS) as (keyof OrderCounts)[];

/** The figures a report shows: counts plus rates in permille and the average rating in tenths. */
export interface OrderFigures extends OrderCounts {
  responseRatePermille: number;
  onTimeRatePermille: number;
  averageRatingTenths: number;
  satisfactionPermille: number;
}

/** Labels for the figures, in the words stations report them. */
export const ORDER_FIGURE_LABELS: Record<keyof OrderFigures, string> = {
  received: '受理服务单',
  responseDue: '应响应',
  respondedOnTime: '按时响应',
  responseRatePermille: '响应率',
  completionDue: '应办结',
  completedOnTime: '按时办结',
  onTimeRatePermille: '按时办结率',
  rated: '评价数',
  ratingSum: '评分合计',
  averageRatingTenths: '平均评分',
  satisfied: '满意（4–5分）',
  satisfactionPermille: '满意率',
};

/** Figures from counts. */
export function orderFiguresFrom(c: OrderCounts): OrderFigures {
  return {
    ...c,
    responseRatePermille: permille(c.respondedOnTime, c.responseDue),
    onTimeRatePermille: permille(c.completedOnTime, c.completionDue),
    averageRatingTenths: c.rated > 0 ? Math.round((c.ratingSum * 10) / c.rated) : 0,
    satisfactionPermille: permille(c.satisfied, c.rated),
  };
}

/** Sum of two sets of counts. */
export function addOrderCounts(a: OrderCounts, b: OrderCounts): OrderCounts {
  const out = { ...a };
  for (const key of COUNT_KEYS) out[key] = a[key] + b[key];
  return out;
}

/**
 * One row of the section's aggregation: counts of one (month, child station, category, channel)
 * group. `current` is 1 for the report month, 0 for the month before; `child` the child station
 * on the path, or null for the station's own orders (本级).
 */
export interface OrderReportRow extends Partial<OrderCounts> {
  current: number;
  child: string | null;
  category: string;
  channel: string;
}

/** The folded section: this month in total, per child, per category and per channel; last month's total. */
export interface FoldedOrderSection {
  total: OrderFigures;
  previous: OrderFigures;
  byChild: Map<string | null, OrderFigures>;
  byCategory: { category: OrderCategory; figures: OrderFigures }[];
  byChannel: { channel: OrderChannel; figures: OrderFigures }[];
}

/**
 * Folds the aggregation rows into the section, every figure per child, category and channel. Pure
 * and order-independent; unknown categories or
 * channels (from a newer writer) fall under 其他 / are dropped from the channel table, never lost
 * from the totals. Category and channel rows with nothing received are left out.
 */
export function foldOrderRows(rows: readonly OrderReportRow[]): FoldedOrderSection {
  let total = { ...ZERO_ORDER_COUNTS };
  let previous = { ...ZERO_ORDER_COUNTS };
  const byChild = new Map<string | null, OrderCounts>();
  const byCategory = new Map<OrderCategory, OrderCounts>();
  const byChannel = new Map<OrderChannel, OrderCounts>();
  for (const row of rows) {
    const counts = countsOf(row);
    if (row.current !== 1) {
      previous = addOrderCounts(previous, counts);
      continue;
    }
    total = addOrderCounts(total, counts);
    const child = typeof row.child === 'string' ? row.child : null;
    byChild.set(child, addOrderCounts(byChild.get(child) ?? ZERO_ORDER_COUNTS, counts));
    const category = (ORDER_CATEGORY_KEYS as readonly string[]).includes(row.category)
      ? (row.category as OrderCategory)
      : 'other';
    byCategory.set(category, addOrderCounts(byCategory.get(category) ?? ZERO_ORDER_COUNTS, counts));
    if ((ORDER_CHANNEL_KEYS as readonly string[]).includes(row.channel)) {
      const channel = row.channel as OrderChannel;
      byChannel.set(channel, addOrderCounts(byChannel.get(channel) ?? ZERO_ORDER_COUNTS, counts));
    }
  }
  return {
    total: orderFiguresFrom(total),
    previous: orderFiguresFrom(previous),
    byChild: new Map([...byChild].map(([k, v]) => [k, orderFiguresFrom(v)])),
    byCategory: ORDER_CATEGORY_KEYS.flatMap((category) => {
      const c = byCategory.get(category);
      return c && c.received > 0 ? [{ category, figures: orderFiguresFrom(c) }] : [];
    }),
    byChannel: ORDER_CHANNEL_KEYS.flatMap((channel) => {
      const c = byChannel.get(channel);
      return c && c.received > 0 ? [{ channel, figures: orderFiguresFrom(c) }] : [];
    }),
  };
}

function countsOf(row: Partial<OrderCounts>): OrderCounts {
  const out = { ...ZERO_ORDER_COUNTS };
  for (const key of COUNT_KEYS) {
    const value = Number(row[key] ?? 0);
    out[key] = Number.isFinite(value) ? value : 0;
  }
  return out;
}

/** Whether a score counts as satisfied (满意率's numerator). */
export function isSatisfied(score: number): boolean {
  return score >= SATISFIED_MIN;
}

/** `3.5 分` from tenths; `—` when nothing was rated. */
export function formatAverageRating(tenths: number, rated: number): string {
  return rated > 0 ? `${(tenths / 10).toFixed(1)} 分` : '—';
}

/** `85.7%` from permille; `—` when nothing was due. */
export function formatPermille(value: number, denominator: number): string {
  return denominator > 0 ? `${(value / 10).toFixed(1)}%` : '—';
}

/** One line of a breakdown (a channel, a category): received and every rate, as the 月报 screen shows it. */
export function orderFiguresLine(label: string, f: OrderFigures): string {
  return [
    `${label}：${f.received} 张`,
    `响应率 ${formatPermille(f.responseRatePermille, f.responseDue)}`,
    `按时办结率 ${formatPermille(f.onTimeRatePermille, f.completionDue)}`,
    `平均评分 ${formatAverageRating(f.averageRatingTenths, f.rated)}`,
    `满意率 ${formatPermille(f.satisfactionPermille, f.rated)}`,
  ].join(' · ');
}
