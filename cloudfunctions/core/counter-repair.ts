import { settledBefore } from '../../shared/domain/counters';
import type { Deps } from './deps';
import { findChangedSince, readRepairCursor, saveRepairCursor } from './repositories/changes';

/**
 * A recount of counters kept on `parents` documents from their rows in `rows` (ARCHITECTURE:
 * "counters beside rows"). A crash can split a counter from its rows in either order — the
 * parent written and the row not, or the row and not the parent — so both are watched.
 */
export interface CounterRepairJob {
  /** Names the job's cursor. */
  name: string;
  /** The collection holding the counters (by `_id`). */
  parents: string;
  /** The collection of rows and the field naming their parent. */
  rows: { collection: string; parentField: string };
  /**
   * Recount the given parents from their rows and correct those that drifted, skipping any that
   * changed after `before` (a request may still be half-way); answers how many it corrected.
   */
  recount(deps: Deps, parentIds: string[], before: Date): Promise<number>;
}

/** How many parents one run looks at from each source, so a timer run stays within its limit. */
export const REPAIR_BATCH = 50;

/**
 * One run of a recount job: every parent whose document or rows changed since the last run and
 * have been at rest for `COUNTERS_SETTLE_MS` is recounted once — at most `REPAIR_BATCH` per
 * source, the rest on the next run (the cursor remembers where this one stopped). A parent that
 * is still moving is left: its newer change brings it up again later. Calls per run: a cursor
 * read and write, one aggregation per source, and what `recount` needs.
 */
export async function runCounterRepair(
  deps: Deps,
  job: CounterRepairJob,
): Promise<{ checked: number; corrected: number }> {
  const through = settledBefore(deps.now());
  const cursor = await readRepairCursor(deps.db, job.name);
  const epoch = new Date(0);
  const [parents, rows] = await Promise.all([
    findChangedSince(deps.db, {
      collection: job.parents,
      field: '_id',
      after: cursor.parents ?? epoch,
      through,
      limit: REPAIR_BATCH,
    }),
    findChangedSince(deps.db, {
      collection: job.rows.collection,
      field: job.rows.parentField,
      after: cursor.rows ?? epoch,
      through,
      limit: REPAIR_BATCH,
    }),
  ]);
  const ids = [...new Set([...parents.ids, ...rows.ids])];
  const corrected = ids.length > 0 ? await job.recount(deps, ids, through) : 0;
  await saveRepairCursor(deps.db, job.name, { parents: parents.next, rows: rows.next });
  return { checked: ids.length, corrected };
}
