import BTree from 'sorted-btree';
import { encodeEJSON, isDate, isPlainObject, isRegExp, type PlainObject } from './ejson';

/** A document id as indexes store it. */
export type IndexedId = string | number;

/**
 * Where a value sorts among values of other types, in MongoDB's cross-type order
 * (null < numbers < strings < objects < arrays < booleans < dates < regular expressions).
 */
function rankOf(v: unknown): number {
  if (v === null || v === undefined) return 1;
  if (typeof v === 'number') return 2;
  if (typeof v === 'string') return 3;
  if (Array.isArray(v)) return 5;
  if (typeof v === 'boolean') return 8;
  if (isDate(v)) return 9;
  if (isRegExp(v)) return 11;
  if (v instanceof Bound) return v.rank;
  return 4;
}

/** A key part that sorts before (side -1) or after (side 1) every value of `rank` (0 / 99: of every rank). */
class Bound {
  constructor(
    readonly rank: number,
    readonly side: -1 | 1,
  ) {}
}

const LOWEST = new Bound(0, -1);
const HIGHEST = new Bound(99, 1);

/**
 * Orders two single values as MongoDB orders index keys: by type rank first, then numbers
 * numerically, strings by UTF-16 code units (as the query engine compares them), dates by time,
 * booleans false before true. Objects and arrays only need a consistent order (no range query
 * bounds them), so they compare by their EJSON text.
 */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rankOf(a);
  const rb = rankOf(b);
  if (a instanceof Bound || b instanceof Bound) {
    if (ra !== rb) return ra < rb ? -1 : 1;
    const sa = a instanceof Bound ? a.side : 0;
    const sb = b instanceof Bound ? b.side : 0;
    return sa === sb ? 0 : sa < sb ? -1 : 1;
  }
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1:
      return 0;
    case 2: {
      const x = a as number;
      const y = b as number;
      if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
      return x < y ? -1 : x > y ? 1 : 0;
    }
    case 3:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 8:
      return a === b ? 0 : a ? 1 : -1;
    case 9: {
      const x = (a as Date).getTime();
      const y = (b as Date).getTime();
      return x < y ? -1 : x > y ? 1 : 0;
    }
    default: {
      const x = JSON.stringify(encodeEJSON(a));
      const y = JSON.stringify(encodeEJSON(b));
      return x < y ? -1 : x > y ? 1 : 0;
    }
  }
}

function compareKeys(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return 0;
}

/**
 * Values an index sees at `segments` of `doc`, fanning out over arrays like a multikey index
 * (an empty array indexes as undefined, a missing field as null). `irregular` flags an array
 * nested directly in an array on the way, where MongoDB-style path resolution gets subtle: the
 * document is then always a candidate. `multikey` says an array was fanned out.
 */
export function pathValues(
  doc: PlainObject,
  segments: string[],
): { values: unknown[]; irregular: boolean; multikey: boolean } {
  let cur: unknown[] = [doc];
  let irregular = false;
  let multikey = false;
  for (const seg of segments) {
    const next: unknown[] = [];
    for (const v of cur) {
      if (Array.isArray(v)) {
        multikey = true;
        for (const el of v) {
          if (isPlainObject(el)) {
            if (seg in el) next.push(el[seg]);
          } else if (Array.isArray(el)) irregular = true;
        }
      } else if (isPlainObject(v) && seg in v) {
        next.push(v[seg]);
      }
    }
    cur = next;
  }
  const values: unknown[] = [];
  for (const v of cur) {
    if (Array.isArray(v)) {
      multikey = true;
      if (v.length === 0) values.push(undefined);
      for (const el of v) {
        if (Array.isArray(el)) irregular = true;
        values.push(el);
      }
    } else values.push(v);
  }
  if (values.length === 0) values.push(null);
  return { values, irregular, multikey };
}

/** A value an index bound may hold: the types whose order the index and the matcher agree on. */
function isBoundable(v: unknown): boolean {
  return (typeof v === 'number' && !Number.isNaN(v)) || typeof v === 'string' || typeof v === 'boolean' || isDate(v);
}

/** What a query says about one field, as far as an index can use it. */
interface FieldBounds {
  /** Equality with any of these values. */
  eq?: unknown[];
  lo?: { value: unknown; inclusive: boolean };
  hi?: { value: unknown; inclusive: boolean };
}

function tighterLo(a: FieldBounds['lo'], b: FieldBounds['lo']): FieldBounds['lo'] {
  if (!a) return b;
  if (!b || rankOf(a.value) !== rankOf(b.value)) return a;
  const c = compareValues(a.value, b.value);
  return c > 0 || (c === 0 && !a.inclusive) ? a : b;
}

function tighterHi(a: FieldBounds['hi'], b: FieldBounds['hi']): FieldBounds['hi'] {
  if (!a) return b;
  if (!b || rankOf(a.value) !== rankOf(b.value)) return a;
  const c = compareValues(a.value, b.value);
  return c < 0 || (c === 0 && !a.inclusive) ? a : b;
}

/** The bounds one field condition (`5`, `{ $gte: 1, $lt: 9 }`, `{ $in: [...] }`) puts on its field. */
function boundsOf(cond: unknown): FieldBounds | undefined {
  if (isBoundable(cond)) return { eq: [cond] };
  if (!isPlainObject(cond)) return undefined;
  const out: FieldBounds = {};
  let used = false;
  for (const [op, v] of Object.entries(cond)) {
    if (op === '$eq' && isBoundable(v)) {
      out.eq = [v];
      used = true;
    } else if (op === '$in' && Array.isArray(v) && v.length > 0 && v.every(isBoundable)) {
      out.eq = v;
      used = true;
    } else if ((op === '$gt' || op === '$gte') && isBoundable(v)) {
      out.lo = tighterLo(out.lo, { value: v, inclusive: op === '$gte' });
      used = true;
    } else if ((op === '$lt' || op === '$lte') && isBoundable(v)) {
      out.hi = tighterHi(out.hi, { value: v, inclusive: op === '$lte' });
      used = true;
    }
  }
  return used ? out : undefined;
}

/**
 * Per-field bounds of a query's top-level conjunction: plain field conditions plus the members
 * of (nested) top-level `$and`s, which is how the SDK sends `_.gte(a).and(_.lt(b))`. Everything
 * else (`$or`, `$expr`, …) only narrows further, so ignoring it keeps the bounds a superset.
 */
export function queryBounds(query: PlainObject): Map<string, FieldBounds> {
  const out = new Map<string, FieldBounds>();
  const visit = (q: PlainObject): void => {
    for (const [field, cond] of Object.entries(q)) {
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) if (isPlainObject(sub)) visit(sub);
        continue;
      }
      if (field.startsWith('$')) continue;
      const b = boundsOf(cond);
      if (!b) continue;
      const prev = out.get(field);
      if (!prev) {
        out.set(field, b);
        continue;
      }
      const merged: FieldBounds = { lo: tighterLo(prev.lo, b.lo), hi: tighterHi(prev.hi, b.hi) };
      if (prev.eq && b.eq) {
        const keep = new Set(b.eq.map((v) => JSON.stringify(encodeEJSON(v))));
        merged.eq = prev.eq.filter((v) => keep.has(JSON.stringify(encodeEJSON(v))));
      } else merged.eq = prev.eq ?? b.eq;
      out.set(field, merged);
    }
  };
  visit(query);
  return out;
}

/** How an index would serve a query: equality on `eqFields` leading fields, then maybe a range. */
export interface IndexPlan {
  index: OrderedIndex;
  /** Leading fields fixed by equality. */
  eqFields: number;
  /** Whether the next field is bounded by a range. */
  range: boolean;
}

/**
 * A manifest index in key order: a B+ tree of `[value of each field…, insertion sequence]`
 * → `_id`, with one entry per combination of array elements (multikey). It answers equality
 * on a prefix of its fields followed by at most one range, like a MongoDB index scan.
 */
export class OrderedIndex {
  readonly name: string;
  readonly fields: string[];
  private readonly segments: string[][];
  private readonly tree = new BTree<unknown[], IndexedId>(undefined, compareKeys);
  /** Entries each document put into the tree, so removal needs no recomputation. */
  private readonly keysOf = new Map<IndexedId, unknown[][]>();
  /** Documents whose paths hold arrays nested in arrays: always candidates. */
  private readonly loose = new Set<IndexedId>();
  /** Per field: some document held an array there (ranges then use one bound only, like MongoDB). */
  private readonly multikey: boolean[];

  constructor(name: string, fields: string[]) {
    this.name = name;
    this.fields = fields;
    this.segments = fields.map((f) => f.split('.'));
    this.multikey = fields.map(() => false);
  }

  get size(): number {
    return this.keysOf.size + this.loose.size;
  }

  add(id: IndexedId, doc: PlainObject, seq: number): void {
    let keys: unknown[][] = [[]];
    for (let i = 0; i < this.segments.length; i++) {
      const { values, irregular, multikey } = pathValues(doc, this.segments[i]);
      if (irregular) {
        this.loose.add(id);
        return;
      }
      if (multikey) this.multikey[i] = true;
      const distinct: unknown[] = [];
      const seen = new Set<string>();
      for (const v of values) {
        const k = JSON.stringify(encodeEJSON(v === undefined ? null : v));
        if (!seen.has(k)) {
          seen.add(k);
          distinct.push(v === undefined ? null : v);
        }
      }
      const next: unknown[][] = [];
      for (const key of keys) for (const v of distinct) next.push([...key, v]);
      keys = next;
    }
    const full = keys.map((k) => [...k, seq]);
    for (const k of full) this.tree.set(k, id);
    this.keysOf.set(id, full);
  }

  remove(id: IndexedId): void {
    if (this.loose.delete(id)) return;
    for (const k of this.keysOf.get(id) ?? []) this.tree.delete(k);
    this.keysOf.delete(id);
  }

  clear(): void {
    this.tree.clear();
    this.keysOf.clear();
    this.loose.clear();
  }

  /** How well this index serves `bounds`, or undefined when it cannot narrow the scan at all. */
  plan(bounds: Map<string, FieldBounds>): IndexPlan | undefined {
    let eqFields = 0;
    while (eqFields < this.fields.length && bounds.get(this.fields[eqFields])?.eq) eqFields++;
    const next = eqFields < this.fields.length ? bounds.get(this.fields[eqFields]) : undefined;
    const range = Boolean(next && (next.lo || next.hi));
    if (eqFields === 0 && !range) return undefined;
    return { index: this, eqFields, range };
  }

  /** Ids of every document the plan's key ranges hold (a superset of the matches), plus loose ones. */
  scan(plan: IndexPlan, bounds: Map<string, FieldBounds>): Set<IndexedId> {
    const out = new Set<IndexedId>(this.loose);
    const prefixes: unknown[][] = [[]];
    for (let i = 0; i < plan.eqFields; i++) {
      const values = bounds.get(this.fields[i])!.eq!;
      const grown: unknown[][] = [];
      for (const p of prefixes) for (const v of values) grown.push([...p, v]);
      prefixes.splice(0, prefixes.length, ...grown);
    }
    const pad = (key: unknown[], with_: Bound) => {
      const out2 = [...key];
      while (out2.length < this.fields.length + 1) out2.push(with_);
      return out2;
    };
    let lo: FieldBounds['lo'];
    let hi: FieldBounds['hi'];
    if (plan.range) {
      const b = bounds.get(this.fields[plan.eqFields])!;
      lo = b.lo;
      hi = b.hi;
      // On a multikey field one element may satisfy the lower bound and another the upper one.
      if (this.multikey[plan.eqFields] && lo && hi) hi = undefined;
    }
    for (const prefix of prefixes) {
      let low: unknown[];
      let high: unknown[];
      if (!plan.range) {
        low = pad(prefix, LOWEST);
        high = pad(prefix, HIGHEST);
      } else {
        const rank = rankOf((lo ?? hi)!.value);
        low = lo
          ? pad([...prefix, lo.value], lo.inclusive ? LOWEST : HIGHEST)
          : pad([...prefix, new Bound(rank, -1)], LOWEST);
        high = hi
          ? pad([...prefix, hi.value], hi.inclusive ? HIGHEST : LOWEST)
          : pad([...prefix, new Bound(rank, 1)], HIGHEST);
      }
      this.tree.forRange(low, high, true, (_k, id) => {
        out.add(id);
      });
    }
    return out;
  }
}
