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

/** How many parents one page looks at from each source. */
export const REPAIR_BATCH = 50;

/**
 * Pages per run: a run looks at up to `REPAIR_BATCH × REPAIR_PAGES` (500) changed parents per
 * source, at about 4 database calls a page (two aggregations, the parents and their row counts)
 * and more only for what drifted, so a timer run stays a bounded piece of work. Up to that many
 * parents changing between two runs, every run catches up to its settle point; beyond it the rest
 * wait for the next run, oldest change first.
 */
export const REPAIR_PAGES = 10;

/**
 * One run of a recount job: every parent whose document or rows changed since the last run and
 * have been at rest for `COUNTERS_SETTLE_MS` is recounted once, page by page (`REPAIR_BATCH`
 * per source) until the run has caught up to the settle point or used `REPAIR_PAGES` pages. So
 * what a crash left is healed by the first run that starts `COUNTERS_SETTLE_MS` after it, however
 * many other parents changed up to the run's bound. A parent still moving is left:
 * its newer change brings it up again. Calls per run: a cursor read and write, and per page one
 * aggregation per source still behind plus what `recount` needs.
 */
export async function runCounterRepair(
  deps: Deps,
  job: CounterRepairJob,
): Promise<{ checked: number; corrected: number; caughtUp: boolean }> {
  const through = settledBefore(deps.now());
  const cursor = await readRepairCursor(deps.db, job.name);
  const sources = [
    { key: 'parents', collection: job.parents, field: '_id' },
    { key: 'rows', collection: job.rows.collection, field: job.rows.parentField },
  ];
  const done = new Set<string>();
  let checked = 0;
  let corrected = 0;
  for (let page = 0; page < REPAIR_PAGES && done.size < sources.length; page++) {
    const behind = sources.filter((source) => !done.has(source.key));
    const found = await Promise.all(
      behind.map((source) =>
        findChangedSince(deps.db, {
          collection: source.collection,
          field: source.field,
          after: cursor[source.key],
          through,
          limit: REPAIR_BATCH,
        }),
      ),
    );
    const ids = [...new Set(found.flatMap((f) => f.ids))];
    if (ids.length > 0) corrected += await job.recount(deps, ids, through);
    checked += ids.length;
    behind.forEach((source, i) => {
      cursor[source.key] = found[i]!.next;
      if (found[i]!.done) done.add(source.key);
    });
  }
  await saveRepairCursor(deps.db, job.name, cursor);
  return { checked, corrected, caughtUp: done.size === sources.length };
}
