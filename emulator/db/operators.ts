/**
 * What the emulator adds to mingo's MongoDB operators: the geo query operators (`$geoWithin`,
 * `$geoIntersects`; `$nearSphere` is answered by the engine, which must also sort by distance)
 * and `$jsonSchema` validation (MongoDB's draft-4 dialect with `bsonType`, by Ajv).
 */
import Ajv from 'ajv-draft-04';
import { Context } from 'mingo';
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

/** Operators mingo does not ship, merged into its own. */
export const EMULATOR_CONTEXT = Context.init({
  query: { $geoWithin, $geoIntersects, $nearSphere, $near: $nearSphere, $geoNear: $nearSphere } as never,
});

/** Options for every mingo `Query`, `Aggregator` and update the engine runs. */
export const MINGO_OPTIONS: Partial<Options> = {
  idKey: '_id',
  context: EMULATOR_CONTEXT,
  jsonSchemaValidator,
};
