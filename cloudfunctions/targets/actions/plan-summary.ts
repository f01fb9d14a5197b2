import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { countPlan } from '../../core/repositories/targets';
import { countVisitQueues } from '../../core/repositories/visits';
import { existingStation, policyFor, readerFor } from '../support';

/** The plan's tab counts and the two visit queues of a station subtree (counts only: nothing logged). */
export async function planSummary(deps: Deps, caller: Caller, input: { stationId: string; mine: boolean }) {
  const reader = readerFor(deps, caller, 'list');
  const station = await existingStation(deps, input.stationId);
  const policy = await policyFor(deps, station.path[0]!);
  const [plan, queues] = await Promise.all([
    countPlan(deps.db, reader, { station, policy, workerId: input.mine ? reader.caller.userId : undefined }),
    countVisitQueues(deps.db, reader, station),
  ]);
  return { ...plan, ...queues };
}
