import { insertMany, rejectionCode, SCRATCH, useContract } from './support';

const ctx = useContract();

describe('aggregate pipelines', () => {
  const stations = ['s1', 's2', 's3'];
  beforeAll(async () => {
    const docs: Array<Record<string, unknown>> = stations.map((code, i) => ({
      run: ctx.run,
      kind: 'station',
      code,
      name: `Station ${i + 1}`,
    }));
    for (let i = 0; i < 30; i++) {
      docs.push({
        run: ctx.run,
        kind: 'entry',
        i,
        stationId: stations[i % 3],
        hours: (i % 5) + 1,
        at: new Date(Date.UTC(2025, i % 2, 1 + i)),
        tags: i % 4 === 0 ? ['a', 'b'] : ['a'],
      });
    }
    await insertMany(ctx.db.collection(SCRATCH), docs);
  });

  const agg = () => ctx.db.collection(SCRATCH).aggregate();

  it('$match + $group + $sort sum per group', async () => {
    const $ = ctx.db.command.aggregate;
    const res = await agg()
      .match({ run: ctx.run, kind: 'entry' })
      .group({ _id: '$stationId', total: $.sum('$hours'), n: $.sum(1), first: $.min('$i') })
      .sort({ _id: 1 })
      .end();
    const expected = stations.map((s, k) => {
      const rows = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 === k);
      return { _id: s, total: rows.reduce((acc, i) => acc + (i % 5) + 1, 0), n: rows.length, first: k };
    });
    expect(res.data).toEqual(expected);
  });

  it('$project computes fields with expression operators; Dates come back as Dates', async () => {
    const $ = ctx.db.command.aggregate;
    const res = await agg()
      .match({ run: ctx.run, kind: 'entry', i: ctx.db.command.lt(3) })
      .sort({ i: 1 })
      .project({ _id: 0, i: 1, double: $.multiply(['$hours', 2]), month: $.month('$at'), at: 1 })
      .end();
    expect(res.data).toEqual([
      { i: 0, double: 2, month: 1, at: new Date(Date.UTC(2025, 0, 1)) },
      { i: 1, double: 4, month: 2, at: new Date(Date.UTC(2025, 1, 2)) },
      { i: 2, double: 6, month: 1, at: new Date(Date.UTC(2025, 0, 3)) },
    ]);
    expect(res.data[0].at).toBeInstanceOf(Date);
  });

  it('$lookup joins another collection', async () => {
    const res = await agg()
      .match({ run: ctx.run, kind: 'entry', i: ctx.db.command.in([0, 1]) })
      .lookup({ from: SCRATCH, localField: 'stationId', foreignField: 'code', as: 'station' })
      .sort({ i: 1 })
      .project({ _id: 0, i: 1, 'station.name': 1, 'station.run': 1 })
      .end();
    // The station rows of other runs share codes; keep this run's.
    const mine = res.data.map((r: { i: number; station: Array<{ name: string; run: string }> }) => ({
      i: r.i,
      names: r.station.filter((s) => s.run === ctx.run).map((s) => s.name),
    }));
    expect(mine).toEqual([
      { i: 0, names: ['Station 1'] },
      { i: 1, names: ['Station 2'] },
    ]);
  });

  it('$unwind + $group + $count', async () => {
    const $ = ctx.db.command.aggregate;
    const byTag = await agg()
      .match({ run: ctx.run, kind: 'entry' })
      .unwind('$tags')
      .group({ _id: '$tags', n: $.sum(1) })
      .sort({ _id: 1 })
      .end();
    expect(byTag.data).toEqual([
      { _id: 'a', n: 30 },
      { _id: 'b', n: 8 },
    ]);
    const counted = await agg().match({ run: ctx.run, kind: 'entry', hours: 5 }).count('fives').end();
    expect(counted.data).toEqual([{ fives: 6 }]);
  });

  it('without a $limit stage the answer is capped at 20 rows; .limit(n) lifts the cap', async () => {
    const capped = await agg().match({ run: ctx.run, kind: 'entry' }).end();
    expect(capped.data).toHaveLength(20);
    const all = await agg().match({ run: ctx.run, kind: 'entry' }).limit(1000).end();
    expect(all.data).toHaveLength(30);
  });

  it('aggregating a collection that does not exist answers DATABASE_COLLECTION_NOT_EXIST', async () => {
    const code = await rejectionCode(
      ctx.db.collection(`contract_missing_${ctx.run}`).aggregate().match({ a: 1 }).end(),
    );
    expect(code).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });
});
