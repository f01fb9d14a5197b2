/**
 * A compiled path for the aggregation prefix `[$project] $group`, the shape of every report
 * query: mingo interprets each expression anew for every document (and clones every input), which
 * cost the 中心's monthly report ~20 µs per booking. Here the `$project`'s and the `$group`'s
 * expressions are compiled once into closures and the accumulators stream, reading the stored
 * documents without cloning them (nothing here writes to its input).
 *
 * The answers are mingo's, bit for bit: each compiled operator is a transcription of mingo's own
 * (same argument checks, same comparison and equality functions from `mingo/util`, same group
 * order and set order), and every other operator — or an argument a compiled one would reject —
 * is handed to mingo's `evalExpr` for that document, so errors and odd inputs answer as mingo
 * does. Anything outside the shape (an accumulator not listed, a projection that is not a plain
 * inclusion of top-level fields, `$$` variables after a `$project`) is not compiled at all and the
 * engine runs mingo. `tests/unit/emulator-compiled.test.ts` runs random pipelines both
 * ways and requires equal answers.
 */
import { evalExpr } from 'mingo/core';
import type { AnyObject, Options } from 'mingo/types';
import * as mingoUtil from 'mingo/util';
import { ORDER_TESTS, ownField, sameTypeCompare } from './compiled-query';
import { isPlainObject, type PlainObject } from './ejson';

// Read once: mingo's CommonJS re-exports are getters, a measurable cost per call in a hot loop.
const {
  HashMap,
  compare,
  ensureArray,
  flatten,
  isArray,
  isDate,
  isEqual,
  isInteger,
  isNil,
  isNumber,
  isOperator,
  resolve,
  typeOf,
} = mingoUtil;

type Fn = (doc: PlainObject) => unknown;

// mingo's `compare` for two values of the same type, without its type dispatch.
const byTime = sameTypeCompare('date');
const byValue = sameTypeCompare('number');

/** One accumulator of one group: fed each member in order, then asked for the value. */
interface Accumulator {
  add(doc: PlainObject): void;
  value(): unknown;
}

/** A compiled prefix: the rows it answers for `docs`, and how many stages it consumed. */
export interface CompiledPrefix {
  stages: number;
  run(docs: Iterable<PlainObject>): PlainObject[];
}

const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Compiles `pipeline`'s leading `[$project] $group`, or answers undefined when its shape is not
 * one this module answers exactly like mingo (the caller then runs mingo).
 */
export function compileGroupPrefix(pipeline: PlainObject[], options: Partial<Options>): CompiledPrefix | undefined {
  let i = 0;
  let project: Fn | undefined;
  const first = pipeline[0];
  if (first && Object.keys(first).length === 1 && '$project' in first) {
    project = compileProjection(first.$project, options);
    if (!project) return undefined;
    i = 1;
  }
  const stage = pipeline[i];
  if (!stage || Object.keys(stage).length !== 1 || !isPlainObject(stage.$group)) return undefined;
  const spec = stage.$group;
  if (!hasOwn(spec, '_id')) return undefined;
  // After a $project the root is the projected document, which is not built field for field as
  // mingo builds it: keep `$$` variables (which can see the whole root) to mingo.
  if (project && mentionsVariable(spec)) return undefined;
  const key = compileExpr(spec._id, options);
  const literalKey = typeOf(spec._id) === 'object' && !Object.keys(spec._id as PlainObject).some(isOperator);
  const fields: [string, () => Accumulator][] = [];
  for (const [name, accSpec] of Object.entries(spec)) {
    if (name === '_id') continue;
    const make = compileAccumulator(accSpec, options);
    if (!make) return undefined;
    fields.push([name, make]);
  }
  const shape = project;
  return {
    stages: i + 1,
    // In mingo's order — the $project over every document, then every group key, then each
    // group's accumulators field by field — so that of two errors the same one surfaces.
    run(docs) {
      const input = shape ? Array.from(docs, shape) : docs;
      // Groups in first-seen order. A key object of the literal's fixed fields with scalar
      // values is found by its text (isEqual on such objects is equality of every field);
      // any other key goes through mingo's HashMap.
      const groups: [unknown, PlainObject[]][] = [];
      const byText = new Map<string, PlainObject[]>();
      const hashed = HashMap.init() as Map<unknown, PlainObject[]>;
      for (const doc of input as Iterable<PlainObject>) {
        const k = key(doc) ?? null;
        const text = literalKey ? scalarsText(k as PlainObject) : undefined;
        let members = text === undefined ? hashed.get(k) : byText.get(text);
        if (!members) {
          members = [];
          groups.push([k, members]);
          if (text === undefined) hashed.set(k, members);
          else byText.set(text, members);
        }
        members.push(doc);
      }
      const rows: PlainObject[] = [];
      for (const [k, members] of groups) {
        const row: PlainObject = { _id: k };
        for (const [name, make] of fields) {
          const acc = make();
          for (const doc of members) acc.add(doc);
          row[name] = acc.value();
        }
        rows.push(row);
      }
      return rows;
    },
  };
}

/**
 * The values of a key object as text, when each is a string, number, boolean, null, undefined or
 * a valid date — the cases where mingo's isEqual is equality of this text — else undefined.
 */
function scalarsText(k: PlainObject): string | undefined {
  let text = '';
  for (const name in k) {
    const v = k[name];
    if (typeof v === 'string') text += `s${v.length}:${v}`;
    else if (typeof v === 'number') text += `n${v};`;
    else if (typeof v === 'boolean') text += v ? 't' : 'f';
    else if (v === null) text += 'z';
    else if (v === undefined) text += 'u';
    else if (isDate(v) && !Number.isNaN(+v)) text += `d${+v};`;
    else return undefined;
  }
  return text;
}

function mentionsVariable(v: unknown): boolean {
  if (typeof v === 'string') return v.startsWith('$$');
  if (Array.isArray(v)) return v.some(mentionsVariable);
  if (isPlainObject(v)) return Object.values(v).some(mentionsVariable);
  return false;
}

/**
 * `$project` with top-level inclusions (`1`/`true`), computed fields (a `$path` or one expression
 * operator) and optionally `_id: 0`, as the document the next stage's expressions read.
 */
function compileProjection(spec: unknown, options: Partial<Options>): Fn | undefined {
  if (!isPlainObject(spec)) return undefined;
  const include: string[] = [];
  const computed: [string, Fn][] = [];
  let keepId = true;
  for (const [name, v] of Object.entries(spec)) {
    if (!name || name.includes('.') || name.startsWith('$') || name === '__proto__' || /^\d+$/.test(name))
      return undefined;
    if (v === 1 || v === true) include.push(name);
    else if (name === '_id' && (v === 0 || v === false)) keepId = false;
    else if (typeof v === 'string' && v.startsWith('$') && !v.startsWith('$$'))
      computed.push([name, compileExpr(v, options)]);
    else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      // $slice/$elemMatch are projection operators with their own meaning here.
      if (keys.length !== 1 || !isOperator(keys[0]!) || keys[0] === '$slice' || keys[0] === '$elemMatch')
        return undefined;
      computed.push([name, compileExpr(v, options)]);
    } else return undefined;
  }
  if (!include.length && !computed.length) return undefined;
  // mingo evaluates the fields in sorted order (which error surfaces first depends on it).
  computed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (keepId && !include.includes('_id') && !computed.some(([n]) => n === '_id')) include.push('_id');
  const included = include.map((name) => [name, ownField(name)] as const);
  return (doc) => {
    const out: PlainObject = {};
    for (const [name, get] of included) {
      const v = get(doc);
      if (v !== undefined) out[name] = v;
    }
    for (const [name, f] of computed) {
      const v = f(doc);
      if (v !== undefined) out[name] = v;
    }
    return out;
  };
}

/** The `$group` accumulators compiled here, as mingo computes them over the members in order. */
function compileAccumulator(spec: unknown, options: Partial<Options>): (() => Accumulator) | undefined {
  if (!isPlainObject(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1) return undefined;
  const op = keys[0]!;
  const arg = spec[op];
  const pushed = (f: Fn) => (doc: PlainObject) => f(doc) ?? null;
  // With a null argument mingo's `$push` answers the members themselves: leave that to mingo.
  if (isNil(arg) && op !== '$first' && op !== '$last' && op !== '$count') return undefined;
  switch (op) {
    case '$sum': {
      if (isNumber(arg)) {
        const k = arg as number;
        return () => {
          let n = 0;
          return { add: () => void n++, value: () => n * k };
        };
      }
      const f = pushed(compileExpr(arg, options));
      return () => {
        let sum = 0;
        return {
          add(doc) {
            const v = f(doc);
            if (isNumber(v)) sum += v as number;
          },
          value: () => sum,
        };
      };
    }
    case '$avg': {
      const f = pushed(compileExpr(arg, options));
      return () => {
        let sum = 0;
        let n = 0;
        return {
          add(doc) {
            const v = f(doc);
            if (isNumber(v)) {
              sum += v as number;
              n++;
            }
          },
          value: () => (n === 0 ? null : sum / n),
        };
      };
    }
    case '$max':
    case '$min': {
      const f = pushed(compileExpr(arg, options));
      const max = op === '$max';
      return () => {
        let seen = false;
        let best: unknown;
        return {
          add(doc) {
            const v = f(doc);
            // mingo sorts (stably) and takes the last for $max — the last of equals — and drops
            // nulls before taking the first for $min — the first of equals.
            if (max) {
              if (!seen || compare(v, best) >= 0) best = v;
              seen = true;
            } else if (!isNil(v) && (!seen || compare(v, best) < 0)) {
              best = v;
              seen = true;
            }
          },
          value: () => (isNil(best) ? null : best),
        };
      };
    }
    case '$push':
    case '$addToSet': {
      const f = pushed(compileExpr(arg, options));
      if (op === '$push')
        return () => {
          const out: unknown[] = [];
          return { add: (doc) => void out.push(f(doc)), value: () => out };
        };
      return () => {
        const set = HashMap.init() as Map<unknown, true>;
        return { add: (doc) => void set.set(f(doc), true), value: () => Array.from(set.keys()) };
      };
    }
    case '$first':
    case '$last': {
      const f = compileExpr(arg, options);
      const last = op === '$last';
      return () => {
        let member: PlainObject | undefined;
        return {
          add(doc) {
            if (last || member === undefined) member = doc;
          },
          value: () => (member === undefined ? null : (f(member) ?? null)),
        };
      };
    }
    case '$count':
      return () => {
        let n = 0;
        return { add: () => void n++, value: () => n };
      };
    default:
      return undefined;
  }
}

/** `strict` truthiness, mingo's default (`useStrictMode`): the empty string counts as true. */
function truthy(options: Partial<Options>): (v: unknown) => boolean {
  const strict = options.useStrictMode ?? true;
  return (v) => !!v || (strict && v === '');
}

/** An expression as a closure over the root document; mingo evaluates what is not listed here. */
export function compileExpr(expr: unknown, options: Partial<Options>): Fn {
  const delegate: Fn = (doc) => evalExpr(doc as AnyObject, expr, options as Options);
  if (typeof expr === 'string') {
    if (expr.length === 0 || expr[0] !== '$') return () => expr;
    if (expr === '$$ROOT' || expr === '$$CURRENT') return (doc) => doc;
    if (expr.startsWith('$$') || expr.includes('__proto__') || expr === '$') return delegate;
    const path = expr.slice(1);
    if (!path.includes('.')) return ownField(path);
    return (doc) => resolve(doc, path);
  }
  if (Array.isArray(expr)) {
    const fns = expr.map((e) => compileExpr(e, options));
    return (doc) => fns.map((f) => f(doc));
  }
  if (typeOf(expr) !== 'object') return () => expr;
  const obj = expr as PlainObject;
  const keys = Object.keys(obj);
  if (!keys.length || !isOperator(keys[0]!)) {
    const fns = keys.map((k) => [k, compileExpr(obj[k], options)] as const);
    return (doc) => {
      const out: PlainObject = {};
      for (const [k, f] of fns) out[k] = f(doc);
      return out;
    };
  }
  if (keys.length !== 1) return delegate;
  const op = keys[0]!;
  return compileOperator(op, obj[op], options) ?? delegate;
}

function compileOperator(op: string, arg: unknown, options: Partial<Options>): Fn | undefined {
  const c = (e: unknown) => compileExpr(e, options);
  const isTrue = truthy(options);
  const delegate: Fn = (doc) => evalExpr(doc as AnyObject, { [op]: arg }, options as Options);
  switch (op) {
    case '$literal':
      return () => arg;
    case '$cond': {
      let parts: unknown[];
      if (Array.isArray(arg)) {
        if (arg.length !== 3) return undefined;
        parts = arg;
      } else if (typeOf(arg) === 'object') {
        const o = arg as PlainObject;
        parts = [o.if, o.then, o.else];
      } else return undefined;
      const [test, then, otherwise] = parts.map(c) as [Fn, Fn, Fn];
      return (doc) => (isTrue(test(doc)) ? then(doc) : otherwise(doc));
    }
    case '$ifNull': {
      if (!Array.isArray(arg)) return undefined;
      const fns = arg.map(c);
      return (doc) => {
        let v: unknown;
        for (const f of fns) {
          v = f(doc);
          if (!isNil(v)) return v;
        }
        return v;
      };
    }
    case '$switch': {
      if (typeOf(arg) !== 'object') return undefined;
      const o = arg as PlainObject;
      if (!Array.isArray(o.branches) || !o.branches.every((b) => typeOf(b) === 'object')) return undefined;
      const branches = (o.branches as PlainObject[]).map((b) => [c(b.case), c(b.then)] as const);
      const otherwise = c(o.default);
      return (doc) => {
        for (const [test, then] of branches) if (isTrue(test(doc))) return then(doc);
        return otherwise(doc);
      };
    }
    case '$and':
    case '$or': {
      if (!Array.isArray(arg)) return undefined;
      const fns = arg.map(c);
      return op === '$and' ? (doc) => fns.every((f) => isTrue(f(doc))) : (doc) => fns.some((f) => isTrue(f(doc)));
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (!Array.isArray(arg) || arg.length !== 2) return undefined;
      const [lhs, rhs] = arg.map(c) as [Fn, Fn];
      const ok = ORDER_TESTS[op]!;
      return (doc) => {
        const a = lhs(doc);
        const b = rhs(doc);
        const tb = typeOf(b);
        const cmp = tb === 'date' ? byTime : tb === 'number' || tb === 'string' ? byValue : compare;
        for (const v of ensureArray(a)) if (typeOf(v) === tb && ok(cmp(v, b))) return true;
        return false;
      };
    }
    case '$eq':
    case '$ne': {
      if (!Array.isArray(arg) || arg.length !== 2) return undefined;
      const [lhs, rhs] = arg.map(c) as [Fn, Fn];
      const eq = (a: unknown, b: unknown) =>
        isEqual(a, b) ||
        (isNil(a) && isNil(b)) ||
        (isArray(a) && (a.some((v) => isEqual(v, b)) || flatten(a, 1).some((v) => isEqual(v, b))));
      return op === '$eq' ? (doc) => eq(lhs(doc), rhs(doc)) : (doc) => !eq(lhs(doc), rhs(doc));
    }
    case '$arrayElemAt': {
      if (!Array.isArray(arg) || arg.length !== 2) return undefined;
      const [arrF, indexF] = arg.map(c) as [Fn, Fn];
      return (doc) => {
        const arr = arrF(doc);
        const index = indexF(doc);
        if (isNil(arr) || isNil(index)) return null;
        if (!isArray(arr) || !isInteger(index)) return delegate(doc);
        const n = index as number;
        if (n < 0 && Math.abs(n) <= arr.length) return arr[(n + arr.length) % arr.length];
        if (n >= 0 && n < arr.length) return arr[n];
        return undefined;
      };
    }
    case '$indexOfArray': {
      if (!Array.isArray(arg) || arg.length < 2 || arg.length > 4) return undefined;
      const fns = arg.map(c);
      return (doc) => {
        const args = fns.map((f) => f(doc));
        const arr = args[0];
        if (isNil(arr)) return null;
        const start = args[2] ?? 0;
        if (!isArray(arr) || !isInteger(start) || (start as number) < 0) return delegate(doc);
        const end = args[3] ?? arr.length;
        if (!isInteger(end) || (end as number) < 0) return delegate(doc);
        const [s, e] = [start as number, end as number];
        if (s > e) return -1;
        const input = s > 0 || e < arr.length ? arr.slice(s, e) : arr;
        return input.findIndex((v) => isEqual(v, args[1])) + s;
      };
    }
    case '$add': {
      if (!Array.isArray(arg)) return undefined;
      const fns = arg.map(c);
      return (doc) => {
        const args = fns.map((f) => f(doc));
        let dateFound = false;
        let result = 0;
        for (const n of args) {
          if (isNil(n)) return null;
          if (typeof n === 'number') result += n;
          else if (isDate(n) && !dateFound) {
            dateFound = true;
            result += +n;
          } else return delegate(doc);
        }
        return dateFound ? new Date(result) : result;
      };
    }
    default:
      return undefined;
  }
}
