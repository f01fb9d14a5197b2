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

/** What the calls of one collection and action read: MongoDB's `explain` figures, summed. */
export interface ExplainTotals {
  calls: number;
  /** Documents tested against a query (MongoDB's `totalDocsExamined`). */
  examined: number;
  /** Documents (or aggregation rows) answered. */
  returned: number;
  /** Calls that read the whole collection because no index bounded their query. */
  fullScans: number;
}

/** One call as `explain` saw it. */
export interface ExplainedCall {
  collection: string;
  action: string;
  /** `_id`, the manifest index used, `2dsphere:<field>`, or null for a full scan (none for inserts). */
  index: string | null;
  examined: number;
  returned: number;
}

/** `GET /emulator/explain`: totals per collection and action, and the most recent calls. */
export interface ExplainStats {
  totals: Record<string, Record<string, ExplainTotals>>;
  recent: ExplainedCall[];
}

/** How many calls `recent` keeps. */
export const RECENT_CALLS_KEPT = 200;

/** Sums the documents each call examined, per collection and action (see {@link ExplainStats}). */
export class Explain {
  private totals: ExplainStats['totals'] = {};
  private recent: ExplainedCall[] = [];

  /** Records one finished call that read documents. */
  record(call: ExplainedCall): void {
    const byAction = this.totals[call.collection] ?? (this.totals[call.collection] = {});
    const t = byAction[call.action] ?? (byAction[call.action] = { calls: 0, examined: 0, returned: 0, fullScans: 0 });
    t.calls += 1;
    t.examined += call.examined;
    t.returned += call.returned;
    if (call.index === null) t.fullScans += 1;
    this.recent.push(call);
    if (this.recent.length > RECENT_CALLS_KEPT) this.recent.shift();
  }

  /** A deep copy. */
  snapshot(): ExplainStats {
    const totals: ExplainStats['totals'] = {};
    for (const [c, actions] of Object.entries(this.totals)) {
      totals[c] = {};
      for (const [a, t] of Object.entries(actions)) totals[c][a] = { ...t };
    }
    return { totals, recent: this.recent.map((r) => ({ ...r })) };
  }

  /** Forgets everything. */
  reset(): void {
    this.totals = {};
    this.recent = [];
  }
}
