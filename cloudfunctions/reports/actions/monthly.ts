import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { assertReportableMonth, buildMonthlyReport, reportStation } from '../build-report';

/** The monthly report of a station subtree the caller may read. */
export async function monthly(deps: Deps, caller: Caller, input: { stationId: string; month: string }) {
  const station = await reportStation(deps, caller, input.stationId);
  assertReportableMonth(input.month, deps.now());
  return buildMonthlyReport(deps, station, input.month);
}
