import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDatabaseEmulator } from '../../emulator/db';
import type { EmulatorCredentials } from '../../emulator/db';
import { contractManifest, controlHeaders, describeEmulatorOnly, rejectionCode, useContract, type Tx } from './support';

const ctx = useContract();

/** A control request, with this file's emulator credential unless another is given. */
async function http(
  url: string,
  method = 'GET',
  credentials: EmulatorCredentials | undefined = ctx.emulator?.credentials,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { method, headers: credentials ? controlHeaders(credentials) : {} });
  return { status: res.status, body: await res.json() };
}

describeEmulatorOnly('emulator endpoints: operation counters and reset', () => {
  const base = () => {
    if (!ctx.emulator) throw new Error('no emulator');
    return ctx.emulator.url;
  };

  it('GET /emulator/stats counts calls per collection and action; POST /emulator/stats/reset zeroes them', async () => {
    expect((await http(`${base()}/emulator/stats/reset`, 'POST')).status).toBe(200);
    const counters = ctx.db.collection('counters');
    await counters.add({ _id: 'a', n: 1 });
    await counters.add([{ n: 2 }, { n: 3 }]);
    await counters.doc('a').get();
    await counters.where({ n: 2 }).get();
    await counters.count();
    await counters.doc('a').update({ n: 5 });
    await counters.where({ n: 3 }).remove();
    await counters.aggregate().match({ n: 5 }).end();
    await rejectionCode(ctx.db.collection('nope').get());
    await ctx.db.runTransaction(async (tx: Tx) => {
      await tx.collection('counters').doc('a').get();
    });
    const stats = await http(`${base()}/emulator/stats`);
    expect(stats.body).toEqual({
      counters: {
        insertDocument: 2,
        getDocument: 3,
        calculateDocument: 1,
        modifyDocument: 1,
        removeDocument: 1,
        aggregateDocuments: 1,
      },
      nope: { getDocument: 1 },
      '*': { startTransaction: 1, commitTransaction: 1 },
    });
    await http(`${base()}/emulator/stats/reset`, 'POST');
    expect((await http(`${base()}/emulator/stats`)).body).toEqual({});
  });

  it('GET /emulator/explain shows the documents each call examined and the index it used; a missing index shows as a full scan', async () => {
    const col = ctx.db.collection('contract_unique');
    await col.add(
      Array.from({ length: 50 }, (_x, i) => ({ key: `explain-${i}`, n: i % 5, items: [{ tag: `t${i % 10}` }] })),
    );
    expect((await http(`${base()}/emulator/stats/reset`, 'POST')).status).toBe(200);
    await col.where({ key: 'explain-7' }).get();
    await col.where({ 'items.tag': 't3', n: 3 }).get();
    await col.where({ n: 4 }).count();
    await col
      .aggregate()
      .match({ key: ctx.db.command.in(['explain-1', 'explain-2']) })
      .end();
    const explain = await http(`${base()}/emulator/explain`);
    expect(explain.status).toBe(200);
    expect(explain.body).toEqual({
      totals: {
        contract_unique: {
          getDocument: { calls: 2, examined: 6, returned: 6, fullScans: 0 },
          calculateDocument: { calls: 1, examined: 50, returned: 10, fullScans: 1 },
          aggregateDocuments: { calls: 1, examined: 2, returned: 2, fullScans: 0 },
        },
      },
      recent: [
        { collection: 'contract_unique', action: 'getDocument', index: 'key_unique', examined: 1, returned: 1 },
        { collection: 'contract_unique', action: 'getDocument', index: 'items_tag', examined: 5, returned: 5 },
        { collection: 'contract_unique', action: 'calculateDocument', index: null, examined: 50, returned: 10 },
        { collection: 'contract_unique', action: 'aggregateDocuments', index: 'key_unique', examined: 2, returned: 2 },
      ],
    });
    await http(`${base()}/emulator/stats/reset`, 'POST');
    expect((await http(`${base()}/emulator/explain`)).body).toEqual({ totals: {}, recent: [] });
  });

  it('POST /emulator/reset drops all data; manifest collections remain, created ones are gone', async () => {
    await ctx.db.createCollection('made_then_dropped');
    await ctx.db.collection('users').add({ openid: 'reset-me' });
    expect((await http(`${base()}/emulator/reset`, 'POST')).status).toBe(200);
    expect((await ctx.db.collection('users').count()).total).toBe(0);
    expect((await ctx.db.collection('counters').count()).total).toBe(0);
    expect(await rejectionCode(ctx.db.collection('made_then_dropped').get())).toBe('DATABASE_COLLECTION_NOT_EXIST');
    await ctx.db.collection('users').add({ openid: 'after-reset' });
    expect((await ctx.db.collection('users').count()).total).toBe(1);
  });

  it('reset is refused unless the emulator was created with allowReset', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-noreset-'));
    const locked = await startDatabaseEmulator({ dataDir, manifest: contractManifest() });
    try {
      expect((await http(`${locked.url}/emulator/reset`, 'POST', locked.credentials)).status).toBe(403);
      expect((await http(`${locked.url}/emulator/health`)).body).toEqual({ ok: true });
    } finally {
      await locked.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
