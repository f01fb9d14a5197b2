/**
 * What the emulator adds to mingo's MongoDB operators: the geo query operators (`$geoWithin`,
 * `$geoIntersects`; `$nearSphere` is answered by the engine, which must also sort by distance)
 * and `$jsonSchema` validation (MongoDB's draft-4 dialect with `bsonType`, by Ajv).
 */
import Ajv from 'ajv-draft-04';
import { Context } from 'mingo';
import { evalExpr } from 'mingo/core';
import { Lazy, type Iterator } from 'mingo/lazy';
import * as accumulatorOps from 'mingo/operators/accumulator';
import * as expressionOps from 'mingo/operators/expression';
import * as pipelineOps from 'mingo/operators/pipeline';
import * as projectionOps from 'mingo/operators/projection';
import * as queryOps from 'mingo/operators/query';
import * as windowOps from 'mingo/operators/window';
import type { AnyObject, Options } from 'mingo/types';
import { isDate, isPlainObject, isRegExp, type PlainObject } from './ejson';
import { DbError } from './errors';
import { intersects, isGeoJSON, parseGeometry, parseRegion, within, type Geometry } from './geo';
import { pathValues } from './indexes';

/** Geo values found at `selector` of `doc` (arrays fan out, as a multikey `2dsphere` index reads them). */
function geoValuesAt(doc: unknown, selector: string): Geometry[] {
  if (!isPlainObject(doc)) return [];
  const out: Geometry[] = [];
  for (const v of pathValues(doc, selector.split('.')).values) {
    if (!isGeoJSON(v)) continue;
    try {
      out.push(parseGeometry(v));
    } catch {
      // A malformed stored value never matches a geo query (MongoDB would not have indexed it).
    }
  }
  return out;
}

function $geoWithin(selector: string, value: unknown): (doc: AnyObject) => boolean {
  const region = parseRegion(value);
  return (doc) => geoValuesAt(doc, selector).some((g) => within(g, region));
}

function $geoIntersects(selector: string, value: unknown): (doc: AnyObject) => boolean {
  if (!isPlainObject(value)) throw new DbError('DATABASE_REQUEST_FAILED', '$geoIntersects needs $geometry');
  const shape = parseGeometry(value.$geometry);
  return (doc) => geoValuesAt(doc, selector).some((g) => intersects(g, shape));
}

function $nearSphere(): never {
  throw new DbError(
    'DATABASE_REQUEST_FAILED',
    '$geoNear, $near, and $nearSphere are not allowed in this context (only at the top level of a where() query)',
  );
}

const BSON_TYPES: Record<string, (v: unknown) => boolean> = {
  double: (v) => typeof v === 'number' && !Number.isInteger(v),
  int: (v) => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 0x7fffffff,
  long: (v) => typeof v === 'number' && Number.isInteger(v),
  decimal: (v) => typeof v === 'number',
  number: (v) => typeof v === 'number',
  string: (v) => typeof v === 'string',
  object: (v) => isPlainObject(v),
  array: (v) => Array.isArray(v),
  bool: (v) => typeof v === 'boolean',
  date: (v) => isDate(v),
  null: (v) => v === null,
  regex: (v) => isRegExp(v),
  objectId: (v) => typeof v === 'string' && /^[0-9a-f]{24}$/i.test(v),
};

const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: false });
ajv.addKeyword({
  keyword: 'bsonType',
  schemaType: ['string', 'array'],
  validate: (schema: string | string[], data: unknown) =>
    (Array.isArray(schema) ? schema : [schema]).some((t) => BSON_TYPES[t]?.(data) ?? false),
});

const compiled = new Map<string, (v: unknown) => boolean>();

/** MongoDB rejects these draft-4 keywords in `$jsonSchema`. */
const UNSUPPORTED_SCHEMA_KEYWORDS = ['$ref', '$schema', 'default', 'definitions', 'format', 'id'];

function checkSchema(schema: unknown): void {
  if (Array.isArray(schema)) return schema.forEach(checkSchema);
  if (!isPlainObject(schema)) return;
  for (const [k, v] of Object.entries(schema)) {
    if (UNSUPPORTED_SCHEMA_KEYWORDS.includes(k))
      throw new DbError('DATABASE_REQUEST_FAILED', `$jsonSchema keyword '${k}' is not currently supported`);
    checkSchema(v);
  }
}

function jsonSchemaValidator(schema: AnyObject): (v: AnyObject) => boolean {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    checkSchema(schema);
    try {
      const fn = ajv.compile(schema as PlainObject);
      validate = (v) => fn(v) === true;
    } catch (e) {
      throw new DbError('DATABASE_REQUEST_FAILED', `invalid $jsonSchema: ${(e as Error).message}`);
    }
    compiled.set(key, validate);
  }
  return validate;
}

// ------------------------------------------------------------------ expression operators mingo gets wrong

function exprError(message: string): DbError {
  return new DbError('DATABASE_REQUEST_FAILED', message);
}

/** Offset of `timezone` (Olson name or ±HH[:MM]) from UTC at `date`, in minutes. */
export function zoneOffsetMinutes(timezone: unknown, date: Date): number {
  if (timezone === undefined || timezone === null || timezone === 'UTC' || timezone === 'GMT') return 0;
  if (typeof timezone !== 'string') throw exprError('timezone must be a string');
  const fixed = /^([+-])(\d{2}):?(\d{2})?$/.exec(timezone);
  if (fixed) return (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3] ?? 0));
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    }).formatToParts(date);
  } catch {
    throw exprError(`unrecognized time zone identifier: "${timezone}"`);
  }
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** A date operator's argument: `<expr>` or `{ date, timezone }`; answers the wall-clock time as a UTC Date. */
function wallClock(obj: AnyObject, expr: unknown, options: Options): Date | null {
  let date: unknown;
  let timezone: unknown;
  if (isPlainObject(expr) && 'date' in expr) {
    date = evalExpr(obj, expr.date, options);
    timezone = evalExpr(obj, expr.timezone, options);
  } else date = evalExpr(obj, expr, options);
  if (date === null || date === undefined) return null;
  if (!isDate(date)) throw exprError("can't convert to a date");
  return new Date(date.getTime() + zoneOffsetMinutes(timezone, date) * 60_000);
}

const dayOfYear = (d: Date) => Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
/** strftime `%U`: weeks start on Sunday; days before the year's first Sunday are week 0. */
const sundayWeek = (d: Date) => Math.floor((dayOfYear(d) - 1 + 7 - d.getUTCDay()) / 7);
function isoWeekAndYear(d: Date): [number, number] {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const year = t.getUTCFullYear();
  return [Math.ceil(((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7), year];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function $week(obj: AnyObject, expr: unknown, options: Options): number | null {
  const d = wallClock(obj, expr, options);
  return d && sundayWeek(d);
}

/** `$dateToString` with MongoDB's specifiers, `%%`, `%G`/`%V` as ISO week-year/week, and time zones. */
function $dateToString(obj: AnyObject, expr: unknown, options: Options): string | null {
  if (!isPlainObject(expr)) throw exprError('$dateToString needs an object argument');
  const date = evalExpr(obj, expr.date, options);
  if (date === null || date === undefined)
    return expr.onNull === undefined ? null : (evalExpr(obj, expr.onNull, options) as string);
  if (!isDate(date)) throw exprError("$dateToString: can't convert to a date");
  const timezone = evalExpr(obj, expr.timezone, options);
  const offset = zoneOffsetMinutes(timezone, date);
  const d = new Date(date.getTime() + offset * 60_000);
  const format = expr.format === undefined ? '%Y-%m-%dT%H:%M:%S.%LZ' : (evalExpr(obj, expr.format, options) as string);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const [isoWeek, isoYear] = isoWeekAndYear(d);
  const abs = Math.abs(offset);
  const table: Record<string, () => string> = {
    '%Y': () => pad(d.getUTCFullYear(), 4),
    '%G': () => pad(isoYear, 4),
    '%m': () => pad(d.getUTCMonth() + 1),
    '%d': () => pad(d.getUTCDate()),
    '%H': () => pad(d.getUTCHours()),
    '%M': () => pad(d.getUTCMinutes()),
    '%S': () => pad(d.getUTCSeconds()),
    '%L': () => pad(d.getUTCMilliseconds(), 3),
    '%j': () => pad(dayOfYear(d), 3),
    '%w': () => String(d.getUTCDay() + 1),
    '%u': () => String(d.getUTCDay() || 7),
    '%U': () => pad(sundayWeek(d)),
    '%V': () => pad(isoWeek),
    '%z': () => `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`,
    '%Z': () => String(offset),
    '%b': () => MONTHS[d.getUTCMonth()],
    '%B': () => MONTH_NAMES[d.getUTCMonth()],
    '%%': () => '%',
  };
  return format.replace(/%./g, (spec) => {
    const fn = table[spec];
    if (!fn) throw exprError(`$dateToString: invalid format specifier ${spec}`);
    return fn();
  });
}

function stringArgs(
  obj: AnyObject,
  expr: unknown,
  options: Options,
  op: string,
): [string | null, string, number, number | undefined] {
  if (!Array.isArray(expr) || expr.length < 2 || expr.length > 4) throw exprError(`${op} needs 2 to 4 arguments`);
  const [str, search, start, end] = evalExpr(obj, expr, options) as unknown[];
  if (str === null || str === undefined) return [null, '', 0, undefined];
  if (typeof str !== 'string' || typeof search !== 'string') throw exprError(`${op} requires strings`);
  const int = (v: unknown, what: string) => {
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0)
      throw exprError(`${op} ${what} must be a non-negative integer`);
    return v;
  };
  return [str, search, int(start, 'start') ?? 0, int(end, 'end')];
}

/** `$indexOfBytes`: positions in UTF-8 bytes, as MongoDB counts them. */
function $indexOfBytes(obj: AnyObject, expr: unknown, options: Options): number | null {
  const [str, search, start, end] = stringArgs(obj, expr, options, '$indexOfBytes');
  if (str === null) return null;
  const bytes = Buffer.from(str, 'utf8');
  const stop = Math.min(end ?? bytes.length, bytes.length);
  if (start > stop) return -1;
  const at = bytes.subarray(0, stop).indexOf(Buffer.from(search, 'utf8'), start);
  return at;
}

/** `$indexOfCP`: positions in Unicode code points. */
function $indexOfCP(obj: AnyObject, expr: unknown, options: Options): number | null {
  const [str, search, start, end] = stringArgs(obj, expr, options, '$indexOfCP');
  if (str === null) return null;
  const cps = [...str];
  const needle = [...search];
  const stop = Math.min(end ?? cps.length, cps.length);
  for (let i = start; i + needle.length <= stop; i++) if (needle.every((c, j) => cps[i + j] === c)) return i;
  return -1;
}

/** `$trunc: <number>` or `$trunc: [<number>, <place>]`. */
function $trunc(obj: AnyObject, expr: unknown, options: Options): number | null {
  const [n, place = 0] = evalExpr(obj, Array.isArray(expr) ? expr : [expr], options) as [unknown, unknown];
  if (n === null || n === undefined) return null;
  if (typeof n !== 'number' || typeof place !== 'number') throw exprError('$trunc only supports numeric types');
  const f = 10 ** place;
  return Math.trunc(n * f) / f;
}

// ------------------------------------------------------------------ pipeline stages mingo gets wrong

/** `$sample`: `size` distinct documents in random order (never the same document twice). */
function $sample(coll: Iterator, expr: { size?: unknown }): Iterator {
  const size = expr?.size;
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0)
    throw exprError('size argument to $sample must be a non-negative integer');
  return coll.transform((xs) => {
    const a = [...xs];
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return Lazy(a.slice(0, size));
  });
}

/**
 * `$bucket` as MongoDB defines it: `[lower, upper)` per boundary pair, `default` for the rest
 * (an error when a value falls outside and there is no default), sorted by boundary.
 */
export function rewriteBucket(spec: unknown): AnyObject[] {
  if (!isPlainObject(spec) || !Array.isArray(spec.boundaries) || spec.boundaries.length < 2)
    throw exprError('$bucket needs groupBy and at least two boundaries');
  const b = spec.boundaries;
  const branches = b.slice(0, -1).map((lo, i) => ({
    case: { $and: [{ $gte: [spec.groupBy, lo] }, { $lt: [spec.groupBy, b[i + 1]] }] },
    then: lo,
  }));
  const output = isPlainObject(spec.output) ? spec.output : { count: { $sum: 1 } };
  // Without a default, $switch itself refuses a value outside every bucket, as MongoDB's $bucket does.
  const sw: AnyObject = 'default' in spec ? { branches, default: { $literal: spec.default } } : { branches };
  return [{ $group: { _id: { $switch: sw }, ...output } }, { $sort: { _id: 1 } }];
}

/**
 * mingo's operators with the emulator's own laid over them: the ones mingo does not ship, and the
 * ones whose semantics differ from MongoDB's. Used with mingo's base `Query`/`Aggregator`, whose
 * contexts (unlike the package's default export) let these replace mingo's.
 */
export const EMULATOR_CONTEXT = Context.init({
  accumulator: { ...accumulatorOps },
  expression: { ...expressionOps, $week, $dateToString, $indexOfBytes, $indexOfCP, $trunc },
  pipeline: { ...pipelineOps, $sample },
  projection: { ...projectionOps },
  query: { ...queryOps, $geoWithin, $geoIntersects, $nearSphere, $near: $nearSphere, $geoNear: $nearSphere },
  window: { ...windowOps },
} as never);

/** Options for every mingo `Query`, `Aggregator` and update the engine runs. */
export const MINGO_OPTIONS: Partial<Options> = {
  idKey: '_id',
  context: EMULATOR_CONTEXT,
  jsonSchemaValidator,
};
