import { loadManifest } from '../../emulator/db';
import {
  ensureCollection,
  insertedId,
  insertedIds,
  itEmulatorOnly,
  rejectionCode,
  REAL_CLOUDBASE,
  SCRATCH,
  useContract,
} from './support';

const ctx = useContract();
/** Clock skew tolerated between this machine and the database server for serverDate checks. */
const SKEW_MS = REAL_CLOUDBASE ? 5 * 60_000 : 0;

describe('writing: add, set, update, remove', () => {
  const col = () => ctx.db.collection(SCRATCH);
  const id = (name: string) => `${ctx.run}-${name}`;
  const read = async (docId: string) => (await col().doc(docId).get()).data[0];

  it('add() inserts one document and answers its generated id', async () => {
    const res = await col().add({ run: ctx.run, kind: 'single', n: 1 });
    const newId = insertedId(res);
    expect(res.ids).toBeUndefined();
    expect(await read(newId)).toEqual({ _id: newId, run: ctx.run, kind: 'single', n: 1 });
  });

  itEmulatorOnly('generated ids are 32 hex characters, like CloudBase ids', async () => {
    expect(insertedId(await col().add({ run: ctx.run, kind: 'idshape' }))).toMatch(/^[0-9a-f]{32}$/);
  });

  it('add([...]) inserts a batch and answers every id in order', async () => {
    const ids = insertedIds(
      await col().add([
        { run: ctx.run, kind: 'batch', n: 1 },
        { _id: id('batch-explicit'), run: ctx.run, kind: 'batch', n: 2 },
        { run: ctx.run, kind: 'batch', n: 3 },
      ]),
    );
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(id('batch-explicit'));
    const all = await col().where({ run: ctx.run, kind: 'batch' }).orderBy('n', 'asc').get();
    expect(all.data.map((d: { _id: string }) => d._id)).toEqual(ids);
  });

  it('add() with an existing _id answers DATABASE_DUPLICATE_WRITE', async () => {
    await col().add({ _id: id('dup'), run: ctx.run, v: 1 });
    expect(await rejectionCode(col().add({ _id: id('dup'), run: ctx.run, v: 2 }))).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await read(id('dup'))).v).toBe(1);
  });

  it('doc().set() creates a missing document, then replaces it whole', async () => {
    const created = await col()
      .doc(id('set'))
      .set({ run: ctx.run, a: 1, b: { c: 2 } });
    expect(created.upsertedId).toBe(id('set'));
    expect(created.updated).toBe(0);
    const replaced = await col().doc(id('set')).set({ run: ctx.run, z: true });
    expect(replaced.updated).toBe(1);
    expect(await read(id('set'))).toEqual({ _id: id('set'), run: ctx.run, z: true });
  });

  it('doc().update() merges nested objects; _.set() replaces them; a missing doc answers updated 0', async () => {
    const _ = ctx.db.command;
    await col().add({ _id: id('merge'), run: ctx.run, profile: { name: 'a', city: 'x' } });
    expect(
      (
        await col()
          .doc(id('merge'))
          .update({ profile: { city: 'y' } })
      ).updated,
    ).toBe(1);
    expect((await read(id('merge'))).profile).toEqual({ name: 'a', city: 'y' });
    await col()
      .doc(id('merge'))
      .update({ profile: _.set({ only: 1 }) });
    expect((await read(id('merge'))).profile).toEqual({ only: 1 });
    expect((await col().doc(id('absent')).update({ a: 1 })).updated).toBe(0);
  });

  it('update operators: inc, mul, min, max, push, pull, addToSet, pop, shift, unshift, pullAll, remove, rename', async () => {
    const _ = ctx.db.command;
    const d = id('ops');
    await col().add({ _id: d, run: ctx.run, n: 10, m: 3, lo: 5, hi: 5, arr: [1, 2, 3], set: ['a'], old: 'x', gone: 1 });
    await col()
      .doc(d)
      .update({
        n: _.inc(5),
        m: _.mul(4),
        lo: _.min(2),
        hi: _.max(9),
        arr: _.push([4, 5]),
        set: _.addToSet('a'),
        gone: _.remove(),
        old: _.rename('renamed'),
      });
    expect(await read(d)).toEqual({
      _id: d,
      run: ctx.run,
      n: 15,
      m: 12,
      lo: 2,
      hi: 9,
      arr: [1, 2, 3, 4, 5],
      set: ['a'],
      renamed: 'x',
    });
    await col()
      .doc(d)
      .update({ arr: _.pull(3), set: _.addToSet('b') });
    await col().doc(d).update({ arr: _.pop() });
    await col().doc(d).update({ arr: _.shift() });
    await col()
      .doc(d)
      .update({ arr: _.unshift([0]) });
    const after = await read(d);
    expect(after.arr).toEqual([0, 2, 4]);
    expect(after.set).toEqual(['a', 'b']);
    await col()
      .doc(d)
      .update({ arr: _.pullAll([0, 4]) });
    expect((await read(d)).arr).toEqual([2]);
  });

  it('the positional operator updates the array element the query matched', async () => {
    await col().add({
      _id: id('pos'),
      run: ctx.run,
      items: [
        { k: 1, v: 0 },
        { k: 2, v: 0 },
      ],
    });
    const res = await col()
      .where({ _id: id('pos'), 'items.k': 2 })
      .update({ 'items.$.v': 9 });
    expect(res.updated).toBe(1);
    expect((await read(id('pos'))).items).toEqual([
      { k: 1, v: 0 },
      { k: 2, v: 9 },
    ]);
  });

  it('doc().remove() deletes one document and answers deleted', async () => {
    await col().add({ _id: id('rm'), run: ctx.run });
    expect((await col().doc(id('rm')).remove()).deleted).toBe(1);
    expect((await col().doc(id('rm')).remove()).deleted).toBe(0);
    expect((await col().doc(id('rm')).get()).data).toEqual([]);
  });

  it('where().update() and where().remove() act on every match', async () => {
    const _ = ctx.db.command;
    await col().add(Array.from({ length: 7 }, (_x, i) => ({ run: ctx.run, kind: 'multi', i, seen: false })));
    const up = await col()
      .where({ run: ctx.run, kind: 'multi', i: _.gte(2) })
      .update({ seen: true });
    expect(up.updated).toBe(5);
    expect((await col().where({ run: ctx.run, kind: 'multi', seen: true }).count()).total).toBe(5);
    const rm = await col().where({ run: ctx.run, kind: 'multi', seen: false }).remove();
    expect(rm.deleted).toBe(2);
    expect((await col().where({ run: ctx.run, kind: 'multi' }).count()).total).toBe(5);
  });

  it('updated counts modified documents: writing equal values answers 0', async () => {
    await col().add({ _id: id('same'), run: ctx.run, v: 1 });
    expect((await col().doc(id('same')).update({ v: 1 })).updated).toBe(0);
    expect((await col().doc(id('same')).update({ v: 2 })).updated).toBe(1);
  });

  it('db.serverDate() resolves to the server clock on add and inside update operators', async () => {
    const before = Date.now();
    const docId = insertedId(
      await col().add({ run: ctx.run, at: ctx.db.serverDate(), nested: { at: ctx.db.serverDate({ offset: 60_000 }) } }),
    );
    const doc = await read(docId);
    expect(doc.at).toBeInstanceOf(Date);
    expect(doc.at.getTime()).toBeGreaterThanOrEqual(before - SKEW_MS);
    expect(doc.at.getTime()).toBeLessThanOrEqual(Date.now() + SKEW_MS);
    expect(doc.nested.at.getTime() - doc.at.getTime()).toBeGreaterThanOrEqual(59_000);
    await col()
      .doc(docId)
      .update({ touched: ctx.db.serverDate(), nested: { at: ctx.db.serverDate() } });
    const again = await read(docId);
    expect(again.touched).toBeInstanceOf(Date);
    expect(again.nested.at).toBeInstanceOf(Date);
    expect(again.touched.getTime()).toBeGreaterThanOrEqual(doc.at.getTime());
  });

  it('SDK quirk: _.set(db.serverDate()) sends the raw ServerDate object, stored as { offset: 0 }', async () => {
    const docId = insertedId(await col().add({ run: ctx.run }));
    await col()
      .doc(docId)
      .update({ at: ctx.db.command.set(ctx.db.serverDate()) });
    expect((await read(docId)).at).toEqual({ offset: 0 });
  });

  it('updateAndReturn() answers the document after the update', async () => {
    const _ = ctx.db.command;
    await col().add({ _id: id('uar'), run: ctx.run, n: 1 });
    const res = await col()
      .where({ _id: id('uar') })
      .updateAndReturn({ n: _.inc(1) });
    expect(res.updated).toBe(1);
    expect(res.doc).toMatchObject({ _id: id('uar'), n: 2 });
  });

  it('writing to a collection that does not exist answers DATABASE_COLLECTION_NOT_EXIST', async () => {
    const missing = ctx.db.collection(`contract_missing_${ctx.run}`);
    expect(await rejectionCode(missing.add({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await rejectionCode(missing.doc('x').set({ a: 1 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await rejectionCode(missing.where({ a: 1 }).update({ a: 2 }))).toBe('DATABASE_COLLECTION_NOT_EXIST');
    expect(await rejectionCode(missing.where({ a: 1 }).remove())).toBe('DATABASE_COLLECTION_NOT_EXIST');
  });

  it('db.createCollection() creates a usable collection; creating it again answers DATABASE_COLLECTION_ALREADY_EXIST', async () => {
    const name = 'contract_created';
    await ensureCollection(ctx.db, name);
    expect(await rejectionCode(ctx.db.createCollection(name))).toBe('DATABASE_COLLECTION_ALREADY_EXIST');
    ctx.cleanupLater(name, { run: ctx.run });
    const docId = insertedId(await ctx.db.collection(name).add({ run: ctx.run, ok: true }));
    expect((await ctx.db.collection(name).doc(docId).get()).data[0].ok).toBe(true);
  });
});

describe('collections and indexes from the manifest', () => {
  const uniq = () => ctx.db.collection('contract_unique');
  beforeAll(() => ctx.cleanupLater('contract_unique', { run: ctx.run }));

  it('every collection of config/database.json exists from the start', async () => {
    for (const name of Object.keys(loadManifest().collections)) {
      await expect(ctx.db.collection(name).limit(1).get()).resolves.toHaveProperty('data');
    }
  });

  it('a second document with the same unique key answers DATABASE_DUPLICATE_WRITE', async () => {
    await uniq().add({ run: ctx.run, key: `${ctx.run}-k1` });
    expect(await rejectionCode(uniq().add({ run: ctx.run, key: `${ctx.run}-k1` }))).toBe('DATABASE_DUPLICATE_WRITE');
    expect(
      (
        await uniq()
          .where({ key: `${ctx.run}-k1` })
          .count()
      ).total,
    ).toBe(1);
  });

  it('a batch insert with a duplicate key is rejected', async () => {
    const batch = [
      { run: ctx.run, key: `${ctx.run}-k2` },
      { run: ctx.run, key: `${ctx.run}-k3` },
      { run: ctx.run, key: `${ctx.run}-k3` },
    ];
    expect(await rejectionCode(uniq().add(batch))).toBe('DATABASE_DUPLICATE_WRITE');
  });

  itEmulatorOnly('a rejected batch insert writes nothing at all', async () => {
    const batch = [
      { run: ctx.run, key: `${ctx.run}-k4` },
      { run: ctx.run, key: `${ctx.run}-k1` },
    ];
    expect(await rejectionCode(uniq().add(batch))).toBe('DATABASE_DUPLICATE_WRITE');
    expect(
      (
        await uniq()
          .where({ key: `${ctx.run}-k4` })
          .count()
      ).total,
    ).toBe(0);
  });

  it('compound unique keys collide only on the full key', async () => {
    const pairs = ctx.db.collection('contract_pairs');
    ctx.cleanupLater('contract_pairs', { run: ctx.run });
    await pairs.add({ run: ctx.run, a: `${ctx.run}-u`, b: 's1' });
    await pairs.add({ run: ctx.run, a: `${ctx.run}-u`, b: 's2' });
    await pairs.add({ run: ctx.run, a: `${ctx.run}-v`, b: 's1' });
    expect(await rejectionCode(pairs.add({ run: ctx.run, a: `${ctx.run}-u`, b: 's1', extra: true }))).toBe(
      'DATABASE_DUPLICATE_WRITE',
    );
  });

  it('an update that would duplicate a unique key is rejected and changes nothing', async () => {
    const a = insertedId(await uniq().add({ run: ctx.run, key: `${ctx.run}-k8` }));
    await uniq().add({ run: ctx.run, key: `${ctx.run}-k9` });
    expect(
      await rejectionCode(
        uniq()
          .doc(a)
          .update({ key: `${ctx.run}-k9` }),
      ),
    ).toBe('DATABASE_DUPLICATE_WRITE');
    expect((await uniq().doc(a).get()).data[0].key).toBe(`${ctx.run}-k8`);
    expect(
      (
        await uniq()
          .doc(a)
          .update({ key: `${ctx.run}-k10` })
      ).updated,
    ).toBe(1);
    await uniq().add({ run: ctx.run, key: `${ctx.run}-k8` });
  });

  it('a missing unique field counts as null: a second document without it collides', async () => {
    const first = insertedId(await uniq().add({ run: ctx.run, note: 'no key' }));
    expect(await rejectionCode(uniq().add({ run: ctx.run, note: 'no key either' }))).toBe('DATABASE_DUPLICATE_WRITE');
    await uniq().doc(first).remove();
  });

  it('equality lookups on an indexed path through arrays find exactly the matching documents', async () => {
    await uniq().add([
      { run: ctx.run, key: `${ctx.run}-t1`, items: [{ tag: 'red' }, { tag: 'blue' }] },
      { run: ctx.run, key: `${ctx.run}-t2`, items: [{ tag: 'blue' }] },
      { run: ctx.run, key: `${ctx.run}-t3`, items: [{ tag: ['red', 'green'] }] },
      { run: ctx.run, key: `${ctx.run}-t4`, items: { tag: 'red' } },
      { run: ctx.run, key: `${ctx.run}-t5`, items: [] },
    ]);
    const keys = async (tag: unknown) =>
      (await uniq().where({ run: ctx.run, 'items.tag': tag }).orderBy('key', 'asc').get()).data.map(
        (d: { key: string }) => d.key,
      );
    expect(await keys('red')).toEqual([`${ctx.run}-t1`, `${ctx.run}-t3`, `${ctx.run}-t4`]);
    expect(await keys('blue')).toEqual([`${ctx.run}-t1`, `${ctx.run}-t2`]);
    expect(await keys(ctx.db.command.in(['green', 'none']))).toEqual([`${ctx.run}-t3`]);
  });
});
