/** Operation counters: `{ [collection]: { [action]: n } }`. */
export type OperationStats = Record<string, Record<string, number>>;

/** Collection key under which actions without a collection (transaction control) are counted. */
export const NO_COLLECTION = '*';

/**
 * Counts database calls per collection and wire action (the action without its `database.`
 * prefix, e.g. `getDocument`, `modifyDocument`, `startTransaction`). Every request is counted,
 * including ones answered with an error, because each is a round trip a benchmark pays for.
 */
export class Counters {
  private counts: OperationStats = {};

  /** Adds one call. */
  record(collection: string | undefined, action: string): void {
    const c = collection || NO_COLLECTION;
    const byAction = this.counts[c] ?? (this.counts[c] = {});
    byAction[action] = (byAction[action] ?? 0) + 1;
  }

  /** A deep copy of the counters. */
  snapshot(): OperationStats {
    const out: OperationStats = {};
    for (const [c, actions] of Object.entries(this.counts)) out[c] = { ...actions };
    return out;
  }

  /** Zeroes every counter. */
  reset(): void {
    this.counts = {};
  }
}
