import { counterDrift } from '../../shared/domain/counters';
import type { CounterRepairJob } from '../core/counter-repair';
import { appendAudit } from '../core/repositories/audit';
import { COLLECTIONS } from '../core/repositories/base';
import type { NeedDoc } from '../core/documents';
import { correctNeedCounters, countNeedRows, findNeedsByIds } from '../core/repositories/donations';

type NeedCounters = Pick<NeedDoc, 'pledgedQuantity' | 'receivedQuantity'> & {
  openByDonor?: Record<string, number>;
};

/**
 * A need's counters as one flat record (`openByDonor.<donor>` per donor, a missing entry 0), over
 * the donors either side names, so the stored and the recounted values compare key by key.
 */
function needCounterValues(counters: NeedCounters, other: NeedCounters = counters): Record<string, number> {
  const values: Record<string, number> = {
    pledgedQuantity: counters.pledgedQuantity,
    receivedQuantity: counters.receivedQuantity,
  };
  const donors = new Set([...Object.keys(counters.openByDonor ?? {}), ...Object.keys(other.openByDonor ?? {})]);
  for (const donor of [...donors].sort()) values[`openByDonor.${donor}`] = counters.openByDonor?.[donor] ?? 0;
  return values;
}

/**
 * The `lapse` timer's recount of each need's `pledgedQuantity`, `receivedQuantity` and each
 * donor's undelivered share (`openByDonor`, the cap in docs/security.md) from its
 * pledge rows (issue 10: a crash between the need's counter write and the pledge's row write
 * must heal within one timer run). See `runCounterRepair` for which needs and when.
 */
export const needCounterRepair: CounterRepairJob = {
  name: 'needs',
  parents: COLLECTIONS.needs,
  rows: { collection: COLLECTIONS.pledges, parentField: 'needId' },
  async recount(deps, needIds, before) {
    // The need first, then its rows (as for seats: see activities/repair-counters.ts).
    const needs = await findNeedsByIds(deps.db, needIds);
    const counts = await countNeedRows(deps.db, needIds);
    let corrected = 0;
    for (const need of needs) {
      const rows = counts.get(need._id) ?? {
        pledgedQuantity: 0,
        receivedQuantity: 0,
        openByDonor: {},
        lastChange: null,
      };
      if (need.updatedAt > before || (rows.lastChange !== null && rows.lastChange > before)) continue;
      const drift = counterDrift(needCounterValues(need, rows), needCounterValues(rows, need));
      const now = deps.now();
      const set = {
        pledgedQuantity: rows.pledgedQuantity,
        receivedQuantity: rows.receivedQuantity,
        openByDonor: rows.openByDonor,
      };
      if (!drift || !(await correctNeedCounters(deps.db, { seen: need, set, now }))) continue;
      await appendAudit(deps.db, {
        at: now,
        actorId: 'system',
        action: 'need.recountCounters',
        entity: 'need',
        entityId: need._id,
        stationId: need.stationId,
        from: drift.from,
        to: drift.to,
        reason: '认捐计数与认捐记录不一致，已按记录重新计数',
      });
      corrected++;
    }
    return corrected;
  },
};
