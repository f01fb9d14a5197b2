import { codeOf, SCRATCH, useContract } from './support';

const ctx = useContract();

describe('concurrent writes', () => {
  it('200 concurrent conditional increments against a cap of 50: exactly 50 succeed', async () => {
    const _ = ctx.db.command;
    const seatId = `${ctx.run}-seats`;
    await ctx.db.collection(SCRATCH).add({ _id: seatId, run: ctx.run, confirmed: 0, capacity: 50 });
    const results = await Promise.all(
      Array.from({ length: 200 }, () =>
        ctx.db
          .collection(SCRATCH)
          .where({ _id: seatId, confirmed: _.lt(50) })
          .update({ confirmed: _.inc(1) }),
      ),
    );
    expect(results.filter((r: { updated: number }) => r.updated === 1)).toHaveLength(50);
    expect(results.filter((r: { updated: number }) => r.updated === 0)).toHaveLength(150);
    expect((await ctx.db.collection(SCRATCH).doc(seatId).get()).data[0].confirmed).toBe(50);
  }, 30_000);

  it('50 concurrent inserts of one deterministic _id: one row, 49 DATABASE_DUPLICATE_WRITE', async () => {
    const bookingId = `${ctx.run}-activity1_user1`;
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_x, i) =>
        ctx.db.collection(SCRATCH).add({ _id: bookingId, run: ctx.run, attempt: i }),
      ),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(rejected.map((r) => codeOf(r.reason))).toEqual(Array(49).fill('DATABASE_DUPLICATE_WRITE'));
    expect((await ctx.db.collection(SCRATCH).where({ _id: bookingId }).count()).total).toBe(1);
  }, 30_000);
});
