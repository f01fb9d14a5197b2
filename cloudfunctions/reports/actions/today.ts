import type { IndicatorKey } from '../../../shared/domain/report';
import { dayRange, monthKey } from '../../../shared/domain/time';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { consoleCounts } from '../../core/repositories/reports';
import { buildMonthlyReport, reportScope } from '../build-report';

/** The console (工作台) of one station: today's activities and door counts, queues, this month. */
export async function today(deps: Deps, caller: Caller, input: { stationId: string }) {
  const now = deps.now();
  const scope = await reportScope(deps, caller, input.stationId, monthKey(now));
  const { station } = scope;
  const { start, end } = dayRange(now);
  const [counts, report] = await Promise.all([
    consoleCounts(deps.db, {
      stationId: station._id,
      dayStart: start,
      dayEnd: end,
      now,
      weekEnd: new Date(now.getTime() + 7 * 86400_000),
    }),
    buildMonthlyReport(deps, scope, monthKey(now)),
  ]);
  return {
    stationId: station._id,
    stationName: station.name,
    activitiesToday: counts.activitiesToday,
    queues: counts.queues,
    month: report.month,
    monthFigures: Object.fromEntries(report.indicators.map((row) => [row.key, row.value])) as Record<
      IndicatorKey,
      number
    >,
    visits: {
      due: report.visits.due,
      visited: report.visits.visited,
      notVisited: report.visits.notVisited,
      ratePermille: report.visits.ratePermille,
    },
  };
}
