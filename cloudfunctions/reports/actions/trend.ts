import { foldTrend } from '../../../shared/domain/report';
import { monthRange } from '../../../shared/domain/time';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { bucketByMonth } from '../../core/repositories/reports';
import { assertReportableMonth, reportStation } from '../build-report';

/** Month keys ending at `end`, oldest first. */
function monthsEndingAt(end: string, count: number): string[] {
  const [y, m] = end.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const total = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
}

/** Attendances, activities and volunteer hours per month for charts — three bucketed aggregations. */
export async function trend(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; endMonth: string; months: number },
) {
  const station = await reportStation(deps, caller, input.stationId);
  assertReportableMonth(input.endMonth, deps.now());
  const months = monthsEndingAt(input.endMonth, input.months);
  const boundaries = [...months.map((m) => monthRange(m).start), monthRange(months[months.length - 1]!).end];
  const buckets = foldTrend(await bucketByMonth(deps.db, station._id, boundaries), boundaries);
  return {
    points: months.map((month, i) => ({ month, ...buckets[i]! })),
  };
}
