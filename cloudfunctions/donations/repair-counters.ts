import { counterDrift } from '../../shared/domain/counters';
import type { CounterRepairJob } from '../core/counter-repair';
import { appendAudit } from '../core/repositories/audit';
import { COLLECTIONS } from '../core/repositories/base';
import { correctNeedCounters, countNeedRows, findNeedsByIds } from '../core/repositories/donations';

/**
 * The `lapse` timer's recount of each need's `pledgedQuantity` and `receivedQuantity` from its
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
      const rows = counts.get(need._id) ?? { pledgedQuantity: 0, receivedQuantity: 0, lastChange: null };
      if (need.updatedAt > before || (rows.lastChange !== null && rows.lastChange > before)) continue;
      const fromRows = { pledgedQuantity: rows.pledgedQuantity, receivedQuantity: rows.receivedQuantity };
      const drift = counterDrift(
        { pledgedQuantity: need.pledgedQuantity, receivedQuantity: need.receivedQuantity },
        fromRows,
      );
      const now = deps.now();
      if (!drift || !(await correctNeedCounters(deps.db, { seen: need, set: fromRows, now }))) continue;
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
