import { codeOf, itEmulatorOnly, rejectionCode, SCRATCH, sleep, useContract, type Tx } from './support';

const TIMEOUT_MS = 1_000;
const ctx = useContract({ emulator: { transactionTimeoutMs: TIMEOUT_MS } });

describe('transactions', () => {
  const col = () => ctx.db.collection(SCRATCH);
  const id = (name: string) => `${ctx.run}-${name}`;
  const read = async (docId: string) => (await col().doc(docId).get()).data[0];

  it('runTransaction commits every write atomically and answers the callback value', async () => {
    await col().add([
      { _id: id('from'), run: ctx.run, balance: 100 },
      { _id: id('to'), run: ctx.run, balance: 0 },
    ]);
    const result = await ctx.db.runTransaction(async (tx: Tx) => {
      const from = (await tx.collection(SCRATCH).doc(id('from')).get()).data;
      const to = (await tx.collection(SCRATCH).doc(id('to')).get()).data;
      await tx
        .collection(SCRATCH)
        .doc(id('from'))
        .update({ balance: from.balance - 30 });
      await tx
        .collection(SCRATCH)
        .doc(id('to'))
        .update({ balance: to.balance + 30 });
      await tx.collection(SCRATCH).add({ _id: id('log'), run: ctx.run, moved: 30 });
      return 'moved';
    });
    expect(result).toBe('moved');
    expect((await read(id('from'))).balance).toBe(70);
    expect((await read(id('to'))).balance).toBe(30);
    expect((await read(id('log'))).moved).toBe(30);
  });

  it('doc().get() inside a transaction answers the document itself, or null', async () => {
    await ctx.db.runTransaction(async (tx: Tx) => {
      const hit = await tx.collection(SCRATCH).doc(id('from')).get();
      expect(hit.data).toMatchObject({ _id: id('from') });
      const miss = await tx.collection(SCRATCH).doc(id('nothing')).get();
      expect(miss.data).toBeNull();
    });
  });

  it('a transaction reads its own writes; others see them only after commit', async () => {
    await col().add({ _id: id('iso'), run: ctx.run, v: 1 });
    const tx: Tx = await ctx.db.startTransaction();
    await tx.collection(SCRATCH).doc(id('iso')).update({ v: 2 });
    await tx.collection(SCRATCH).doc(id('iso-new')).set({ run: ctx.run, v: 9 });
    expect((await tx.collection(SCRATCH).doc(id('iso')).get()).data.v).toBe(2);
    expect((await read(id('iso'))).v).toBe(1);
    expect((await col().doc(id('iso-new')).get()).data).toEqual([]);
    await tx.commit();
    expect((await read(id('iso'))).v).toBe(2);
    expect((await read(id('iso-new'))).v).toBe(9);
  });

  it('throwing in the runTransaction callback rejects with that error and writes nothing', async () => {
    await col().add({ _id: id('keep'), run: ctx.run, v: 1 });
    const boom = new Error('boom');
    await expect(
      ctx.db.runTransaction(async (tx: Tx) => {
        await tx.collection(SCRATCH).doc(id('keep')).update({ v: 2 });
        await tx.collection(SCRATCH).add({ _id: id('ghost'), run: ctx.run });
        await tx.collection(SCRATCH).doc(id('keep-too')).set({ run: ctx.run });
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect((await read(id('keep'))).v).toBe(1);
    expect((await col().doc(id('ghost')).get()).data).toEqual([]);
    expect((await col().doc(id('keep-too')).get()).data).toEqual([]);
  });

  it('startTransaction + rollback discards every write', async () => {
    const tx: Tx = await ctx.db.startTransaction();
    await tx.collection(SCRATCH).add({ _id: id('rolled'), run: ctx.run });
    await tx.collection(SCRATCH).doc(id('keep')).remove();
    await tx.rollback();
    expect((await col().doc(id('rolled')).get()).data).toEqual([]);
    expect((await read(id('keep'))).v).toBe(1);
  });

  it('two transactions racing on one document: one wins, the SDK retries the other on DATABASE_TRANSACTION_CONFLICT', async () => {
    await col().add({ _id: id('race'), run: ctx.run, n: 0 });
    const increment = () =>
      ctx.db.runTransaction(async (tx: Tx) => {
        const doc = (await tx.collection(SCRATCH).doc(id('race')).get()).data;
        await sleep(30);
        await tx
          .collection(SCRATCH)
          .doc(id('race'))
          .update({ n: doc.n + 1 });
      }, 5);
    const results = await Promise.allSettled([increment(), increment(), increment()]);
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    for (const r of results)
      if (r.status === 'rejected') expect(codeOf(r.reason)).toBe('DATABASE_TRANSACTION_CONFLICT');
    expect(ok).toBeGreaterThanOrEqual(1);
    expect((await read(id('race'))).n).toBe(ok);
  });

  it('a second transaction writing a document another open transaction wrote gets DATABASE_TRANSACTION_CONFLICT', async () => {
    await col().add({ _id: id('ww'), run: ctx.run, n: 0 });
    const t1: Tx = await ctx.db.startTransaction();
    const t2: Tx = await ctx.db.startTransaction();
    await t1.collection(SCRATCH).doc(id('ww')).update({ n: 1 });
    expect(await rejectionCode(t2.collection(SCRATCH).doc(id('ww')).update({ n: 2 }))).toBe(
      'DATABASE_TRANSACTION_CONFLICT',
    );
    await t2.rollback().catch(() => undefined);
    await t1.commit();
    expect((await read(id('ww'))).n).toBe(1);
  });

  it('a write outside the transaction to a document it read makes the transaction conflict', async () => {
    await col().add({ _id: id('rw'), run: ctx.run, n: 0 });
    const tx: Tx = await ctx.db.startTransaction();
    const seen = (await tx.collection(SCRATCH).doc(id('rw')).get()).data;
    await col()
      .doc(id('rw'))
      .update({ n: ctx.db.command.inc(10) });
    const code = await rejectionCode(
      (async () => {
        await tx
          .collection(SCRATCH)
          .doc(id('rw'))
          .update({ n: seen.n + 1 });
        await tx.commit();
      })(),
    );
    expect(code).toBe('DATABASE_TRANSACTION_CONFLICT');
    await tx.rollback().catch(() => undefined);
    expect((await read(id('rw'))).n).toBe(10);
  });

  it('a unique-index violation inside a transaction answers DATABASE_DUPLICATE_WRITE and the transaction writes nothing', async () => {
    ctx.cleanupLater('contract_unique', { run: ctx.run });
    await ctx.db.collection('contract_unique').add({ run: ctx.run, key: `${ctx.run}-tk` });
    const err = await ctx.db
      .runTransaction(async (tx: Tx) => {
        await tx.collection(SCRATCH).add({ _id: id('before-dup'), run: ctx.run });
        await tx.collection('contract_unique').add({ run: ctx.run, key: `${ctx.run}-tk` });
      })
      .catch((e: unknown) => e);
    expect(codeOf(err)).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await col().doc(id('before-dup')).get()).data).toEqual([]);
  });

  it('a where() query inside a transaction reads the records the transaction added; outside they stay unseen until commit', async () => {
    const tx: Tx = await ctx.db.startTransaction();
    await tx.collection(SCRATCH).add([
      { _id: id('wq-a'), run: ctx.run, set: 'wq', name: 'a' },
      { _id: id('wq-b'), run: ctx.run, set: 'wq', name: 'b' },
    ]);
    const inside = await tx.collection(SCRATCH).where({ run: ctx.run, set: 'wq' }).orderBy('name', 'asc').get();
    expect(inside.data.map((d: { _id: string }) => d._id)).toEqual([id('wq-a'), id('wq-b')]);
    expect((await col().where({ run: ctx.run, set: 'wq' }).get()).data).toEqual([]);
    await tx.commit();
    expect((await col().where({ run: ctx.run, set: 'wq' }).count()).total).toBe(2);
  });

  itEmulatorOnly('an abandoned transaction times out and releases its documents', async () => {
    await col().add({ _id: id('stale'), run: ctx.run, n: 0 });
    const abandoned: Tx = await ctx.db.startTransaction();
    await abandoned.collection(SCRATCH).doc(id('stale')).update({ n: 1 });
    await sleep(TIMEOUT_MS + 300);
    await ctx.db.runTransaction(async (tx: Tx) => {
      await tx.collection(SCRATCH).doc(id('stale')).update({ n: 2 });
    }, 0);
    expect(await rejectionCode(abandoned.commit())).toBe('DATABASE_TRANSACTION_FAIL');
    expect((await read(id('stale'))).n).toBe(2);
  });
});
