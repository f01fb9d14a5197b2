/**
 * An equality `$lookup` (`from`, `localField`, `foreignField`, `as` and nothing else) run by the
 * engine instead of mingo, so that it clones only the foreign documents it joins.
 *
 * mingo resolves `from` through the engine's collection resolver, which must hand it a deep copy of
 * the whole foreign collection (mingo may write into what a stage passes on): the 月报's visit
 * section cloned every visit of the district, with its checklist and photos, for a 室 with twenty
 * records. Here the join map is built over the stored documents (nothing here writes to them) and
 * a foreign document is cloned the first time a row joins it; later rows joining it get that same
 * copy, and rows with the same local value get the same array, exactly as mingo's shared join
 * collection gives them.
 *
 * The answers are mingo's, bit for bit: the join is a transcription of mingo 7's `$lookup`
 * (`resolve`, `ensureArray`, `flatten` and `HashMap` from `mingo/util`: the same key equality,
 * the same order, the same duplicates for repeated foreign array values, the same `undefined` for
 * an unmatched member of a local array) and the pipeline is cut around it into segments that mingo
 * streams lazily, one document at a time through every stage as before, so errors surface in the
 * same order. Any other `$lookup` (`let`, `pipeline`, a non-string field) stays in mingo's segment.
 * `tests/unit/emulator-compiled.test.ts` runs random pipelines both ways.
 */
import { Context } from 'mingo';
import type { Iterator } from 'mingo/lazy';
import type { AnyObject, Options } from 'mingo/types';
import * as mingoUtil from 'mingo/util';
import { isPlainObject, type PlainObject } from './ejson';
import { EMULATOR_CONTEXT } from './operators';

const { HashMap, MingoError, ensureArray, flatten, isArray, resolve } = mingoUtil;

const LOOKUP_KEYS = new Set(['from', 'localField', 'foreignField', 'as']);

interface EqualityLookup {
  from: string;
  localField: string;
  foreignField: string;
  as: string;
}

/** The stage's spec when it is an equality `$lookup` this module answers, else undefined. */
export function equalityLookup(stage: PlainObject): EqualityLookup | undefined {
  const keys = Object.keys(stage);
  if (keys.length !== 1 || keys[0] !== '$lookup') return undefined;
  const spec = stage.$lookup;
  if (!isPlainObject(spec)) return undefined;
  if (Object.keys(spec).some((k) => !LOOKUP_KEYS.has(k))) return undefined;
  const { from, localField, foreignField, as } = spec;
  if (typeof from !== 'string' || typeof as !== 'string') return undefined;
  if (typeof localField !== 'string' || !localField || typeof foreignField !== 'string' || !foreignField)
    return undefined;
  return { from, localField, foreignField, as };
}

/** What the engine lends the pipeline. */
export interface LookupSource {
  /** The stored documents of a collection in natural order (read, never written), [] if none. */
  collection: (name: string) => Iterable<PlainObject>;
  /** A private deep copy of a stored document, as mingo's collection resolver answers them. */
  clone: (doc: PlainObject) => PlainObject;
}

/** The stage that stands in for an equality `$lookup`; only the engine can build its argument. */
const STAGE = '$__emulatorEqualityLookup';

class LookupPlan {
  constructor(
    readonly spec: EqualityLookup,
    readonly lend: LookupSource,
  ) {}
}

/**
 * mingo's operators plus the stand-in stage. The pipeline stays ONE mingo aggregation (one
 * `CLONE_INPUT`, documents streamed through every stage in turn, the same options for nested
 * pipelines), so only the join itself changes hands.
 */
export const LOOKUP_CONTEXT = Context.from(EMULATOR_CONTEXT).addPipelineOps({
  [STAGE]: (coll: Iterator, expr: AnyObject, _options: Options): Iterator => {
    // A client cannot name this stage (the engine refuses undocumented stages, and a nested
    // pipeline's stage gets mingo's own answer for an unknown operator).
    if (!(expr instanceof LookupPlan)) throw new MingoError(`unregistered pipeline operator ${STAGE}.`);
    const join = joinOf(expr.spec, expr.lend);
    return coll.map((o) => join(o as PlainObject));
  },
});

/**
 * `pipeline` with its equality `$lookup`s replaced by the stand-in stage, to run with
 * {@link LOOKUP_CONTEXT}; undefined when it has none (the caller runs it as it is).
 */
export function withEqualityLookups(pipeline: PlainObject[], lend: LookupSource): PlainObject[] | undefined {
  if (!pipeline.some((s) => equalityLookup(s))) return undefined;
  return pipeline.map((stage) => {
    const spec = equalityLookup(stage);
    return spec ? { [STAGE]: new LookupPlan(spec, lend) } : stage;
  });
}

/** mingo's `$lookup` with `localField`/`foreignField` and no pipeline, over lent documents. */
function joinOf(spec: EqualityLookup, lend: LookupSource): (o: PlainObject) => PlainObject {
  const { localField, foreignField, as } = spec;
  const map = HashMap.init<unknown, PlainObject[]>();
  for (const doc of lend.collection(spec.from)) {
    for (const v of ensureArray(resolve(doc, foreignField) ?? null)) {
      const xs = map.get(v);
      const arr = xs ?? [];
      arr.push(doc);
      if (arr !== xs) map.set(v, arr);
    }
  }
  const copies = new Map<PlainObject, PlainObject>();
  const copyOf = (doc: PlainObject): PlainObject => {
    let c = copies.get(doc);
    if (c === undefined) {
      c = lend.clone(doc);
      copies.set(doc, c);
    }
    return c;
  };
  const arrays = new Map<PlainObject[], PlainObject[]>();
  const copyOfArray = (arr: PlainObject[]): PlainObject[] => {
    let c = arrays.get(arr);
    if (c === undefined) {
      c = arr.map(copyOf);
      arrays.set(arr, c);
    }
    return c;
  };
  const lookupEq = (o: PlainObject): unknown[] => {
    const local = resolve(o, localField) ?? null;
    if (isArray(local)) {
      // mingo: Array.from(new Set(flatten(local.map((v) => map.get(v))))), an unmatched member
      // leaving `undefined` in the answer. The set works on identities; copies are one per document.
      const joined = Array.from(new Set(flatten(local.map((v) => map.get(v)))));
      return joined.map((d) => (d === undefined ? d : copyOf(d as PlainObject)));
    }
    const result = map.get(local);
    return result === undefined ? [] : copyOfArray(result);
  };
  return (obj) => ({ ...obj, [as]: lookupEq(obj) });
}
