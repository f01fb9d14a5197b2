/*
 * Counters kept beside rows (seats taken, people in line, rating totals, a need's pledged and
 * received quantities) are caches of the rows. They move in the same conditional write as the
 * row where they can; where a crash can still split them, a timer recounts them from the rows.
 */

/**
 * How long after its last write a document and its rows are trusted to be at rest. The functions
 * whose counters the timers recount (`activities`, `donations`) run with a 5 s limit
 * (`cloudbaserc.json` `timeout`; the longest limit of any function is 20 s): CloudBase ends an
 * invocation there, so every write a request makes is sent within 5 s of the `updatedAt` it
 * stamps. The rest of the minute covers a write the database already holds when its function is
 * ended, and clocks of function instances that differ by seconds (`updatedAt` is the function's
 * clock). A repair only recounts what has been still for this long, so it never mistakes a
 * request half-way through for drift; a shorter window would buy at most a minute of healing.
 */
export const COUNTERS_SETTLE_MS = 60_000;

/** The latest change a repair at `now` may trust to be complete. */
export function settledBefore(now: Date): Date {
  return new Date(now.getTime() - COUNTERS_SETTLE_MS);
}

/**
 * The counters that differ between what is stored and what the rows say, as `{ from, to }` of
 * only the differing keys; null when they agree.
 */
export function counterDrift<K extends string>(
  stored: Record<K, number>,
  fromRows: Record<K, number>,
): { from: Partial<Record<K, number>>; to: Partial<Record<K, number>> } | null {
  const from: Partial<Record<K, number>> = {};
  const to: Partial<Record<K, number>> = {};
  for (const key of Object.keys(fromRows) as K[]) {
    if (stored[key] !== fromRows[key]) {
      from[key] = stored[key];
      to[key] = fromRows[key];
    }
  }
  return Object.keys(to).length > 0 ? { from, to } : null;
}

/**
 * The outstanding tickets of a line that neither a waiting row nor the given-up record accounts
 * for — places drawn by a request that died before writing its row. `calledThrough` < t ≤
 * `waitlistTicket`, ascending.
 */
export function unaccountedTickets(line: {
  calledThrough: number;
  waitlistTicket: number;
  waiting: readonly number[];
  givenUp: readonly number[];
}): number[] {
  const known = new Set([...line.waiting, ...line.givenUp]);
  const out: number[] = [];
  for (let t = line.calledThrough + 1; t <= line.waitlistTicket; t++) if (!known.has(t)) out.push(t);
  return out;
}
