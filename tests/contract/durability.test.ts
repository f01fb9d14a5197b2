import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDatabaseEmulator } from '../../emulator/db';
import {
  codeOf,
  contractManifest,
  describeEmulatorOnly,
  initSdk,
  SCRATCH,
  spawnEmulator,
  type EmulatorProcess,
  type Tx,
} from './support';

describeEmulatorOnly('durability of the standalone emulator (emulator/main.ts)', () => {
  let dataDir = '';
  const children: EmulatorProcess[] = [];
  const start = async (env: Record<string, string> = {}): Promise<EmulatorProcess> => {
    const p = await spawnEmulator(dataDir, env);
    children.push(p);
    return p;
  };

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cb-durability-'));
  });
  afterAll(async () => {
    for (const c of children) await c.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('every acknowledged write survives kill -9; a torn journal tail is ignored on restart', async () => {
    const first = await start();
    const db = initSdk(first);
    const _ = db.command;
    await db.createCollection(SCRATCH);
    await db.createCollection('durable_made_at_runtime');
    const batch = await db
      .collection(SCRATCH)
      .add(Array.from({ length: 40 }, (_x, i) => ({ i, at: new Date(Date.UTC(2025, 0, 1, 0, i)) })));
    await Promise.all(Array.from({ length: 30 }, (_x, i) => db.collection('counters').add({ _id: `c${i}`, n: i })));
    await db
      .collection('counters')
      .where({ n: _.gte(20) })
      .update({ big: true });
    await db.collection('counters').doc('c0').remove();
    await db.collection('durable_made_at_runtime').add({ _id: 'x', ok: true });
    await db.runTransaction(async (tx: Tx) => {
      await tx.collection('counters').doc('c1').update({ n: 100 });
      await tx.collection('counters').add({ _id: 'from-tx', n: -1 });
    });
    await first.kill('SIGKILL');
    expect(first.child.signalCode).toBe('SIGKILL');

    // A write the process never acknowledged: the half line a death mid-append leaves behind.
    appendFileSync(join(dataDir, 'journal.ndjson'), '{"o":[["p","counters",{"_id":"torn"');

    const second = await start();
    const db2 = initSdk(second);
    const all = await db2.collection(SCRATCH).orderBy('i', 'asc').limit(1000).get();
    expect(all.data.map((d: { _id: string }) => d._id)).toEqual(batch.ids);
    expect(all.data[5].at).toEqual(new Date(Date.UTC(2025, 0, 1, 0, 5)));
    expect((await db2.collection('counters').count()).total).toBe(30);
    expect((await db2.collection('counters').doc('c0').get()).data).toEqual([]);
    expect((await db2.collection('counters').doc('c1').get()).data[0].n).toBe(100);
    expect((await db2.collection('counters').doc('from-tx').get()).data[0].n).toBe(-1);
    expect((await db2.collection('counters').where({ big: true }).count()).total).toBe(10);
    expect((await db2.collection('counters').doc('torn').get()).data).toEqual([]);
    expect((await db2.collection('durable_made_at_runtime').doc('x').get()).data[0].ok).toBe(true);

    // The restart compacted everything into the snapshot; keep writing and crash again.
    expect(readFileSync(join(dataDir, 'journal.ndjson'), 'utf8')).toBe('');
    await db2
      .collection('counters')
      .doc('c2')
      .update({ n: _.inc(1000) });
    await second.kill('SIGKILL');

    // With fsync on and a tiny compaction threshold, compactions happen between writes.
    const third = await start({ EMULATOR_FSYNC: '1', EMULATOR_COMPACT_BYTES: '2000' });
    const db3 = initSdk(third);
    expect((await db3.collection('counters').doc('c2').get()).data[0].n).toBe(1002);
    expect((await db3.collection(SCRATCH).count()).total).toBe(40);
    for (let i = 0; i < 30; i++) await db3.collection('counters').add({ _id: `late${i}`, n: i, pad: 'x'.repeat(100) });
    expect(readFileSync(join(dataDir, 'journal.ndjson'), 'utf8').length).toBeLessThan(4000);
    await third.kill('SIGKILL');

    const fourth = await start();
    const db4 = initSdk(fourth);
    expect((await db4.collection('counters').count()).total).toBe(60);
    expect((await db4.collection('counters').doc('late29').get()).data[0].n).toBe(29);
    await fourth.kill('SIGTERM');
    expect(fourth.child.exitCode).toBe(0);
  }, 30_000);

  it('a failed journal append leaves the journal as it was: every acknowledged write survives a cap, kill -9 and restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-fsize-'));
    // The soft file-size limit caps every file the emulator writes; the hard limit stays open so
    // prlimit can lift the soft one while the process runs (as a freed disk would).
    const capBytes = 40_000;
    const capped = await spawnEmulator(dir, {}, ['prlimit', `--fsize=${capBytes}:unlimited`]);
    children.push(capped);
    try {
      const db = initSdk(capped);
      const pad = 'x'.repeat(1500);
      const acknowledged: string[] = [];
      const refused: string[] = [];
      for (let i = 0; i < 60; i++) {
        try {
          await db.collection('counters').add({ _id: `w${i}`, i, pad });
          acknowledged.push(`w${i}`);
        } catch (e) {
          expect(codeOf(e)).toBe('SYS_ERR');
          refused.push(`w${i}`);
        }
      }
      // The cap was hit part-way: some writes were acknowledged, the rest refused, none torn.
      expect(acknowledged.length).toBeGreaterThan(5);
      expect(refused.length).toBeGreaterThan(5);
      expect(statSync(join(dir, 'journal.ndjson')).size).toBeLessThanOrEqual(capBytes);
      const journal = readFileSync(join(dir, 'journal.ndjson'), 'utf8');
      expect(journal.endsWith('\n')).toBe(true);
      for (const line of journal.split('\n').filter(Boolean)) expect(() => JSON.parse(line)).not.toThrow();
      // The refused writes left nothing behind in memory either.
      expect((await db.collection('counters').count()).total).toBe(acknowledged.length);

      execFileSync('prlimit', ['--pid', String(capped.child.pid), '--fsize=unlimited:unlimited']);
      for (let i = 0; i < 10; i++) {
        await db.collection('counters').add({ _id: `after${i}`, i, pad });
        acknowledged.push(`after${i}`);
      }
      await capped.kill('SIGKILL');

      const restarted = await spawnEmulator(dir);
      children.push(restarted);
      const db2 = initSdk(restarted);
      const stored = await db2.collection('counters').field({ _id: true }).limit(1000).get();
      expect(stored.data.map((d: { _id: string }) => d._id).sort()).toEqual([...acknowledged].sort());
      await restarted.kill('SIGTERM');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a journal an older emulator tore mid-file still loads: the whole record after the torn bytes is kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-torn-mid-'));
    try {
      const a = await startDatabaseEmulator({ dataDir: dir, manifest: contractManifest() });
      const dbA = initSdk(a);
      await dbA.collection('counters').add({ _id: 'kept-before', n: 1 });
      await a.close();
      // What a pre-fix emulator wrote: half of a refused append, then the next acknowledged record.
      appendFileSync(
        join(dir, 'journal.ndjson'),
        '{"o":[["p","counters",{"_id":"never-acknowledged","pad":"xx' +
          '{"o":[["p","counters",{"_id":"kept-after","n":2}]]}\n' +
          '{"o":[["p","counters",{"_id":"kept-last","n":3}]]}\n',
      );
      const b = await startDatabaseEmulator({ dataDir: dir, manifest: contractManifest() });
      const dbB = initSdk(b);
      const ids = (await dbB.collection('counters').field({ _id: true }).get()).data.map((d: { _id: string }) => d._id);
      expect(ids.sort()).toEqual(['kept-after', 'kept-before', 'kept-last']);
      await b.close();
      expect(existsSync(join(dir, 'journal.ndjson'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an in-process emulator reopened on its folder finds its data (close + reopen)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-reopen-'));
    try {
      const a = await startDatabaseEmulator({ dataDir: dir, manifest: contractManifest(), compactBytes: 1000 });
      const dbA = initSdk(a);
      await dbA.collection('counters').add(Array.from({ length: 50 }, (_x, i) => ({ _id: `r${i}`, i })));
      await dbA
        .collection('counters')
        .where({ i: dbA.command.lt(10) })
        .remove();
      await expect(startDatabaseEmulator({ dataDir: dir, manifest: contractManifest() })).rejects.toThrow(
        /already open/,
      );
      expect((await dbA.collection('counters').count()).total).toBe(40);
      expect(readFileSync(join(dir, 'LOCK'), 'utf8')).toBe(String(process.pid));
      await a.close();
      const b = await startDatabaseEmulator({ dataDir: dir, manifest: contractManifest() });
      const dbB = initSdk(b);
      expect((await dbB.collection('counters').count()).total).toBe(40);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a second emulator on a data folder in use is refused', async () => {
    const running = await start();
    await expect(spawnEmulator(dataDir)).rejects.toThrow(/in use by process/);
    await running.kill('SIGTERM');
  }, 30_000);
});
