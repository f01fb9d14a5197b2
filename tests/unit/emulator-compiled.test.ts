import fc from 'fast-check';
import { ProcessingMode, Query } from 'mingo';
import { Aggregator } from 'mingo/aggregator';
import type { AnyObject } from 'mingo/types';
import { compileGroupPrefix } from '../../emulator/db/compiled-group';
import { equalityLookup, LOOKUP_CONTEXT, withEqualityLookups } from '../../emulator/db/compiled-lookup';
import { compileQuery } from '../../emulator/db/compiled-query';
import { cloneValue, type PlainObject } from '../../emulator/db/ejson';
import { MINGO_OPTIONS, rewriteBucket } from '../../emulator/db/operators';

/**
 * The compiled `[$project] $group` and the compiled query matcher must answer exactly as mingo
 * does — same rows, same order, same values, same errors; same matches — for any documents and
 * any expression or query, or not compile at all.
 */

const DAY = 86_400_000;
const BASE = Date.UTC(2026, 9, 1);
const FIELDS = ['a', 'b', 'path', 'when', 'kind', 'n', 'nested'];

const arbScalar = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, -1.5, Number.NaN),
  fc.constantFrom('x', 'y', '', '$x'),
  fc.boolean(),
  fc.constant(null),
  fc.integer({ min: -2, max: 40 }).map((d) => new Date(BASE + d * DAY)),
);
const arbValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: arbScalar },
  { weight: 1, arbitrary: fc.array(arbScalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.record({ k: arbScalar, v: arbScalar }, { requiredKeys: [] }) },
  { weight: 1, arbitrary: fc.array(fc.record({ k: arbScalar }, { requiredKeys: [] }), { maxLength: 3 }) },
);
const arbDoc = fc
  .tuple(
    fc.integer({ min: 0, max: 1e6 }),
    fc.record(
      {
        a: arbValue,
        b: arbValue,
        path: fc.subarray(['C', 'S1', 'S2', 'R1', 'R2'], { maxLength: 3 }),
        when: fc.integer({ min: -2, max: 40 }).map((d) => new Date(BASE + d * DAY)),
        kind: fc.constantFrom('goods', 'service', 'fund'),
        n: fc.oneof(fc.integer({ min: 0, max: 90 }), fc.constant(null)),
        nested: arbValue,
      },
      { requiredKeys: ['kind'] },
    ),
  )
  .map(([id, d]) => ({ _id: `d${id}`, ...d }));

const arbPath = fc.oneof(
  fc.constantFrom(...FIELDS.map((f) => `$${f}`)),
  fc.constantFrom(
    '$nested.k',
    '$nested.v',
    '$a.k',
    '$nested.0',
    '$missing',
    '$toString',
    '$$ROOT',
    '$$CURRENT.kind',
    '$_id',
  ),
);
const arbLiteral = fc.oneof(
  arbScalar.filter((v) => typeof v !== 'string' || !v.startsWith('$')),
  fc.constant({ $literal: '$kind' }),
);

/** Expressions over the documents: what the compiled path knows, and some it hands to mingo. */
const { expr: arbExpr } = fc.letrec<{ expr: unknown }>((tie) => {
  const e = tie('expr');
  const two = fc.tuple(e, e);
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      arbPath,
      arbLiteral,
      fc.record({ $cond: fc.tuple(e, e, e) }),
      fc.record({ $cond: fc.record({ if: e, then: e, else: e }, { requiredKeys: ['if'] }) }),
      fc.record({ $ifNull: fc.array(e, { minLength: 1, maxLength: 3 }) }),
      fc.record({ $and: fc.array(e, { maxLength: 3 }) }),
      fc.record({ $or: fc.array(e, { maxLength: 3 }) }),
      fc.constantFrom('$gt', '$gte', '$lt', '$lte', '$eq', '$ne').chain((op) => two.map((args) => ({ [op]: args }))),
      fc.record({ $arrayElemAt: fc.tuple(e, fc.oneof(fc.integer({ min: -4, max: 4 }), e)) }),
      fc.record({ $indexOfArray: fc.tuple(e, e) }),
      fc.record({ $add: fc.array(fc.oneof(e, fc.integer({ min: -2, max: 2 })), { maxLength: 3 }) }),
      fc.record({
        $switch: fc.record({ branches: fc.array(fc.record({ case: e, then: e }), { maxLength: 2 }), default: e }),
      }),
      // Not compiled: mingo evaluates these for the document.
      fc.record({ $type: e }),
      fc.record({ $size: e }),
      fc.record({ k: e, m: e }, { requiredKeys: [] }),
    ),
  };
});

const arbAccumulator = fc.oneof(
  fc.record({ $sum: fc.oneof(fc.constant(1), fc.constant(2.5), arbExpr) }),
  fc.record({ $avg: arbExpr }),
  fc.record({ $max: arbExpr }),
  fc.record({ $min: arbExpr }),
  fc.record({ $addToSet: arbExpr }),
  fc.record({ $push: arbExpr }),
  fc.record({ $first: arbExpr }),
  fc.record({ $last: arbExpr }),
  fc.constant({ $count: {} }),
);
const arbGroup = fc
  .tuple(
    fc.oneof(arbExpr, fc.record({ m: arbExpr, c: arbExpr }, { requiredKeys: [] }), fc.constant(null)),
    fc.dictionary(fc.constantFrom('n', 'total', 'people', 'top'), arbAccumulator, { maxKeys: 3 }),
  )
  .map(([id, accs]) => ({ $group: { _id: id, ...accs } }));
const arbProject = fc
  .tuple(
    fc.subarray(['kind', 'n', 'a', 'nested', '_id'], { minLength: 0 }),
    fc.dictionary(fc.constantFrom('m', 'child', 'x'), arbExpr, { maxKeys: 2 }),
    fc.boolean(),
  )
  .filter(([inc, comp]) => inc.length + Object.keys(comp).length > 0)
  .map(([inc, comp, noId]) => {
    const spec: PlainObject = Object.fromEntries(inc.map((f) => [f, 1]));
    for (const [k, v] of Object.entries(comp)) spec[k] = typeof v === 'string' || isOp(v) ? v : { $literal: v };
    if (noId && !inc.includes('_id')) spec._id = 0;
    return { $project: spec };
  });
const isOp = (v: unknown) =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && Object.keys(v)[0]?.[0] === '$';

/**
 * Documents as the engine stores them: plain objects (fast-check also makes null-prototype ones,
 * which EJSON never does), frozen so that a write by the compiled path throws.
 */
function frozenCopy<T>(v: T): T {
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (Array.isArray(v)) return Object.freeze(v.map(frozenCopy)) as T;
  if (v && typeof v === 'object')
    return Object.freeze(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, frozenCopy(x)]))) as T;
  return v;
}

/** mingo's answer, or its error, as the engine would get it. */
function viaMingo(stages: PlainObject[], docs: PlainObject[]): { rows?: unknown[]; error?: string } {
  try {
    const agg = new Aggregator(stages as AnyObject[], { ...MINGO_OPTIONS, processingMode: ProcessingMode.CLONE_INPUT });
    return { rows: agg.run(docs as AnyObject[]) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function viaCompiled(stages: PlainObject[], docs: PlainObject[]): { rows?: unknown[]; error?: string } | undefined {
  const compiled = compileGroupPrefix(stages, MINGO_OPTIONS);
  if (!compiled) return undefined;
  expect(compiled.stages).toBe(stages.length);
  try {
    return { rows: compiled.run(docs) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

describe('the compiled [$project] $group answers as mingo does', () => {
  test('for random documents, expressions and accumulators (rows, order, values and errors)', () => {
    let compiled = 0;
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(arbDoc, { maxLength: 25 }),
        fc.option(arbProject, { nil: undefined }),
        arbGroup,
        (generated, project, group) => {
          const docs = frozenCopy(generated);
          const stages = project ? [project, group] : [group];
          const fast = viaCompiled(stages, docs);
          if (!fast) return;
          compiled++;
          if (fast.rows) answered++;
          expect(fast).toStrictEqual(viaMingo(stages, docs));
        },
      ),
      { numRuns: Number(process.env.GROUP_RUNS ?? 2000) },
    );
    // The property is about the compiled path: many generated pipelines must take it, and
    // a good share of those must answer rows rather than an error.
    expect(compiled).toBeGreaterThan(800);
    expect(answered).toBeGreaterThan(compiled / 3);
  });

  test('the report pipelines and the $bucket rewrite are compiled, and answer as mingo does', () => {
    const current = new Date(BASE + 20 * DAY);
    const docs = frozenCopy(fc.sample(arbDoc, { seed: 7, numRuns: 400 }));
    const pipelines: PlainObject[][] = [
      [
        {
          $group: {
            _id: {
              m: { $cond: [{ $gte: ['$when', current] }, 1, 0] },
              c: { $ifNull: [{ $arrayElemAt: ['$path', 1] }, ''] },
              s: '$kind',
            },
            n: { $sum: 1 },
            minutes: { $sum: '$n' },
            people: { $addToSet: '$a' },
          },
        },
      ],
      [
        {
          $project: { m: { $cond: [{ $gte: ['$when', current] }, 1, 0] }, child: { $arrayElemAt: ['$path', 1] }, n: 1 },
        },
        { $group: { _id: { m: '$m', child: '$child' }, n: { $sum: 1 }, value: { $sum: '$n' } } },
      ],
      rewriteBucket({
        groupBy: '$when',
        boundaries: [new Date(BASE), new Date(BASE + 10 * DAY), new Date(BASE + 30 * DAY)],
        default: 'outside',
        output: { n: { $sum: 1 }, top: { $max: '$n' } },
      }).slice(0, 1),
    ];
    for (const stages of pipelines) {
      const fast = viaCompiled(stages, docs);
      expect(fast).toBeDefined();
      expect(fast!.rows!.length).toBeGreaterThan(1);
      expect(fast).toStrictEqual(viaMingo(stages, docs));
    }
  });

  test('shapes it cannot answer exactly are left to mingo', () => {
    const left: PlainObject[][] = [
      [{ $match: { kind: 'goods' } }],
      [{ $group: { n: { $sum: 1 } } }],
      [{ $group: { _id: '$kind', n: { $stdDevPop: '$n' } } }],
      [{ $group: { _id: '$kind', all: { $push: null } } }],
      [{ $project: { 'nested.k': 1 } }, { $group: { _id: null, n: { $sum: 1 } } }],
      [{ $project: { kind: 0 } }, { $group: { _id: null, n: { $sum: 1 } } }],
      [{ $project: { arr: { $slice: ['$a', 1] } } }, { $group: { _id: null, n: { $sum: 1 } } }],
      [{ $project: { kind: 1 } }, { $group: { _id: null, all: { $push: '$$ROOT' } } }],
      [{ $project: { kind: 1 } }, { $sort: { kind: 1 } }],
    ];
    for (const stages of left) expect(compileGroupPrefix(stages, MINGO_OPTIONS)).toBeUndefined();
  });
});

const arbQueryValue = fc.oneof(arbScalar, fc.constantFrom('goods', 'service', 'C', 'S1', 'R2'));
const arbCondition = fc.oneof(
  arbQueryValue,
  fc.dictionary(fc.constantFrom('$eq', '$ne', '$gt', '$gte', '$lt', '$lte'), arbQueryValue, { minKeys: 1, maxKeys: 2 }),
  fc.record({ $in: fc.array(arbQueryValue, { maxLength: 4 }) }),
  // Left to mingo: object values, regular expressions, other operators.
  fc.record({ $exists: fc.boolean() }),
  fc.constant(/^g/),
  fc.record({ k: arbScalar }),
);
const { query: arbQuery } = fc.letrec<{ query: Record<string, unknown> }>((tie) => ({
  query: fc.oneof(
    { depthSize: 'small' },
    fc.dictionary(fc.constantFrom(...FIELDS, '_id', 'nested.k', 'constructor'), arbCondition, { maxKeys: 3 }),
    fc.record({ $and: fc.array(tie('query'), { maxLength: 3 }), kind: arbCondition }, { requiredKeys: ['$and'] }),
  ),
}));

describe('the compiled query matcher answers as mingo does', () => {
  test('for random documents and queries', () => {
    let compiled = 0;
    let matched = 0;
    fc.assert(
      fc.property(fc.array(arbDoc, { maxLength: 20 }), arbQuery, (docs, query) => {
        const fast = compileQuery(query);
        if (!fast) return;
        compiled++;
        const mingo = new Query(query, MINGO_OPTIONS);
        const stored = frozenCopy(docs);
        const got = stored.map((d) => fast.test(d));
        expect(got).toStrictEqual(stored.map((d) => mingo.test(d as AnyObject)));
        matched += got.filter(Boolean).length;
      }),
      { numRuns: Number(process.env.GROUP_RUNS ?? 2000) },
    );
    // A third of the generated queries are of the compiled shapes (the rest go to mingo).
    expect(compiled).toBeGreaterThan(500);
    expect(matched).toBeGreaterThan(1000);
  });

  test('the report match is compiled; dotted paths, regular expressions and other operators are not', () => {
    const from = new Date(BASE);
    const to = new Date(BASE + 30 * DAY);
    expect(
      compileQuery({ path: 'C', $and: [{ when: { $gte: from } }, { when: { $lt: to } }], kind: { $in: ['goods'] } }),
    ).toBeDefined();
    for (const q of [{ 'nested.k': 1 }, { kind: /^g/ }, { kind: { $exists: true } }, { nested: { k: 1 } }, { $or: [] }])
      expect(compileQuery(q)).toBeUndefined();
  });
});

const LOOKUP_FIELDS = ['a', 'b', 'kind', 'path', 'nested', 'nested.k', 'a.k', 'missing', '_id'];
const arbLookup = fc.record({
  from: fc.constantFrom('other', 'other', 'other', 'none'),
  localField: fc.constantFrom(...LOOKUP_FIELDS),
  foreignField: fc.constantFrom(...LOOKUP_FIELDS),
  as: fc.constantFrom('j', 'a', 'nested.j'),
});
/** Stages around the join, including ones that write into what they are given (mingo may). */
const arbAround = fc.constantFrom<PlainObject>(
  { $unwind: '$j' },
  { $unwind: { path: '$j', preserveNullAndEmptyArrays: true, includeArrayIndex: 'i' } },
  { $addFields: { 'j.x': 1 } },
  { $project: { 'j.kind': 0, 'j.nested': 0 } },
  { $project: { n: { $size: { $ifNull: ['$j', []] } }, ks: { $map: { input: '$j', as: 'v', in: '$$v.kind' } } } },
  { $replaceRoot: { newRoot: { $ifNull: [{ $arrayElemAt: ['$j', 0] }, {}] } } },
  { $addFields: { z: '$kind', 'nested.k': 2 } },
  { $group: { _id: '$kind', n: { $sum: 1 }, all: { $push: '$j' } } },
  { $sort: { _id: -1 } },
  { $match: { kind: 'goods' } },
  { $limit: 7 },
  { $unwind: '$path' },
  { $lookup: { from: 'other', localField: 'kind', foreignField: 'kind', as: 'k2' } },
  { $lookup: { from: 'other', pipeline: [{ $match: { kind: 'fund' } }], as: 'j' } },
);

describe('the equality $lookup answers as mingo does', () => {
  const resolverOf = (foreign: PlainObject[]) => (name: string) =>
    name === 'other' ? foreign.map((d) => cloneValue(d) as AnyObject) : [];

  test('for random documents, fields and stages around it (rows, order, values and errors)', () => {
    let joined = 0;
    let answered = 0;
    fc.assert(
      fc.property(
        fc.array(arbDoc, { maxLength: 15 }),
        fc.array(arbDoc, { maxLength: 25 }),
        fc.array(arbAround, { maxLength: 2 }),
        arbLookup,
        fc.array(arbAround, { maxLength: 3 }),
        (generated, generatedForeign, before, lookup, after) => {
          const docs = frozenCopy(generated);
          const foreign = frozenCopy(generatedForeign);
          const stages = [...before, { $lookup: lookup }, ...after];
          const options = { ...MINGO_OPTIONS, collectionResolver: resolverOf(foreign) };
          const rewritten = withEqualityLookups(stages, {
            collection: (name) => (name === 'other' ? foreign : []),
            clone: (d) => cloneValue(d) as PlainObject,
          });
          expect(rewritten).toBeDefined();
          let fast: { rows?: unknown[]; error?: string };
          try {
            fast = {
              rows: new Aggregator(rewritten as AnyObject[], {
                ...options,
                context: LOOKUP_CONTEXT,
                processingMode: ProcessingMode.CLONE_INPUT,
              }).run(docs as AnyObject[]),
            };
          } catch (e) {
            fast = { error: (e as Error).message };
          }
          let slow: { rows?: unknown[]; error?: string };
          try {
            slow = {
              rows: new Aggregator(stages as AnyObject[], {
                ...options,
                processingMode: ProcessingMode.CLONE_INPUT,
              }).run(docs as AnyObject[]),
            };
          } catch (e) {
            slow = { error: (e as Error).message };
          }
          expect(fast).toStrictEqual(slow);
          // Nothing was written to the stored documents (frozen; mingo's sloppy-mode writes would
          // otherwise vanish silently, so compare with what was generated too).
          expect(foreign).toStrictEqual(frozenCopy(generatedForeign));
          expect(docs).toStrictEqual(frozenCopy(generated));
          if (fast.rows) answered++;
          if (JSON.stringify(fast.rows ?? []).includes('[{"_id":"d')) joined++;
        },
      ),
      { numRuns: Number(process.env.GROUP_RUNS ?? 2000) },
    );
    expect(answered).toBeGreaterThan(1000);
    expect(joined).toBeGreaterThan(500);
  });

  test('only localField/foreignField joins are taken; let, pipeline and odd fields go to mingo', () => {
    const base = { from: 'visits', localField: '_id', foreignField: 'targetId', as: 'visits' };
    expect(equalityLookup({ $lookup: base })).toStrictEqual(base);
    for (const odd of [
      { ...base, let: { x: '$_id' } },
      { ...base, pipeline: [] },
      { ...base, localField: '' },
      { ...base, foreignField: 1 },
      { ...base, as: 1 },
      { ...base, from: { x: 1 } },
    ])
      expect(equalityLookup({ $lookup: odd })).toBeUndefined();
    expect(
      withEqualityLookups([{ $match: {} }, { $project: { a: 1 } }], { collection: () => [], clone: (d) => d }),
    ).toBeUndefined();
    // A client naming the stand-in stage in a nested pipeline gets mingo's unknown-operator error.
    const nested = [{ $lookup: { from: 'other', pipeline: [{ $__emulatorEqualityLookup: {} }], as: 'j' } }];
    expect(() =>
      new Aggregator(nested, { ...MINGO_OPTIONS, context: LOOKUP_CONTEXT, collectionResolver: () => [{}] }).run([{}]),
    ).toThrow('unregistered pipeline operator $__emulatorEqualityLookup.');
  });
});
