import type { RiskTier, TargetCategory, TargetStatus } from '../../../shared/domain/targets';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findTargetsPage } from '../../core/repositories/targets';
import { toListItem } from '../mappers';
import { caseloadOf, existingStation, policyFor, readerFor } from '../support';

/**
 * The roster and the plan of a station subtree: search by name, phone tail or address; filter by
 * category, tier, own or a colleague's caseload, plan view (逾期 / 本周应访 / 本月应访 / 本月已访) or closed records.
 * Two reads for the page, one for the centre's policy; the page is logged as a list read.
 */
export async function listTargets(
  deps: Deps,
  caller: Caller,
  input: {
    stationId: string;
    q?: string;
    category?: TargetCategory;
    tier?: RiskTier;
    mine: boolean;
    responsibleWorkerId?: string;
    due?: 'overdue' | 'week' | 'month' | 'done';
    status: TargetStatus;
    page: number;
    pageSize: number;
  },
) {
  const reader = readerFor(deps, caller, 'list');
  const station = await existingStation(deps, input.stationId);
  const policy = await policyFor(deps, station.path[0]!);
  const page = await findTargetsPage(
    deps.db,
    reader,
    {
      station,
      status: input.status,
      q: input.q || undefined,
      category: input.category,
      tier: input.tier,
      workerId: caseloadOf(reader, input),
      due: input.due && input.status === 'active' ? { view: input.due, policy, now: reader.now } : undefined,
    },
    input,
  );
  const ctx = { policy, now: reader.now, userId: reader.caller.userId };
  return { ...page, items: page.items.map((t) => toListItem(t, ctx)) };
}
