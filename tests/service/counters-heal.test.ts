import { REPAIR_BATCH, REPAIR_PAGES } from '../../cloudfunctions/core/counter-repair';
import {
  AS,
  createNeed,
  expectSeatInvariants,
  pledgeData,
  publishedActivity,
  startBackend,
  STATION,
  type Backend,
} from './support';

/**
 * Counters kept beside rows heal (issue 10): what a crash leaves split — a seat or place taken
 * whose row was never written, a call whose place was never settled, a need's count without its
 * pledge — is recounted from the rows by the `sweep` and `lapse` timers once it has been at rest
 * for a minute, audited, a bounded number per run. The drift is made here by writing what a dying
 * request would have left; `crash-heal.test.ts` kills a real process mid-burst.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const MINUTE = 60_000;
const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const activityDoc = async (id: string) => (await b.all('activities')).find((a) => a._id === id);
const needDoc = async (id: string) => (await b.all('needs')).find((n) => n._id === id);
const bookingOf = async (id: string, openid: string) =>
  (await b.ok('activities', 'get', { activityId: id }, openid)).myBooking;
const _ = () => b.db.command;

/** Move the clock on (the drift must be a minute old before a timer trusts it) and run a timer. */
async function laterRun(fn: 'activities' | 'donations', trigger: string, minutes = 2): Promise<any> {
  b.clock.now = new Date(b.clock.now.getTime() + minutes * MINUTE);
  const answer = await b.runTimer(fn, trigger);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data;
}

async function signUpInOrder(id: string, who: string[]) {
  for (const person of who) await b.ok('activities', 'signUp', { activityId: id }, person);
}

describe('seat, line and rating counters', () => {
  it('recount from the rows once at rest: seats and places whose rows were never written', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 3, waitlistCapacity: 4 });
    await signUpInOrder(id, people('lost', 5)); // 3 seats, tickets 1 and 2 in line
    // Two seats taken and one place drawn (ticket 3) by requests that died before writing rows.
    await b.db
      .collection('activities')
      .doc(id)
      .update({ confirmed: 3 + 2, waitlisted: _().inc(1), waitlistTicket: _().inc(1), lineOutstanding: _().inc(1) });
    // Not yet: the changes are less than a minute old, a request may still be half-way.
    expect(await b.runTimer('activities', 'sweep')).toMatchObject({ data: { countersCorrected: 0 } });
    expect(await activityDoc(id)).toMatchObject({ confirmed: 5, waitlisted: 3 });

    const run = await laterRun('activities', 'sweep');
    expect(run.countersCorrected).toBeGreaterThanOrEqual(1);
    expect(await activityDoc(id)).toMatchObject({
      confirmed: 3,
      waitlisted: 2,
      waitlistTicket: 3,
      lineOutstanding: 3,
      lineGivenUp: [3],
    });
    await expectSeatInvariants(b, id);
    const audit = (await b.all('auditLog')).filter((e) => e.entityId === id && e.action === 'activity.recountCounters');
    expect(audit).toEqual([
      expect.objectContaining({
        actorId: 'system',
        entity: 'activity',
        stationId: STATION.jiangbin,
        from: { confirmed: 5, waitlisted: 3, lineGivenUp: [] },
        to: { confirmed: 3, waitlisted: 2, lineGivenUp: [3] },
      }),
    ]);
    // The healed line works: seats pass to tickets 1 and 2; the next call passes over the lost 3.
    for (const who of ['lost-0', 'lost-1', 'lost-2'])
      await b.ok('activities', 'cancelBooking', { activityId: id }, who);
    expect(await bookingOf(id, 'lost-3')).toMatchObject({ status: 'confirmed' });
    expect(await bookingOf(id, 'lost-4')).toMatchObject({ status: 'confirmed' });
    expect(await activityDoc(id)).toMatchObject({ confirmed: 2, waitlisted: 0, lineOutstanding: 1, lineGivenUp: [3] });
    await b.ok('activities', 'signUp', { activityId: id }, 'lost-5');
    await b.ok('activities', 'signUp', { activityId: id }, 'lost-6');
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'lost-3');
    expect(await bookingOf(id, 'lost-6')).toMatchObject({ status: 'confirmed' });
    expect(await activityDoc(id)).toMatchObject({ confirmed: 3, waitlisted: 0, lineOutstanding: 0, lineGivenUp: [] });
    await expectSeatInvariants(b, id);
    // A run with nothing drifted changes nothing and audits nothing.
    await laterRun('activities', 'sweep');
    expect(
      (await b.all('auditLog')).filter((e) => e.entityId === id && e.action === 'activity.recountCounters'),
    ).toHaveLength(1);
  });

  it('settle a place that was called when its caller died, and give back a seat held for nobody', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 2, waitlistCapacity: 3 });
    await signUpInOrder(id, people('stuck', 4)); // 2 seats, tickets 1 and 2 waiting
    const holder = (await b.ok('accounts', 'me', {}, 'stuck-0')).userId;
    // stuck-0's cancellation died after giving up the seat and calling ticket 1, before settling it.
    await b.db.collection('bookings').doc(`${id}_${holder}`).update({ status: 'cancelled', updatedAt: b.clock.now });
    await b.db
      .collection('activities')
      .doc(id)
      .update({ lineOutstanding: _().inc(-1), waitlisted: _().inc(-1) });
    expect(await activityDoc(id)).toMatchObject({ confirmed: 2, waitlisted: 1, lineOutstanding: 1 });
    await laterRun('activities', 'sweep');
    expect(await bookingOf(id, 'stuck-2')).toMatchObject({ status: 'confirmed' });
    expect(await bookingOf(id, 'stuck-3')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await b.ok('accounts', 'myMessages', {}, 'stuck-2')).items[0]).toMatchObject({ kind: 'promoted' });
    await expectSeatInvariants(b, id);
  });

  it('give an activity from before the called-ticket line its line, gaps included', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 5 });
    await signUpInOrder(id, people('old', 4)); // a seat, tickets 1–3 waiting
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'old-2'); // ticket 2 given up
    // As stored before ADR 0021: no line counters.
    await b.db
      .collection('activities')
      .doc(id)
      .update({ lineOutstanding: _().remove(), lineGivenUp: _().remove(), updatedAt: b.clock.now });
    await laterRun('activities', 'sweep');
    expect(await activityDoc(id)).toMatchObject({ waitlistTicket: 3, lineOutstanding: 3, lineGivenUp: [2] });
    await expectSeatInvariants(b, id);
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'old-0');
    expect(await bookingOf(id, 'old-1')).toMatchObject({ status: 'confirmed' });
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'old-1');
    expect(await bookingOf(id, 'old-3')).toMatchObject({ status: 'confirmed' });
    await expectSeatInvariants(b, id);
  });

  it('recount rating totals from the rated rows', async () => {
    const start = new Date(b.clock.now.getTime() + 10 * MINUTE);
    const id = await publishedActivity(b, STATION.jiangbin, {
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      cancelDeadline: start.toISOString(),
    });
    for (const [who, score] of [
      ['rated-0', 5],
      ['rated-1', 2],
    ] as const) {
      await b.ok('activities', 'signUp', { activityId: id }, who);
      const { code } = await b.ok('activities', 'myCheckInCode', { activityId: id }, who);
      await b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff);
      await b.ok('activities', 'rate', { activityId: id, score, comment: '' }, who);
    }
    // A rating saved whose totals were never added.
    await b.db.collection('activities').doc(id).update({ ratingCount: 1, ratingSum: 5 });
    await laterRun('activities', 'sweep');
    expect(await activityDoc(id)).toMatchObject({ ratingCount: 2, ratingSum: 7 });
  });

  it('heal every activity that changed since the last run in one run, past one page of the recount', async () => {
    await laterRun('activities', 'sweep'); // the earlier tests' activities, out of the way
    const ids: string[] = [];
    for (let i = 0; i < REPAIR_BATCH + 10; i++) ids.push(await publishedActivity(b, STATION.yihe, { capacity: 5 }));
    for (const id of ids) await b.db.collection('activities').doc(id).update({ confirmed: 4 });
    const run = await laterRun('activities', 'sweep');
    expect(run).toMatchObject({ countersChecked: REPAIR_BATCH + 10, countersCorrected: 60, countersCaughtUp: true });
    expect((await b.all('activities')).filter((a) => ids.includes(a._id) && a.confirmed !== 0)).toEqual([]);
  }, 30_000);

  it('look at a bounded number of activities per run, oldest change first, and get to the rest on the next', async () => {
    await laterRun('activities', 'sweep');
    const bound = REPAIR_BATCH * REPAIR_PAGES;
    const model = await activityDoc(await publishedActivity(b, STATION.yihe, { capacity: 5 }));
    await laterRun('activities', 'sweep');
    // More activities changed within one period than a run looks at, each a millisecond apart.
    const ids = Array.from({ length: bound + 20 }, (_, i) => `bound-${String(i).padStart(4, '0')}`);
    for (const [i, id] of ids.entries()) {
      const { _id, ...fields } = model;
      const at = new Date(b.clock.now.getTime() + i);
      await b.db.collection('activities').add({ ...fields, _id: id, confirmed: 4, createdAt: at, updatedAt: at });
    }
    const first = await laterRun('activities', 'sweep');
    expect(first).toMatchObject({ countersChecked: bound, countersCorrected: bound, countersCaughtUp: false });
    const drifted = async () =>
      (
        (await b.db
          .collection('activities')
          .where({ _id: _().in(ids), confirmed: _().neq(0) })
          .limit(1000)
          .get()) as { data: { _id: string }[] }
      ).data
        .map((a) => a._id)
        .sort();
    expect(await drifted()).toEqual(ids.slice(bound));
    const second = await laterRun('activities', 'sweep');
    // The rest first: the first run's own corrections changed those 500 later.
    expect(second).toMatchObject({ countersChecked: bound, countersCorrected: 20 });
    expect(await drifted()).toEqual([]);
  }, 60_000);
});

describe("a need's pledged and received counters", () => {
  it('recount from the pledges once at rest, audited', async () => {
    const need = await createNeed(b, { targetQuantity: 100 });
    const first = await b.ok(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity: 6 }) },
      AS.donor,
    );
    await b.ok(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity: 4 }) },
      AS.donor,
    );
    await b.ok('donations', 'confirmArrival', { pledgeId: first.pledgeId, receivedQuantity: 5, note: '' }, AS.staff);
    // A pledge counted whose row was never written, and an arrival never added to the need.
    await b.db
      .collection('needs')
      .doc(need.needId)
      .update({ pledgedQuantity: 10 + 7, receivedQuantity: 0 });
    expect(await b.runTimer('donations', 'lapse')).toMatchObject({ data: { countersCorrected: 0 } });
    const run = await laterRun('donations', 'lapse');
    expect(run.countersCorrected).toBeGreaterThanOrEqual(1);
    expect(await needDoc(need.needId)).toMatchObject({ pledgedQuantity: 10, receivedQuantity: 5 });
    expect(
      (await b.all('auditLog')).filter((e) => e.entityId === need.needId && e.action === 'need.recountCounters'),
    ).toEqual([
      expect.objectContaining({
        action: 'need.recountCounters',
        actorId: 'system',
        from: { pledgedQuantity: 17, receivedQuantity: 0 },
        to: { pledgedQuantity: 10, receivedQuantity: 5 },
      }),
    ]);
  });

  it("recount each donor's undelivered share from the pledges still awaiting delivery", async () => {
    const need = await createNeed(b, { targetQuantity: 100 });
    const pledge = (quantity: number) =>
      b.ok(
        'donations',
        'pledge',
        { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity }) },
        AS.donor,
      );
    const first = await pledge(6);
    await pledge(4);
    await b.ok('donations', 'confirmArrival', { pledgeId: first.pledgeId, receivedQuantity: 6, note: '' }, AS.staff);
    const donorId = (await b.all('pledges')).find((p) => p._id === first.pledgeId).donorId as string;
    expect((await needDoc(need.needId)).openByDonor).toEqual({ [donorId]: 4 });
    // A share released twice (the donor could pledge past the cap) and a share nobody holds.
    await b.db
      .collection('needs')
      .doc(need.needId)
      .update({ [`openByDonor.${donorId}`]: 0, 'openByDonor.uGhost': 3 });
    const run = await laterRun('donations', 'lapse');
    expect(run.countersCorrected).toBeGreaterThanOrEqual(1);
    expect(await needDoc(need.needId)).toMatchObject({
      pledgedQuantity: 10,
      receivedQuantity: 6,
      openByDonor: { [donorId]: 4 },
    });
    expect(
      (await b.all('auditLog')).filter((e) => e.entityId === need.needId && e.action === 'need.recountCounters'),
    ).toEqual([
      expect.objectContaining({
        from: { [`openByDonor.${donorId}`]: 0, 'openByDonor.uGhost': 3 },
        to: { [`openByDonor.${donorId}`]: 4, 'openByDonor.uGhost': 0 },
      }),
    ]);
  });
});
