/**
 * A compiled matcher for the queries the app sends most — top-level fields compared with a
 * scalar by `$eq`/`$ne`/`$in`/`$gt`/`$gte`/`$lt`/`$lte`, joined by `$and` — so that testing each
 * candidate an index returned costs a few closure calls instead of mingo's generic resolution
 * (the largest share of the 中心 report's time after the group). Each predicate is a transcription
 * of mingo's (same `mingo/util` equality and comparison, same array rules); any other query —
 * dotted paths, regular expressions, object values, other operators — answers undefined and the
 * engine uses mingo's `Query`. `tests/unit/emulator-compiled.test.ts` checks both ways
 * agree on random documents and queries.
 */
import * as mingoUtil from 'mingo/util';
import { isPlainObject, type PlainObject } from './ejson';

// Read once: mingo's CommonJS re-exports are getters.
const { compare, isArray, isDate, isEqual, isNil, typeOf } = mingoUtil;

type Test = (doc: PlainObject) => boolean;

/** What the engine needs of a query: mingo's `Query` has the same method. */
export interface Matcher {
  test(doc: PlainObject): boolean;
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * A top-level field of a stored (plain) document as mingo's `resolve` reads it: own properties
 * only. A name that `Object.prototype` does not have needs no ownership check.
 */
export function ownField(name: string): (doc: PlainObject) => unknown {
  if (!(name in Object.prototype)) return (doc) => doc[name];
  return (doc) => (hasOwn(doc, name) ? doc[name] : undefined);
}

/**
 * mingo's `compare` for two values already known to be of type `t` (its `typeOf`): numbers,
 * strings and booleans by `<`/`>`, dates by time, which is what `compare` does for them; other
 * types go to `compare` itself.
 */
export function sameTypeCompare(t: string): (a: unknown, b: unknown) => number {
  if (t === 'number' || t === 'string' || t === 'boolean')
    return (a, b) => ((a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0);
  if (t === 'date')
    return (a, b) => {
      const x = +(a as Date);
      const y = +(b as Date);
      return x < y ? -1 : x > y ? 1 : 0;
    };
  return compare;
}

/** What each ordering operator asks of `compare(value, bound)`. */
export const ORDER_TESTS: Record<string, (n: number) => boolean> = {
  $gt: (n) => n > 0,
  $gte: (n) => n >= 0,
  $lt: (n) => n < 0,
  $lte: (n) => n <= 0,
};

/** A string, number, boolean, null or date: the values compared here as mingo compares them. */
function isScalarValue(v: unknown): boolean {
  return v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || isDate(v);
}

/** The compiled matcher for `query`, or undefined when it is not of the shapes above. */
export function compileQuery(query: PlainObject): Matcher | undefined {
  const tests = compileConditions(query);
  if (!tests) return undefined;
  if (tests.length === 1) return { test: tests[0]! };
  return { test: (doc) => tests.every((t) => t(doc)) };
}

function compileConditions(query: unknown): Test[] | undefined {
  if (!isPlainObject(query)) return undefined;
  const tests: Test[] = [];
  for (const [field, cond] of Object.entries(query)) {
    if (field === '$and') {
      if (!Array.isArray(cond)) return undefined;
      const parts = cond.map(compileConditions);
      if (parts.some((p) => !p)) return undefined;
      const all = (parts as Test[][]).flat();
      tests.push((doc) => all.every((t) => t(doc)));
      continue;
    }
    if (!field || field.startsWith('$') || field.includes('.') || field === '__proto__') return undefined;
    // mingo's normalize: a scalar means $eq; an object must be all operators here.
    let ops: PlainObject;
    if (isScalarValue(cond)) ops = { $eq: cond };
    else if (isPlainObject(cond) && Object.keys(cond).length > 0 && Object.keys(cond).every((k) => k.startsWith('$')))
      ops = cond;
    else return undefined;
    for (const [op, value] of Object.entries(ops)) {
      const t = compilePredicate(field, op, value);
      if (!t) return undefined;
      tests.push(t);
    }
  }
  return tests;
}

function compilePredicate(field: string, op: string, b: unknown): Test | undefined {
  const lhs = ownField(field);
  // A value or any element of an array value satisfies `p` (mingo's rule for top-level fields).
  const any = (p: (v: unknown) => boolean) => (doc: PlainObject) => {
    const a = lhs(doc);
    if (!isArray(a)) return p(a);
    for (const v of a) if (p(v)) return true;
    return false;
  };
  switch (op) {
    case '$eq':
    case '$ne': {
      if (!isScalarValue(b)) return undefined;
      // mingo's $eq: isEqual(a, b), both nil, or (a an array) an element isEqual to b — its
      // flatten at a top-level field's depth 0 is a copy of the array, so nothing more.
      const same = sameAs(b);
      const eq = (doc: PlainObject) => {
        const a = lhs(doc);
        if (isNil(a)) return isNil(b);
        if (same(a)) return true;
        if (!isArray(a)) return false;
        for (const v of a) if (same(v)) return true;
        return false;
      };
      return op === '$eq' ? eq : (doc) => !eq(doc);
    }
    case '$in': {
      if (!Array.isArray(b) || !b.every(isScalarValue)) return undefined;
      const hasNull = b.some((v) => v === null);
      const members = b.map(sameAs);
      const isMember = (v: unknown) => members.some((same) => same(v));
      const anyMember = any(isMember);
      return (doc) => (isNil(lhs(doc)) ? hasNull : anyMember(doc));
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (!isScalarValue(b)) return undefined;
      const tb = typeOf(b);
      const cmp = sameTypeCompare(tb);
      const ok = ORDER_TESTS[op]!;
      return any((v) => typeOf(v) === tb && ok(cmp(v, b)));
    }
    default:
      return undefined;
  }
}

/**
 * mingo's `isEqual(v, b)` for a scalar `b`: identity (or both NaN) for a primitive; for a date,
 * another date of the same time.
 */
function sameAs(b: unknown): (v: unknown) => boolean {
  if (isDate(b)) return (v) => isEqual(v, b);
  return (v) => v === b || Object.is(v, b);
}
