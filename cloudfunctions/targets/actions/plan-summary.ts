import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { countPlan } from '../../core/repositories/targets';
import { countVisitQueues } from '../../core/repositories/visits';
import type { RiskTier, TargetCategory } from '../../../shared/domain/targets';
import { caseloadOf, existingStation, policyFor, readerFor } from '../support';

/**
 * The plan's tab counts (with the list's caseload, tier and category filters) and the two visit
 * queues of a station subtree (counts only: nothing logged).
 */
export async function planSummary(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; mine: boolean; responsibleWorkerId?: string; category?: TargetCategory; tier?: RiskTier },
) {
  const reader = readerFor(deps, caller, 'list');
  const station = await existingStation(deps, input.stationId);
  const policy = await policyFor(deps, station.path[0]!);
  const [plan, queues] = await Promise.all([
    countPlan(deps.db, reader, {
      station,
      policy,
      workerId: caseloadOf(reader, input),
      category: input.category,
      tier: input.tier,
    }),
    countVisitQueues(deps.db, reader, station),
  ]);
  return { ...plan, ...queues };
}
