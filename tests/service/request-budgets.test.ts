import type { OperationStats } from '../../emulator/db';
import {
  AS,
  createNeed,
  pledgeData,
  publishedActivity,
  registerVolunteer,
  startBackend,
  STATION,
  type Backend,
} from './support';

/**
 * The request budgets docs/architecture.md states, measured with the emulator's counters: the
 * database calls of one uncontended request, split into reads, writes and transaction control.
 * (Under load `npm run bench` measures the same paths with retries and refusals.) A change that
 * adds a call to a hot path fails here and updates the table in the same commit.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
  for (const who of [AS.resident, AS.staff, AS.donor, 'holder', 'waiting', 'door', 'shifty'])
    await b.ok('accounts', 'me', {}, who);
});
afterAll(() => b.close());

const READS = ['getDocument', 'calculateDocument', 'aggregateDocuments'];
const WRITES = ['insertDocument', 'modifyDocument', 'modifyAndReturnDoc', 'removeDocument'];

/** Reads, writes and transaction-control calls of one request. */
function split(stats: OperationStats) {
  const sum = (actions: string[]) =>
    Object.values(stats).reduce((n, byAction) => n + actions.reduce((m, a) => m + (byAction[a] ?? 0), 0), 0);
  const all = Object.values(stats).reduce((n, byAction) => n + Object.values(byAction).reduce((x, y) => x + y, 0), 0);
  return { reads: sum(READS), writes: sum(WRITES), transaction: all - sum(READS) - sum(WRITES) };
}

async function budget(run: () => Promise<unknown>) {
  return split(await b.countCalls(run));
}

describe('residents', () => {
  it('browse at a constant cost', async () => {
    expect(await budget(() => b.ok('accounts', 'me', {}, AS.resident))).toEqual({
      reads: 2,
      writes: 0,
      transaction: 0,
    });
    expect(await budget(() => b.ok('stations', 'list', { tier: 'station' }))).toEqual({
      reads: 2,
      writes: 0,
      transaction: 0,
    });
    expect(await budget(() => b.ok('stations', 'get', { stationId: STATION.jiangbin }))).toEqual({
      reads: 4,
      writes: 0,
      transaction: 0,
    });
    expect(await budget(() => b.ok('activities', 'list', {}))).toEqual({ reads: 2, writes: 0, transaction: 0 });
    expect(await budget(() => b.ok('activities', 'myBookings', {}, AS.resident))).toEqual({
      reads: 3,
      writes: 0,
      transaction: 0,
    });
  });

  it('book, wait, look and cancel at a constant cost', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 5 });
    expect(await budget(() => b.ok('activities', 'get', { activityId: id }))).toEqual({
      reads: 1,
      writes: 0,
      transaction: 0,
    });
    // A seat: the caller, the activity, the conditional seat write, the booking row.
    expect(await budget(() => b.ok('activities', 'signUp', { activityId: id }, 'holder'))).toEqual({
      reads: 2,
      writes: 2,
      transaction: 0,
    });
    // A place in line: the caller, the activity, the place (one write drawing the ticket), the row,
    // the activity again (was the place called while the row was written?), the place in line.
    expect(await budget(() => b.ok('activities', 'signUp', { activityId: id }, 'waiting'))).toEqual({
      reads: 4,
      writes: 2,
      transaction: 0,
    });
    expect(await budget(() => b.ok('activities', 'get', { activityId: id }, 'waiting'))).toEqual({
      reads: 4,
      writes: 0,
      transaction: 0,
    });
    // The seat passes to the first in line and they are told (ADR 0021): the caller, the
    // activity, the seat given up, the next place called, that place settled, the message.
    expect(await budget(() => b.ok('activities', 'cancelBooking', { activityId: id }, 'holder'))).toEqual({
      reads: 2,
      writes: 4,
      transaction: 0,
    });
    // Nobody waits now: the seat goes back to the pool.
    expect(await budget(() => b.ok('activities', 'cancelBooking', { activityId: id }, 'waiting'))).toEqual({
      reads: 2,
      writes: 2,
      transaction: 0,
    });
  });
});

describe('the door', () => {
  it('checks people and volunteers in at a constant cost; a repeated scan writes nothing', async () => {
    const start = new Date(b.clock.now.getTime() + 10 * 60_000);
    const id = await publishedActivity(b, STATION.jiangbin, {
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      cancelDeadline: start.toISOString(),
      volunteerSlots: 2,
    });
    await b.ok('activities', 'signUp', { activityId: id }, 'door');
    let code = '';
    expect(
      await budget(async () => ({ code } = await b.ok('activities', 'myCheckInCode', { activityId: id }, 'door'))),
    ).toEqual({ reads: 3, writes: 0, transaction: 0 });
    expect(await budget(() => b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff))).toEqual({
      reads: 3,
      writes: 1,
      transaction: 0,
    });
    expect(await budget(() => b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff))).toEqual({
      reads: 3,
      writes: 0,
      transaction: 0,
    });

    await registerVolunteer(b, 'shifty', { realName: '预算志愿者', homeStationId: STATION.jiangbin, serial: 555 });
    // The busy span on the volunteer row, the slot on the activity, the shift row.
    expect(await budget(() => b.ok('volunteering', 'signUpShift', { activityId: id }, 'shifty'))).toEqual({
      reads: 3,
      writes: 3,
      transaction: 0,
    });
    const shiftCode = (await b.ok('volunteering', 'myShiftCode', { activityId: id }, 'shifty')).code;
    expect(
      await budget(() => b.ok('volunteering', 'scanShift', { activityId: id, code: shiftCode }, AS.staff)),
    ).toEqual({ reads: 3, writes: 1, transaction: 0 });
  });
});

describe('donations', () => {
  it('pledge and confirm an arrival at a constant cost', async () => {
    const need = await createNeed(b);
    let pledgeId = '';
    const pledge = () =>
      b.ok('donations', 'pledge', { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b) }, AS.donor);
    // The need's counter moves in the same conditional write that checks its cap.
    expect(await budget(async () => ({ pledgeId } = await pledge()))).toEqual({ reads: 3, writes: 2, transaction: 0 });
    expect(
      await budget(() => b.ok('donations', 'confirmArrival', { pledgeId, receivedQuantity: 4 }, AS.staff)),
    ).toEqual({ reads: 4, writes: 5, transaction: 0 });
  });
});

describe('reports', () => {
  it('build the month and the console at a constant cost', async () => {
    expect(
      await budget(() => b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-11' }, AS.staff)),
    ).toEqual({ reads: 10, writes: 0, transaction: 0 });
    expect(await budget(() => b.ok('reports', 'today', { stationId: STATION.jiangbin }, AS.staff))).toEqual({
      reads: 17,
      writes: 0,
      transaction: 0,
    });
  });
});

describe('service orders', () => {
  it('order, take, rate and show an order at a constant cost', async () => {
    let orderId = '';
    const request = {
      stationId: STATION.yihe,
      itemId: 'mi_lj_meal',
      contactPhone: '13800001111',
      address: '颐和社区 3 幢 2 单元 401',
    };
    expect(await budget(async () => ({ orderId } = await b.ok('orders', 'placeOrder', request, AS.resident)))).toEqual({
      reads: 4,
      writes: 1,
      transaction: 0,
    });
    expect(await budget(() => b.ok('orders', 'getOrder', { orderId }, AS.resident))).toEqual({
      reads: 2,
      writes: 0,
      transaction: 0,
    });
    // From the open pool: caller, order, the taker's volunteer row → the write, its audit, the message.
    await registerVolunteer(b, 'order-taker', { realName: '李志远', homeStationId: STATION.jiangbin, serial: 901 });
    expect(await budget(() => b.ok('orders', 'takeOrder', { orderId }, 'order-taker'))).toEqual({
      reads: 3,
      writes: 3,
      transaction: 0,
    });
    const now = b.clock.now;
    b.clock.now = new Date(now.getTime() + 2 * 3600_000);
    await b.ok(
      'orders',
      'closeOrder',
      {
        orderId,
        outcome: 'done',
        record: {
          startAt: new Date(now.getTime() + 600_000).toISOString(),
          minutes: 20,
          method: 'home_visit',
          note: '已送餐',
        },
      },
      'order-taker',
    );
    expect(await budget(() => b.ok('orders', 'rateOrder', { orderId, score: 5, comment: '' }, AS.resident))).toEqual({
      reads: 2,
      writes: 1,
      transaction: 0,
    });
    b.clock.now = now;
  });
});
