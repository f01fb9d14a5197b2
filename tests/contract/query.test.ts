import { insertMany, rejectionCode, SCRATCH, useContract } from './support';

const ctx = useContract();
const BASE = Date.UTC(2025, 0, 1);
const N = 1100;

describe('reading: get, limits, paging, ordering, projection, count', () => {
  beforeAll(async () => {
    const docs = Array.from({ length: N }, (_, i) => ({
      _id: `${ctx.run}-q${i}`,
      run: ctx.run,
      kind: 'bulk',
      i,
      g: i % 3,
      tag: i % 2 ? 'odd' : 'even',
      at: new Date(BASE + i * 60_000),
      nested: { v: i, label: `L${i}` },
      list: [i, i + 1],
    }));
    await insertMany(ctx.db.collection(SCRATCH), docs);
  }, 60_000);

  const bulk = () => ctx.db.collection(SCRATCH).where({ run: ctx.run, kind: 'bulk' });

  it('get() without limit answers 100 rows', async () => {
    const res = await bulk().get();
    expect(res.data).toHaveLength(100);
  });

  it('limit above 1000 is clamped to 1000', async () => {
    const res = await bulk().limit(5000).get();
    expect(res.data).toHaveLength(1000);
  });

  it('count() counts every match, beyond the 1000-row cap', async () => {
    const res = await bulk().count();
    expect(res.total).toBe(N);
  });

  it('skip + limit + orderBy page deterministically', async () => {
    const res = await bulk().orderBy('i', 'asc').skip(1050).limit(100).get();
    expect(res.data.map((d: { i: number }) => d.i)).toEqual(Array.from({ length: 50 }, (_, k) => 1050 + k));
    const desc = await bulk().orderBy('i', 'desc').limit(3).get();
    expect(desc.data.map((d: { i: number }) => d.i)).toEqual([1099, 1098, 1097]);
  });

  it('orderBy on several fields sorts by each in turn', async () => {
    const _ = ctx.db.command;
    const res = await ctx.db
      .collection(SCRATCH)
      .where({ run: ctx.run, kind: 'bulk', i: _.lt(9) })
      .orderBy('g', 'desc')
      .orderBy('i', 'asc')
      .get();
    expect(res.data.map((d: { i: number }) => d.i)).toEqual([2, 5, 8, 1, 4, 7, 0, 3, 6]);
  });

  it('field() projects the chosen fields plus _id', async () => {
    const res = await bulk().orderBy('i', 'asc').limit(2).field({ i: true, 'nested.v': true }).get();
    expect(res.data).toEqual([
      { _id: `${ctx.run}-q0`, i: 0, nested: { v: 0 } },
      { _id: `${ctx.run}-q1`, i: 1, nested: { v: 1 } },
    ]);
    const one = await ctx.db.collection(SCRATCH).doc(`${ctx.run}-q7`).field({ tag: true }).get();
    expect(one.data).toEqual([{ _id: `${ctx.run}-q7`, tag: 'odd' }]);
  });

  it('doc(id).get() answers an array: one document, or [] when the id does not exist', async () => {
    const hit = await ctx.db.collection(SCRATCH).doc(`${ctx.run}-q5`).get();
    expect(Array.isArray(hit.data)).toBe(true);
    expect(hit.data).toHaveLength(1);
    expect(hit.data[0]).toMatchObject({ _id: `${ctx.run}-q5`, i: 5, tag: 'odd' });
    const miss = await ctx.db.collection(SCRATCH).doc(`${ctx.run}-nope`).get();
    expect(miss.data).toEqual([]);
  });

  it('Dates come back as Date objects and compare in queries', async () => {
    const _ = ctx.db.command;
    const res = await ctx.db.collection(SCRATCH).doc(`${ctx.run}-q10`).get();
    expect(res.data[0].at).toBeInstanceOf(Date);
    expect(res.data[0].at.getTime()).toBe(BASE + 10 * 60_000);
    const range = await bulk()
      .where({
        run: ctx.run,
        kind: 'bulk',
        at: _.gte(new Date(BASE + 20 * 60_000)).and(_.lt(new Date(BASE + 23 * 60_000))),
      })
      .orderBy('at', 'asc')
      .get();
    expect(range.data.map((d: { i: number }) => d.i)).toEqual([20, 21, 22]);
  });

  it('query operators as the SDK serialises them', async () => {
    const db = ctx.db;
    const _ = db.command;
    const c = db.collection(SCRATCH);
    const ids = async (q: Record<string, unknown>): Promise<number[]> =>
      (
        await c
          .where({ run: ctx.run, kind: 'bulk', ...q })
          .orderBy('i', 'asc')
          .get()
      ).data.map((d: { i: number }) => d.i);

    expect(await ids({ i: _.in([3, 1, 2000]) })).toEqual([1, 3]);
    expect(await ids({ i: _.gt(5).and(_.lte(8)) })).toEqual([6, 7, 8]);
    expect(await ids({ i: _.lt(4), tag: _.neq('even') })).toEqual([1, 3]);
    expect(await ids({ i: _.lt(6).and(_.nin([0, 2, 4])) })).toEqual([1, 3, 5]);
    expect(await ids({ nested: { v: 12 } })).toEqual([12]);
    expect(await ids({ 'nested.v': _.gte(1098) })).toEqual([1098, 1099]);
    expect(await ids({ 'nested.label': /^L10[0-2]$/ })).toEqual([100, 101, 102]);
    expect(await ids({ 'nested.label': db.RegExp({ regexp: '^l10[0-2]$', options: 'i' }) })).toEqual([100, 101, 102]);
    expect(await ids({ list: 4, i: _.lt(10) })).toEqual([3, 4]);
    expect(await ids({ i: _.lt(3), missing: _.exists(false) })).toEqual([0, 1, 2]);

    const or = await c
      .where(
        _.or([
          { run: ctx.run, kind: 'bulk', i: 1 },
          { run: ctx.run, kind: 'bulk', i: 1099 },
        ]),
      )
      .orderBy('i', 'asc')
      .get();
    expect(or.data.map((d: { i: number }) => d.i)).toEqual([1, 1099]);
  });

  it('SDK quirk: where({ x: undefined }) silently drops the x filter', async () => {
    const res = await ctx.db.collection(SCRATCH).where({ run: ctx.run, kind: 'bulk', i: undefined }).count();
    expect(res.total).toBe(N);
  });

  it('a collection that does not exist answers DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = ctx.db.collection(`contract_missing_${ctx.run}`);
    expect(await rejectionCode(missing.get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await rejectionCode(missing.count())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await rejectionCode(missing.doc('x').get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});
