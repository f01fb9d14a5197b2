import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { buildMonthlyReport, reportScope } from '../build-report';

/** The monthly report of a station subtree the caller may read. */
export async function monthly(deps: Deps, caller: Caller, input: { stationId: string; month: string }) {
  return buildMonthlyReport(deps, await reportScope(deps, caller, input.stationId, input.month), input.month);
}
