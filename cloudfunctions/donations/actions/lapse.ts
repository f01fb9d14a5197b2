import { PLEDGE_LAPSE_GRACE_DAYS } from '../../../shared/domain/donation';
import { runCounterRepair } from '../../core/counter-repair';
import type { Deps } from '../../core/deps';
import {
  findNeedsPastDeadline,
  findPledgesToLapse,
  transitionNeed,
  transitionPledge,
} from '../../core/repositories/donations';
import { pledgeLeavesOpen } from '../need-counters';
import { needCounterRepair } from '../repair-counters';

/** How much one timer run handles at most. */
const LAPSE_LIMIT = 100;

/**
 * Timer, every 5 minutes (as often as `sweep`, so a need's counters heal as soon as a seat's):
 * pledges never delivered lapse a week after their expected date; needs past deadline expire;
 * the pledged and received counters of needs that changed since the last run are recounted from
 * their pledges (`needCounterRepair`).
 */
export async function lapse(deps: Deps): Promise<{
  lapsed: number;
  expiredNeeds: number;
  countersChecked: number;
  countersCorrected: number;
  countersCaughtUp: boolean;
}> {
  const now = deps.now();
  let lapsed = 0;
  for (const p of await findPledgesToLapse(
    deps.db,
    new Date(now.getTime() - PLEDGE_LAPSE_GRACE_DAYS * 86400_000),
    LAPSE_LIMIT,
  )) {
    const done = await transitionPledge(deps.db, {
      pledgeId: p._id,
      from: ['pledged'],
      set: { status: 'lapsed' },
      event: { at: now, label: '逾期未送达，认捐已失效' },
      now,
    });
    if (!done) continue;
    lapsed++;
    await pledgeLeavesOpen(deps, p, { now });
  }
  let expiredNeeds = 0;
  for (const n of await findNeedsPastDeadline(deps.db, now, LAPSE_LIMIT)) {
    if (await transitionNeed(deps.db, { needId: n._id, from: 'open', to: 'expired', now })) expiredNeeds++;
  }
  const repair = await runCounterRepair(deps, needCounterRepair);
  return {
    lapsed,
    expiredNeeds,
    countersChecked: repair.checked,
    countersCorrected: repair.corrected,
    countersCaughtUp: repair.caughtUp,
  };
}
