import { CONTRACT_COLLECTIONS, insertedId, REAL_CLOUDBASE, SCRATCH, useContract } from './support';

/**
 * The whole contract suite switches to a real CloudBase environment when TCB_ENV, TCB_SECRET_ID
 * and TCB_SECRET_KEY are set (see support.ts); this file states which mode ran, so a green run
 * never hides that the real environment was not exercised.
 */
if (REAL_CLOUDBASE) {
  const ctx = useContract();
  describe(`real CloudBase environment ${REAL_CLOUDBASE.env}`, () => {
    it('answers through the same SDK calls the emulator serves', async () => {
      const docId = insertedId(await ctx.db.collection(SCRATCH).add({ run: ctx.run, hello: 'cloud' }));
      expect((await ctx.db.collection(SCRATCH).doc(docId).get()).data[0].hello).toBe('cloud');
    });

    it('has the collections the suite needs beyond the manifest', async () => {
      for (const name of Object.keys(CONTRACT_COLLECTIONS)) {
        await expect(ctx.db.collection(name).limit(1).get()).resolves.toHaveProperty('data');
      }
    });
  });
} else {
  const reason =
    'real-CloudBase contract run skipped: set TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY to run this whole suite against a real environment ' +
    `(which must also have the collections ${Object.keys(CONTRACT_COLLECTIONS).join(', ')} with the indexes in tests/contract/support.ts)`;
  describe.skip(reason, () => {
    beforeAll(() => console.info(reason));
    it('runs the contract suite against real CloudBase', () => undefined);
  });
  console.info(`[contract] ${reason}; this run used the local emulator.`);
}
