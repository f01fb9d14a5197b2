import type { Database } from '../deps';
import type { ReadLogDoc } from '../documents/targets';
import { COLLECTIONS, pageOf, type Page, type PageArgs } from './base';

/**
 * The read log of sensitive records (PIPL arts. 51, 55–56): who read which target records, when
 * and for what. Append-only and kept at least three years — nothing in the app updates or removes
 * an entry. Entries carry a masked name at most, never the record's contents.
 */

/** Append one read (called by the target and visit repositories in the same request as the read). */
export async function appendRead(db: Database, entry: ReadLogDoc): Promise<void> {
  await db.collection(COLLECTIONS.readLog).add(entry);
}

/** Reads at a station subtree (or of one record), newest first. */
export function findReadLogPage(
  db: Database,
  filter: { stationId: string; targetId?: string },
  args: PageArgs,
): Promise<Page<ReadLogDoc>> {
  const where: Record<string, unknown> = { stationPath: filter.stationId };
  if (filter.targetId) where.targetIds = filter.targetId;
  return pageOf<ReadLogDoc>(() => db.collection(COLLECTIONS.readLog).where(where).orderBy('at', 'desc'), args);
}
