import { ACTIVITY_CATEGORY_KEYS } from '../../shared/domain/activity';
import {
  foldMonth,
  indicatorsFrom,
  INDICATOR_KEYS,
  INDICATORS,
  monthProblem,
  previousMonth,
  subtreeCounts,
  ZERO_COUNTS,
} from '../../shared/domain/report';
import { monthKey, monthRange } from '../../shared/domain/time';
import { AppError } from '../../shared/errors';
import { stationWithPermission } from '../core/authorize';
import type { Caller } from '../core/caller';
import type { Deps } from '../core/deps';
import type { StationDoc } from '../core/documents';
import { aggregateMonth } from '../core/repositories/reports';
import { findChildStations } from '../core/repositories/stations';
import { loadOrderSection } from './order-section';
import { loadVisitRows, visitSection } from './visit-section';

/** The station, checked for existence and the caller's right to read its reports. */
export async function reportStation(deps: Deps, caller: Caller, stationId: string): Promise<StationDoc> {
  return stationWithPermission(deps, caller, stationId, 'report:read');
}

/** Refuse malformed months and months that have not begun (Asia/Shanghai). */
export function assertReportableMonth(month: string, now: Date): void {
  const problem = monthProblem(month, monthKey(now));
  if (problem === 'INVALID_INPUT') throw new AppError('INVALID_INPUT', { fields: { month: '月份格式为 YYYY-MM' } });
  if (problem) throw new AppError(problem);
}

/**
 * The 月报 of a station subtree for `month` and the month before: a constant number of database
 * calls (two reads + ten aggregations per month, and the visit section's two) whatever the data size.
 */
export async function buildMonthlyReport(deps: Deps, station: StationDoc, month: string) {
  const depth = station.path.length - 1;
  const prev = previousMonth(month);
  const [children, currentRows, beforeRows, visitRows, orders] = await Promise.all([
    findChildStations(deps.db, station._id),
    aggregateMonth(deps.db, { stationId: station._id, depth, ...rangeOf(month) }),
    aggregateMonth(deps.db, { stationId: station._id, depth, ...rangeOf(prev) }),
    loadVisitRows(deps, station, month),
    loadOrderSection(deps, station, month),
  ]);
  const current = foldMonth(currentRows);
  const now = indicatorsFrom(subtreeCounts(current));
  const then = indicatorsFrom(subtreeCounts(foldMonth(beforeRows)));
  const visits = visitSection(visitRows, { station, month, children });
  const childRows = [
    ...children.map((c) => ({ stationId: c._id as string | null, stationName: c.name })),
    { stationId: null, stationName: `${station.name}（本级）` },
  ].map((row) => ({ ...row, values: indicatorsFrom(current.byChild.get(row.stationId) ?? { ...ZERO_COUNTS }) }));
  return {
    stationId: station._id,
    stationName: station.name,
    tier: station.tier,
    month,
    previousMonth: prev,
    indicators: INDICATOR_KEYS.map((key) => ({
      key,
      label: INDICATORS[key].label,
      unit: INDICATORS[key].unit,
      value: now[key],
      previous: then[key],
      change: now[key] - then[key],
    })),
    byCategory: ACTIVITY_CATEGORY_KEYS.map((category) => ({
      category,
      ...(current.byCategory.get(category) ?? { activities: 0, attendances: 0 }),
    })).filter((row) => row.activities > 0 || row.attendances > 0),
    children: childRows,
    visits,
    orders: orders.withChildren(children),
    generatedAt: deps.now(),
  };
}

function rangeOf(month: string): { from: Date; to: Date } {
  const { start, end } = monthRange(month);
  return { from: start, to: end };
}
