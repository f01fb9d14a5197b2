import { loadManifest } from '../../emulator/db';
import { createNeed, pledgeData, publishedActivity, startBackend, STATION, type Backend } from './support';

/**
 * Issue 10: a row that cannot be written must give back the counter taken for it. The fault is
 * real: the emulator runs without the `bookings` (or `pledges`) collection — as after a deploy
 * that forgot one — so the row's insert fails with `DATABASE_COLLECTION_NOT_EXIST` after the
 * seat, the place in line or the need's quantity was taken by its conditional write.
 */
// The functions log the failed request (with its id) as they should; keep the test output quiet.
let logged: jest.SpyInstance;
beforeEach(() => {
  logged = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  expect(logged).toHaveBeenCalled();
  logged.mockRestore();
});

function manifestWithout(collection: string) {
  const manifest = loadManifest();
  const { [collection]: _dropped, ...rest } = manifest.collections;
  return { collections: rest };
}

describe('a booking row that cannot be written', () => {
  let b: Backend;
  beforeAll(async () => {
    b = await startBackend({ manifest: manifestWithout('bookings'), history: false });
  });
  afterAll(() => b.close());
  const activityDoc = async (id: string) => (await b.all('activities')).find((a) => a._id === id);

  it('gives the seat back, and the place in line', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 2 });
    expect(await b.call('activities', 'signUp', { activityId: id }, 'unlucky')).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(await activityDoc(id)).toMatchObject({ confirmed: 0, waitlisted: 0, lineOutstanding: 0 });

    // A full activity: the place in line is given back (the last ticket drawn is un-drawn).
    await b.db.collection('activities').doc(id).update({ confirmed: 1 });
    expect(await b.call('activities', 'signUp', { activityId: id }, 'unlucky')).toMatchObject({ ok: false });
    expect(await activityDoc(id)).toMatchObject({
      confirmed: 1,
      waitlisted: 0,
      waitlistTicket: 0,
      lineOutstanding: 0,
      lineGivenUp: [],
    });
  });
});

describe('a pledge row that cannot be written', () => {
  let b: Backend;
  beforeAll(async () => {
    b = await startBackend({ manifest: manifestWithout('pledges'), history: false });
  });
  afterAll(() => b.close());

  it("takes the quantity back off the need's count", async () => {
    const need = await createNeed(b);
    const answer = await b.call(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b) },
      'generous',
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect((await b.all('needs')).find((n) => n._id === need.needId)).toMatchObject({ pledgedQuantity: 0 });
  });
});
