import type { Database } from '../deps';
import type { CodeAttemptDoc } from '../documents';
import { COLLECTIONS, insertUnlessExists, updatedCount } from './base';

/**
 * Take one attempt from an allowance (`key`, at most `limit` per window): one conditional
 * increment while under the limit; the row is created on first use (a racing creation falls back
 * to the increment). Parallel takers cannot pass the limit. True iff taken.
 */
export async function takeAttempt(
  db: Database,
  allowance: { key: string; limit: number; renewsAt: Date },
): Promise<boolean> {
  const _ = db.command;
  const increment = async () =>
    updatedCount(
      await db
        .collection(COLLECTIONS.codeAttempts)
        .where({ _id: allowance.key, used: _.lt(allowance.limit) })
        .update({ used: _.inc(1) }),
    ) === 1;
  if (await increment()) return true;
  const fresh: CodeAttemptDoc = { _id: allowance.key, used: 1, renewsAt: allowance.renewsAt };
  if (allowance.limit > 0 && (await insertUnlessExists(db, COLLECTIONS.codeAttempts, fresh))) return true;
  return increment();
}

/** Give an attempt back (the code was right, or another allowance refused): never below zero. */
export async function returnAttempt(db: Database, key: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.codeAttempts)
    .where({ _id: key, used: _.gt(0) })
    .update({ used: _.inc(-1) });
}
