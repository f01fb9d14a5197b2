import type { Database } from '../deps';
import { COLLECTIONS, getById, insertUnlessExists, updatedCount } from './base';

/**
 * Where a recount job has got to: for each source it watches, the latest `updatedAt` it has
 * looked at. Kept in `counters` as `repair:<job>`.
 */
export type RepairCursor = Record<string, Date>;

/** A recount job's cursor (every source at the epoch on the first run). */
export async function readRepairCursor(db: Database, job: string): Promise<RepairCursor> {
  const doc = await getById<{ sources?: RepairCursor }>(db, COLLECTIONS.counters, `repair:${job}`);
  return doc?.sources ?? {};
}

/** Save a recount job's cursor (created on first use). */
export async function saveRepairCursor(db: Database, job: string, sources: RepairCursor): Promise<void> {
  const _ = db.command;
  const id = `repair:${job}`;
  const res = await db
    .collection(COLLECTIONS.counters)
    .where({ _id: id })
    .update({ sources: _.set(sources) });
  if (updatedCount(res) === 0) await insertUnlessExists(db, COLLECTIONS.counters, { _id: id, sources });
}

/**
 * The distinct values of `field` among documents of `collection` changed in (`after`, `through`]
 * (by `updatedAt`), those changed earliest first, at most `limit` — one aggregation. `next` is
 * where the following look should start: `through` when everything fitted, else just before the
 * last change included (a value cut off there comes up again next time, as it changed later).
 */
export async function findChangedSince(
  db: Database,
  look: { collection: string; field: string; after: Date; through: Date; limit: number },
): Promise<{ ids: string[]; next: Date }> {
  const _ = db.command;
  const res = (await db
    .collection(look.collection)
    .aggregate()
    .match({ updatedAt: _.and(_.gt(look.after), _.lte(look.through)) })
    .group({ _id: `$${look.field}`, last: { $max: '$updatedAt' } })
    .sort({ last: 1 })
    .limit(look.limit)
    .end()) as { data?: { _id: unknown; last: Date }[] };
  const found = (res.data ?? []).filter((row) => typeof row._id === 'string');
  if (found.length < look.limit) return { ids: found.map((row) => row._id as string), next: look.through };
  const last = new Date(found[found.length - 1]!.last);
  // Ties with the last change may have been cut off: look at that millisecond again, unless the
  // whole page is that one millisecond (then move on rather than read the same page forever).
  const next = last.getTime() - 1 > look.after.getTime() ? new Date(last.getTime() - 1) : last;
  return { ids: found.map((row) => row._id as string), next };
}
