import type { Database } from '../deps';
import { COLLECTIONS, getById, insertUnlessExists, updatedCount } from './base';

/**
 * How far a recount job has looked at one source, in the order it looks: by a parent's latest
 * change, then by the parent's id. Every parent whose latest change is before `at`, or at `at`
 * with an id up to `id`, has been looked at; `id` null means everything up to and including `at`.
 */
export interface RepairMark {
  at: Date;
  id: string | null;
}

/** Where a recount job has got to, a mark per source it watches. Kept in `counters` as `repair:<job>`. */
export type RepairCursor = Record<string, RepairMark>;

/**
 * A recount job's cursor (no mark for a source on the first run). A cursor saved before marks
 * carried an id holds a bare date, read as everything up to it.
 */
export async function readRepairCursor(db: Database, job: string): Promise<RepairCursor> {
  const doc = await getById<{ sources?: Record<string, RepairMark | Date> }>(db, COLLECTIONS.counters, `repair:${job}`);
  const cursor: RepairCursor = {};
  for (const [source, mark] of Object.entries(doc?.sources ?? {}))
    cursor[source] = mark instanceof Date ? { at: mark, id: null } : { at: new Date(mark.at), id: mark.id ?? null };
  return cursor;
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
 * One page of the distinct values of `field` (parent ids) among documents of `collection`
 * changed after `after` and up to `through` (by `updatedAt`), in the order of each parent's latest
 * change in that span, then its id — at most `limit`, in one aggregation. `next` is the mark
 * the following page starts after; `done` says nothing is left up to `through`. Ordering by
 * (latest change, id) lets a page end anywhere, inside a millisecond shared by many parents too,
 * without skipping or repeating one.
 */
export async function findChangedSince(
  db: Database,
  look: { collection: string; field: string; after: RepairMark | undefined; through: Date; limit: number },
): Promise<{ ids: string[]; next: RepairMark; done: boolean }> {
  const _ = db.command;
  const after = look.after;
  const upTo = _.lte(look.through);
  const span = after ? _.and(after.id === null ? _.gt(after.at) : _.gte(after.at), upTo) : upTo;
  let pipeline = db
    .collection(look.collection)
    .aggregate()
    .match({ updatedAt: span })
    .group({ _id: `$${look.field}`, last: { $max: '$updatedAt' } });
  // Parents whose latest change is the mark's millisecond and whose id is up to the mark's were
  // on an earlier page.
  if (after && after.id !== null)
    pipeline = pipeline.match(_.or([{ last: _.gt(after.at) }, { last: after.at, _id: _.gt(after.id) }]));
  const res = (await pipeline.sort({ last: 1, _id: 1 }).limit(look.limit).end()) as {
    data?: { _id: unknown; last: Date }[];
  };
  const rows = res.data ?? [];
  const ids = rows.filter((row) => typeof row._id === 'string').map((row) => row._id as string);
  if (rows.length < look.limit) return { ids, next: { at: look.through, id: null }, done: true };
  const last = rows[rows.length - 1]!;
  return { ids, next: { at: new Date(last.last), id: String(last._id) }, done: false };
}
