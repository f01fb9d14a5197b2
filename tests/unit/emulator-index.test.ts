import fc from 'fast-check';
import { Query } from 'mingo';
import { Collection, type Doc } from '../../emulator/db/collection';
import { compareValues } from '../../emulator/db/indexes';
import type { IndexSpec } from '../../emulator/db/manifest';

const STATIONS = ['st_LJ', 'st_LJ01', 'st_LJ02', 'st_LJ0101', 'st_LJ0201'];
const STATUSES = ['published', 'draft', 'cancelled', 'done'];
const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);

/** The report-shaped indexes of the manifest: a multikey path + date, status + date, a nested field. */
const INDEXES: IndexSpec[] = [
  { name: 'subtree_start', keys: { stationPath: 1, startAt: 1 } },
  { name: 'status_start', keys: { status: 1, startAt: 1 } },
  { name: 'score', keys: { 'meta.score': 1 } },
];

const arbDoc = fc.record(
  {
    stationPath: fc.subarray(STATIONS, { minLength: 0, maxLength: 3 }),
    status: fc.constantFrom(...STATUSES, undefined),
    startAt: fc.oneof(
      fc.integer({ min: 0, max: 60 }).map((d) => new Date(BASE + d * DAY)),
      fc.constant(null),
      fc.integer({ min: 0, max: 60 }),
    ),
    meta: fc.oneof(
      fc.record({ score: fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom('a', 'b'), fc.constant(null)) }),
      fc.constant(undefined),
      fc.array(fc.record({ score: fc.integer({ min: -5, max: 5 }) }), { maxLength: 3 }),
    ),
  },
  { requiredKeys: [] },
);

const arbDate = fc.integer({ min: -2, max: 62 }).map((d) => new Date(BASE + d * DAY));
const arbRange = (arbV: fc.Arbitrary<unknown>) =>
  fc
    .record({ $gt: arbV, $gte: arbV, $lt: arbV, $lte: arbV }, { requiredKeys: [] })
    .filter((r) => Object.keys(r).length > 0);

const arbQuery: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ stationPath: fc.constantFrom(...STATIONS), startAt: arbRange(arbDate) }),
  fc.record({
    stationPath: fc.constantFrom(...STATIONS),
    $and: fc.tuple(arbRange(arbDate), arbRange(arbDate)).map(([a, b]) => [{ startAt: a }, { startAt: b }]),
  }),
  fc.record({
    status: fc.oneof(fc.constantFrom(...STATUSES), fc.record({ $in: fc.subarray(STATUSES, { minLength: 1 }) })),
    startAt: arbRange(arbDate),
  }),
  fc.record({ status: fc.constantFrom(...STATUSES) }),
  fc.record({ stationPath: fc.record({ $in: fc.subarray(STATIONS, { minLength: 1 }) }) }),
  fc.record({ 'meta.score': arbRange(fc.integer({ min: -6, max: 6 })) }),
  fc.record({ 'meta.score': fc.oneof(fc.integer({ min: -6, max: 6 }), fc.constantFrom('a', 'b')) }),
  fc.record({ startAt: arbRange(fc.integer({ min: -2, max: 62 })) }),
);

function fullScan(c: Collection, query: Record<string, unknown>): unknown[] {
  const q = new Query(query);
  return [...c.docs.values()].filter((d) => q.test(d)).map((d) => d._id);
}

function viaIndex(
  c: Collection,
  query: Record<string, unknown>,
): { ids: unknown[]; examined: number; index: string | null } {
  const q = new Query(query);
  const plan = c.plan(query);
  const docs = plan.docs ?? [...c.docs.values()];
  return { ids: docs.filter((d) => q.test(d)).map((d) => d._id), examined: docs.length, index: plan.index };
}

describe('emulator indexes answer exactly what a full scan answers', () => {
  it('equality prefix + range, $in, multikey paths, nested fields and mixed types on random data', () => {
    fc.assert(
      fc.property(
        fc.array(arbDoc, { maxLength: 80 }),
        fc.array(arbQuery, { minLength: 1, maxLength: 10 }),
        (raw, queries) => {
          const c = new Collection('activities', INDEXES);
          raw.forEach((d, i) => c.put({ _id: `d${i}`, ...d } as Doc));
          // Some updates and deletes, so the index also proves itself after maintenance.
          for (let i = 0; i < raw.length; i += 7) c.delete(`d${i}`);
          for (let i = 3; i < raw.length; i += 5) c.put({ _id: `d${i}`, ...raw[(i * 3) % raw.length] } as Doc);
          for (const query of queries) {
            expect(viaIndex(c, query).ids).toEqual(fullScan(c, query));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an equality + date range on an indexed prefix examines only the matching documents', () => {
    const c = new Collection('activities', INDEXES);
    for (let i = 0; i < 2000; i++) {
      c.put({
        _id: `a${i}`,
        stationPath: ['st_LJ', STATIONS[1 + (i % 4)]],
        status: STATUSES[i % 4],
        startAt: new Date(BASE + (i % 365) * DAY),
      } as Doc);
    }
    const june = { $gte: new Date(Date.UTC(2025, 5, 1)), $lt: new Date(Date.UTC(2025, 6, 1)) };
    const query = { stationPath: 'st_LJ01', startAt: june };
    const r = viaIndex(c, query);
    expect(r.index).toBe('subtree_start');
    expect(r.ids).toEqual(fullScan(c, query));
    expect(r.examined).toBe(r.ids.length);
    expect(r.ids.length).toBeGreaterThan(0);
    const byStatus = viaIndex(c, { status: 'draft', startAt: june });
    expect(byStatus.index).toBe('status_start');
    expect(byStatus.examined).toBe(byStatus.ids.length);
    // No index on the field: a full scan, which explain reports as such.
    expect(c.plan({ title: 'x' })).toEqual({ docs: undefined, index: null });
  });

  it('orders keys as MongoDB does across types: null < numbers < strings < objects < arrays < booleans < dates', () => {
    const ordered = [null, -1, 2.5, 'a', 'b', { x: 1 }, [1], false, true, new Date(0), new Date(1)];
    for (let i = 0; i < ordered.length; i++)
      for (let j = 0; j < ordered.length; j++)
        expect(Math.sign(compareValues(ordered[i], ordered[j]))).toBe(Math.sign(i - j));
  });
});
