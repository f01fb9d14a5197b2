import type { Deps } from '../../core/deps';
import {
  correctLastVisit,
  findLastVisitsAfter,
  findReconcileCursor,
  saveReconcileCursor,
} from '../../core/repositories/targets';
import { latestCountedVisits } from '../../core/repositories/visits';
import { auditTarget } from '../support';

/** Records checked per run: a bounded amount of work per timer invocation. */
const BATCH = 200;

/**
 * Timer: recompute the cached `lastVisitAt` of a batch of records from their visit rows (rows are
 * the truth) and correct any that drifted — e.g. a crash between storing a visit and raising the
 * cache. Walks the collection by id, a batch per run, and starts over at the end. Each correction
 * is a conditional write on the value it read, and is audited.
 */
export async function reconcile(deps: Deps): Promise<{ checked: number; corrected: number }> {
  const cursor = await findReconcileCursor(deps.db);
  const batch = await findLastVisitsAfter(deps.db, cursor, BATCH);
  const truth = await latestCountedVisits(
    deps.db,
    batch.map((t) => t._id),
  );
  let corrected = 0;
  for (const target of batch) {
    const next = truth.get(target._id) ?? null;
    const stored = target.lastVisitAt ? new Date(target.lastVisitAt) : null;
    if ((stored?.getTime() ?? null) === (next?.getTime() ?? null)) continue;
    if (await correctLastVisit(deps.db, target._id, { expected: target.lastVisitAt ?? null, next })) {
      corrected++;
      await auditTarget(deps, {
        actorId: 'system',
        action: 'target.repairLastVisit',
        entityId: target._id,
        stationId: target.stationId,
        from: { lastVisitAt: stored },
        to: { lastVisitAt: next },
      });
    }
  }
  await saveReconcileCursor(deps.db, batch.length < BATCH ? '' : batch[batch.length - 1]!._id);
  return { checked: batch.length, corrected };
}
