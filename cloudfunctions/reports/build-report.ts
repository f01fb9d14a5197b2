import { ACTIVITY_CATEGORY_KEYS } from '../../shared/domain/activity';
import { can } from '../../shared/domain/policy';
import {
  foldMonth,
  indicatorsFrom,
  INDICATOR_KEYS,
  INDICATORS,
  monthProblem,
  previousMonth,
  splitMonthPair,
  subtreeCounts,
  ZERO_COUNTS,
} from '../../shared/domain/report';
import { monthKey, monthRange } from '../../shared/domain/time';
import { AppError } from '../../shared/errors';
import { stationWithPermission } from '../core/authorize';
import type { Caller } from '../core/caller';
import type { Deps } from '../core/deps';
import type { StationDoc } from '../core/documents';
import { aggregateMonthPair, findReportScope, type ReportScope } from '../core/repositories/reports';
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
 * What a 月报 of `month` is about, in one read (`findReportScope`): the station — NOT_FOUND when
 * it does not exist, FORBIDDEN outside the caller's subtree — its children and its new volunteers.
 */
export async function reportScope(deps: Deps, caller: Caller, stationId: string, month: string): Promise<ReportScope> {
  assertReportableMonth(month, deps.now());
  const scope = await findReportScope(deps.db, { stationId, ...monthsOf(month) });
  if (!scope) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  if (!can(caller, 'report:read', { stationPath: scope.station.path })) throw new AppError('FORBIDDEN');
  return scope;
}

/**
 * The 月报 of a station subtree for `month` and the month before: five aggregations over both
 * months (`aggregateMonthPair`) beside the scope's one read, the visit section's two calls and the
 * order section's one, whatever the data size (ADR 0011): with the caller's row, ten.
 */
export async function buildMonthlyReport(deps: Deps, scope: ReportScope, month: string) {
  const { station, children } = scope;
  const prev = previousMonth(month);
  const [pair, visitRows, orders] = await Promise.all([
    aggregateMonthPair(deps.db, { stationId: station._id, depth: station.path.length - 1, ...monthsOf(month) }),
    loadVisitRows(deps, station, month),
    loadOrderSection(deps, station, month),
  ]);
  const months = splitMonthPair({ ...pair, newVolunteers: scope.newVolunteers });
  const current = foldMonth(months.current);
  const now = indicatorsFrom(subtreeCounts(current));
  const then = indicatorsFrom(subtreeCounts(foldMonth(months.previous)));
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

/** The month reported and the month before, as ranges of instants (Asia/Shanghai months). */
function monthsOf(month: string): { current: { start: Date; end: Date }; previous: { start: Date; end: Date } } {
  return { current: monthRange(month), previous: monthRange(previousMonth(month)) };
}
