/**
 * Extended JSON as the CloudBase SDK speaks it.
 *
 * Requests: the SDK sends canonical EJSON produced by `bson` 4.x
 * (`EJSON.stringify(x, { relaxed: false })`): numbers as `{ $numberInt }`, `{ $numberDouble }` or
 * `{ $numberLong }`, dates as `{ $date: { $numberLong } }`, regular expressions as
 * `{ $regularExpression: { pattern, options } }`, and `db.serverDate()` as
 * `{ $tcb_server_date: { offset } }`.
 *
 * Answers: the SDK runs `EJSON.parse` (relaxed) on every document string, so plain JSON numbers
 * come back as numbers and `{ $date: { $numberLong } }` comes back as a real `Date`.
 */

/** A decoded value: what documents, queries and update specs are made of in memory. */
export type Value = unknown;

/** A plain object (not an array, Date or RegExp). */
export type PlainObject = Record<string, unknown>;

/**
 * True for objects built from JSON/object literals (not arrays, Dates, RegExps, class instances).
 * Realm-independent on purpose: under jest the code runs in a VM context whose `Object.prototype`
 * differs from the host's, so identity checks against this realm's prototypes would misfire.
 */
export function isPlainObject(v: unknown): v is PlainObject {
  if (v === null || typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v);
  return (
    proto === null || (Object.getPrototypeOf(proto) === null && Object.prototype.toString.call(v) === '[object Object]')
  );
}

/** Realm-independent `instanceof Date`. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Realm-independent `instanceof RegExp`. */
export function isRegExp(v: unknown): v is RegExp {
  return Object.prototype.toString.call(v) === '[object RegExp]';
}

/**
 * Deep copy of a stored value (plain objects, arrays, Dates, RegExps, scalars), built in this
 * realm. Used instead of `structuredClone`, whose results belong to the host realm under jest.
 */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(cloneValue) as T;
  if (isDate(v)) return new Date(v.getTime()) as T;
  if (isRegExp(v)) return new RegExp(v.source, v.flags) as T;
  const out: PlainObject = {};
  for (const k of Object.keys(v as PlainObject)) out[k] = cloneValue((v as PlainObject)[k]);
  return out as T;
}

const REGEXP_FLAGS = new Set(['i', 'm', 's', 'u']);

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    if (v === 'NaN') return NaN;
    if (v === 'Infinity') return Infinity;
    if (v === '-Infinity') return -Infinity;
    return Number(v);
  }
  return NaN;
}

function decodeWrapper(key: string, inner: unknown, now: number | undefined): { hit: boolean; value?: Value } {
  switch (key) {
    case '$numberInt':
    case '$numberDouble':
    case '$numberLong':
    case '$numberDecimal':
      if (typeof inner === 'string' || typeof inner === 'number') return { hit: true, value: toNumber(inner) };
      return { hit: false };
    case '$date': {
      if (typeof inner === 'string') return { hit: true, value: new Date(inner) };
      if (typeof inner === 'number') return { hit: true, value: new Date(inner) };
      if (isPlainObject(inner) && '$numberLong' in inner)
        return { hit: true, value: new Date(toNumber(inner.$numberLong)) };
      return { hit: false };
    }
    case '$regularExpression': {
      if (isPlainObject(inner) && typeof inner.pattern === 'string') {
        const opts = typeof inner.options === 'string' ? inner.options : '';
        const flags = [...new Set(opts.split(''))].filter((f) => REGEXP_FLAGS.has(f)).join('');
        return { hit: true, value: new RegExp(inner.pattern, flags) };
      }
      return { hit: false };
    }
    case '$oid':
      // ObjectIds are kept as their hex string: the emulator never generates ObjectIds.
      if (typeof inner === 'string') return { hit: true, value: inner };
      return { hit: false };
    case '$undefined':
      return { hit: true, value: undefined };
    case '$tcb_server_date': {
      if (now === undefined) return { hit: false };
      const spec = decode(inner, now);
      const offset = isPlainObject(spec) ? toNumber(spec.offset ?? 0) : 0;
      return { hit: true, value: new Date(now + (Number.isFinite(offset) ? offset : 0)) };
    }
    default:
      return { hit: false };
  }
}

function decode(v: unknown, now: number | undefined): Value {
  if (Array.isArray(v)) return v.map((x) => decode(x, now));
  if (v === null || typeof v !== 'object') return v;
  const keys = Object.keys(v as PlainObject);
  if (keys.length === 1 && keys[0].charCodeAt(0) === 36 /* $ */) {
    const r = decodeWrapper(keys[0], (v as PlainObject)[keys[0]], now);
    if (r.hit) return r.value;
  }
  const out: PlainObject = {};
  for (const k of keys) {
    const d = decode((v as PlainObject)[k], now);
    if (d !== undefined) out[k] = d;
  }
  return out;
}

/**
 * Decodes a JSON tree in canonical or relaxed EJSON into in-memory values.
 * When `now` is given, `{ $tcb_server_date: { offset } }` becomes `new Date(now + offset)`:
 * the server's clock at write time, as CloudBase resolves `db.serverDate()`.
 */
export function decodeEJSON(v: unknown, now?: number): Value {
  return decode(v, now);
}

/** `JSON.parse` + {@link decodeEJSON}. Accepts an already-parsed object too (raw callers). */
export function parseEJSON(text: unknown, now?: number): Value {
  if (typeof text === 'string') return decode(JSON.parse(text), now);
  return decode(text, now);
}

/** Encodes in-memory values into a JSON-safe EJSON tree that `bson`'s relaxed parser reads back. */
export function encodeEJSON(v: Value): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return v;
    return { $numberDouble: Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity' };
  }
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return { $numberLong: v.toString() };
  if (typeof v !== 'object') return null;
  if (Array.isArray(v)) return v.map(encodeEJSON);
  if (isDate(v)) {
    const t = v.getTime();
    return Number.isNaN(t) ? null : { $date: { $numberLong: String(t) } };
  }
  if (isRegExp(v)) return { $regularExpression: { pattern: v.source, options: v.flags } };
  const out: PlainObject = {};
  for (const k of Object.keys(v as PlainObject)) {
    const x = (v as PlainObject)[k];
    if (x !== undefined) out[k] = encodeEJSON(x);
  }
  return out;
}

/** `JSON.stringify(encodeEJSON(v))`: the string form of one document in a `list` answer. */
export function stringifyEJSON(v: Value): string {
  return JSON.stringify(encodeEJSON(v));
}
