import type { Database } from '../deps';
import { COLLECTIONS, insertUnlessExists } from './base';

/**
 * The next number of a named sequence (volunteer numbers, certificate serials): one atomic
 * `updateAndReturn` with `_.inc(1)`; the counter row is created on first use. Numbers are unique
 * and increasing; a failed use later may leave a gap, never a duplicate.
 */
export async function nextInSequence(db: Database, name: string): Promise<number> {
  const _ = db.command;
  const id = `seq:${name}`;
  for (let attempt = 0; attempt < 2; attempt++) {
    const res = (await db
      .collection(COLLECTIONS.counters)
      .where({ _id: id })
      .updateAndReturn({ value: _.inc(1) })) as {
      updated?: number;
      doc?: { value: number } | null;
    };
    if (res.updated === 1 && res.doc) return res.doc.value;
    // Created on first use; a concurrent first use may have created it already, which is as good.
    await insertUnlessExists(db, COLLECTIONS.counters, { _id: id, value: 0 });
  }
  throw new Error(`sequence ${name} could not be advanced`);
}
