/**
 * Deadlines and escalation through the real `orders` function and its timer on the emulator:
 * per-中心 rules, boundaries on the Asia/Shanghai calendar, near-deadline and overdue messages sent
 * exactly once however often (or concurrently) the timer runs, the 中心's console, auto-confirm.
 */
import { fromAppWallClock } from '../../shared/domain/time';
import {
  AS,
  DAY,
  HOUR,
  ITEM,
  STATION,
  grantRole,
  orderMessages,
  orderRequest,
  registerVolunteer,
  runTimer,
  snapshotOf,
  uid,
} from './orders-support';
import { startBackend, type Backend } from './support';

let b: Backend;
const HEAD_CENTER = 'orders-deadlines-center-head';
const HEAD_STATION = 'orders-deadlines-station-head';

beforeAll(async () => {
  b = await startBackend();
  await registerVolunteer(b, AS.volunteer, STATION.jiangbin, '小李');
  await grantRole(b, HEAD_CENTER, STATION.center, 'head', '中心主任');
  await grantRole(b, HEAD_STATION, STATION.jiangbin, 'head', '江站长');
  // The seed's orders are due long before these tests' clocks: settle their escalations first.
  b.clock.now = fromAppWallClock('2027-03-01 09:00');
  await runTimer(b);
});
afterAll(() => b.close());

const at = (wall: string) => {
  b.clock.now = fromAppWallClock(wall);
};
const place = (overrides: Record<string, unknown> = {}) =>
  b.ok('orders', 'placeOrder', orderRequest(overrides), AS.resident);
const stored = async (id: string) => (await b.all('orders')).find((o) => o._id === id);

/** Staff of 江滨 (王社工, 江站长) — the people told about its orders, besides the assignee. */
const STAFF_JIANGBIN = [uid(AS.staff), uid(HEAD_STATION)];

describe('the 中心’s rules', () => {
  it('uses the 12345-style defaults until the 中心 sets its own', async () => {
    const answer = await b.ok('orders', 'getPolicy', { stationId: STATION.yihe }, AS.staff);
    expect(answer).toMatchObject({
      centerId: STATION.center,
      centerName: '临江区社会工作服务指导中心',
      isDefault: true,
      canEdit: false,
      policy: {
        urgent: { responseHours: 2, completionHours: 24 },
        normal: { responseHours: 24, completionHours: 168 },
        complex: { responseHours: 24, completionHours: 360 },
        confirmHours: 72,
      },
    });
  });

  it('lets only the 中心’s head or admin change them, consistently, audited; placed orders keep theirs', async () => {
    at('2027-03-02 10:00');
    const before = await place();
    const policy = {
      urgent: { responseHours: 1, completionHours: 12 },
      normal: { responseHours: 12, completionHours: 120 },
      complex: { responseHours: 24, completionHours: 240 },
      confirmHours: 48,
    };
    const unchanged = await snapshotOf(b, ['orderPolicies', 'auditLog']);
    expect(await b.refused('orders', 'setPolicy', { centerId: STATION.center, data: policy }, AS.staff)).toBe(
      'FORBIDDEN',
    );
    expect(await b.refused('orders', 'setPolicy', { centerId: STATION.center, data: policy }, HEAD_STATION)).toBe(
      'FORBIDDEN',
    );
    expect(await b.refused('orders', 'setPolicy', { centerId: STATION.jiangbin, data: policy }, AS.admin)).toBe(
      'INVALID_INPUT',
    );
    expect(
      await b.refused(
        'orders',
        'setPolicy',
        { centerId: STATION.center, data: { ...policy, normal: { responseHours: 130, completionHours: 120 } } },
        AS.admin,
      ),
    ).toBe('INVALID_INPUT');
    expect(await snapshotOf(b, ['orderPolicies', 'auditLog'])).toBe(unchanged);

    const saved = await b.ok('orders', 'setPolicy', { centerId: STATION.center, data: policy }, HEAD_CENTER);
    expect(saved).toMatchObject({ isDefault: false, canEdit: true, policy });
    expect((await b.all('auditLog')).filter((a) => a.action === 'orderPolicy.set')).toMatchObject([
      { actorId: uid(HEAD_CENTER), entityId: STATION.center, to: policy },
    ]);
    const after = await place();
    expect(after).toMatchObject({
      responseDueAt: fromAppWallClock('2027-03-02 22:00').toISOString(),
      completionDueAt: fromAppWallClock('2027-03-08 00:00').toISOString(),
    });
    expect((await stored(before.orderId)).responseDueAt).toEqual(fromAppWallClock('2027-03-03 10:00'));
    const menu = await b.ok('orders', 'listMenu', { stationId: STATION.yihe });
    expect(menu.items.find((i: any) => i.itemId === ITEM.meal)).toMatchObject({
      responseHours: 12,
      completionHours: 120,
    });
    // The order form's 紧急 hint states the 中心's urgent allowance, not a fixed 2 hours.
    expect(menu.urgent).toEqual({ responseHours: 1, completionHours: 12 });
    // Back to the defaults for the rest of the file.
    await b.ok(
      'orders',
      'setPolicy',
      {
        centerId: STATION.center,
        data: {
          urgent: { responseHours: 2, completionHours: 24 },
          normal: { responseHours: 24, completionHours: 168 },
          complex: { responseHours: 24, completionHours: 360 },
          confirmHours: 72,
        },
      },
      AS.admin,
    );
  });

  it('ends a 7-day allowance at 24:00 Beijing time, whatever the UTC date of the order', async () => {
    at('2027-03-03 23:30'); // 15:30 UTC, still the 3rd in Beijing
    const late = await place();
    expect(late.completionDueAt).toBe(fromAppWallClock('2027-03-11 00:00').toISOString());
    at('2027-03-04 00:10'); // 16:10 UTC on the 3rd, already the 4th in Beijing
    const early = await place();
    expect(early.completionDueAt).toBe(fromAppWallClock('2027-03-12 00:00').toISOString());
    expect(early.responseDueAt).toBe(fromAppWallClock('2027-03-05 00:10').toISOString());
  });
});

describe('the escalation timer', () => {
  it('tells assignee and staff once near the response deadline, once past it, whatever the runs', async () => {
    at('2027-03-10 10:00');
    await runTimer(b); // settle the orders of the tests above
    const order = await place({ urgent: true });
    expect(order).toMatchObject({
      timeClass: 'urgent',
      responseDueAt: fromAppWallClock('2027-03-10 12:00').toISOString(),
    });
    await b.ok(
      'orders',
      'dispatchOrder',
      { orderId: order.orderId, assigneeId: uid(AS.volunteer), note: '' },
      AS.staff,
    );
    const dispatchMessages = await orderMessages(b, order.orderId);

    at('2027-03-10 11:29');
    await runTimer(b);
    expect(await orderMessages(b, order.orderId)).toEqual(dispatchMessages);

    at('2027-03-10 11:30'); // a quarter of the 2 h before the deadline
    await runTimer(b);
    await runTimer(b);
    const near = [...STAFF_JIANGBIN, uid(AS.volunteer)].map((u) => `${u} order_due 服务单即将超时未响应`);
    expect(await orderMessages(b, order.orderId)).toEqual([...dispatchMessages, ...near].sort());

    at('2027-03-10 12:00');
    const [first, second] = await Promise.all([runTimer(b), runTimer(b)]);
    expect(first.messages + second.messages).toBe(3);
    const overdue = [...STAFF_JIANGBIN, uid(AS.volunteer)].map((u) => `${u} order_due 服务单已超时未响应`);
    expect(await orderMessages(b, order.orderId)).toEqual([...dispatchMessages, ...near, ...overdue].sort());
    expect((await stored(order.orderId)).notified).toEqual({
      responseNear: fromAppWallClock('2027-03-10 11:30'),
      responseOverdue: fromAppWallClock('2027-03-10 12:00'),
      completionNear: null,
      completionOverdue: null,
    });
  });

  it('shows an overdue order in the station queue and on the 中心’s console at the deadline, not before', async () => {
    at('2027-03-15 09:00');
    await runTimer(b);
    const order = await place({ urgent: true });
    at('2027-03-15 10:59');
    let console = await b.ok('orders', 'getConsole', { stationId: STATION.center }, AS.admin);
    expect(console.overdueOrders.map((o: any) => o.orderId)).not.toContain(order.orderId);
    const before = console.overdue;

    at('2027-03-15 11:00');
    console = await b.ok('orders', 'getConsole', { stationId: STATION.center }, AS.admin);
    expect(console.overdue).toBe(before + 1);
    // The console lists the five most overdue; the 中心's overdue view lists them all, most overdue first.
    expect(console.overdueOrders.length).toBe(5);
    const district = await b.ok(
      'orders',
      'listQueue',
      { stationId: STATION.center, view: 'overdue', pageSize: 50 },
      AS.admin,
    );
    expect(district.total).toBe(console.overdue);
    expect(district.items.map((o: any) => o.orderId).slice(0, 5)).toEqual(
      console.overdueOrders.map((o: any) => o.orderId),
    );
    expect(district.items.find((o: any) => o.orderId === order.orderId)).toMatchObject({
      overdue: true,
      stationName: '颐和社区社工室',
    });
    const queue = await b.ok(
      'orders',
      'listQueue',
      { stationId: STATION.jiangbin, view: 'overdue', pageSize: 50 },
      AS.staff,
    );
    expect(queue.items.map((o: any) => o.orderId)).toContain(order.orderId);
    // Taken: the completion deadline (24 h) matters now; no longer overdue.
    await b.ok('orders', 'takeOrder', { orderId: order.orderId }, AS.volunteer);
    console = await b.ok('orders', 'getConsole', { stationId: STATION.center }, AS.admin);
    expect(console.overdue).toBe(before);
  });

  it('follows the completion deadline once taken, and never escalates a closed order', async () => {
    at('2027-03-20 10:00');
    await runTimer(b);
    const order = await place(); // 24 h to answer, due at the end of the 27th to finish
    await b.ok('orders', 'takeOrder', { orderId: order.orderId }, AS.volunteer);
    const after = await orderMessages(b, order.orderId);

    at('2027-03-27 00:00'); // a day before the completion deadline
    await runTimer(b);
    const near = [...STAFF_JIANGBIN, uid(AS.volunteer)].map((u) => `${u} order_due 服务单即将到期`);
    expect(await orderMessages(b, order.orderId)).toEqual([...after, ...near].sort());
    expect((await stored(order.orderId)).notified.responseNear).toBeNull();

    at('2027-03-27 12:00');
    await b.ok(
      'orders',
      'closeOrder',
      {
        orderId: order.orderId,
        outcome: 'done',
        record: {
          startAt: fromAppWallClock('2027-03-27 09:00').toISOString(),
          minutes: 60,
          method: 'home_visit',
          note: '已送餐',
        },
      },
      AS.volunteer,
    );
    at('2027-03-28 01:00');
    await runTimer(b);
    expect((await stored(order.orderId)).notified.completionOverdue).toBeNull();
  });

  it('marks a missed "nearly due" silently when the timer was down past the deadline', async () => {
    at('2027-04-01 10:00');
    await runTimer(b);
    const order = await place({ urgent: true });
    at('2027-04-01 13:00');
    await runTimer(b);
    expect(await orderMessages(b, order.orderId)).toEqual(
      STAFF_JIANGBIN.map((u) => `${u} order_due 服务单已超时未响应`).sort(),
    );
    const doc = await stored(order.orderId);
    expect(doc.notified.responseNear).toEqual(fromAppWallClock('2027-04-01 13:00'));
  });

  it('closes orders whose resident let the confirmation window pass, once', async () => {
    at('2027-04-05 10:00');
    await runTimer(b);
    const order = await place({ itemId: ITEM.errands });
    await b.ok('orders', 'takeOrder', { orderId: order.orderId }, AS.staff);
    at('2027-04-05 15:00');
    await b.ok(
      'orders',
      'closeOrder',
      {
        orderId: order.orderId,
        outcome: 'done',
        record: {
          startAt: fromAppWallClock('2027-04-05 13:00').toISOString(),
          minutes: 90,
          method: 'accompany',
          note: '陪同办理完成',
        },
      },
      AS.staff,
    );
    expect((await stored(order.orderId)).confirmBy).toEqual(fromAppWallClock('2027-04-09 00:00'));
    at('2027-04-08 23:59');
    await runTimer(b);
    expect((await stored(order.orderId)).status).toBe('done');
    at('2027-04-09 00:00');
    const [one, two] = await Promise.all([runTimer(b), runTimer(b)]);
    expect(one.autoConfirmed + two.autoConfirmed).toBe(1);
    const doc = await stored(order.orderId);
    expect(doc).toMatchObject({ status: 'closed', confirmedAt: fromAppWallClock('2027-04-09 00:00') });
    expect(doc.history.filter((e: any) => e.action === 'autoConfirm')).toHaveLength(1);
    const seen = await b.ok('orders', 'getOrder', { orderId: order.orderId }, AS.resident);
    expect(seen.timeline.at(-1)).toMatchObject({ actor: '系统', label: '超过确认期限，自动确认完成' });
    // Still rateable after the automatic confirmation.
    expect(
      (await b.ok('orders', 'rateOrder', { orderId: order.orderId, score: 4, comment: '' }, AS.resident)).rating.score,
    ).toBe(4);
  });

  it('counts today’s new orders on the console by the Beijing day', async () => {
    at('2027-04-20 00:30'); // 16:30 UTC on the 19th
    await runTimer(b);
    const before = (await b.ok('orders', 'getConsole', { stationId: STATION.jiangbin }, AS.staff)).todayNew;
    await place();
    at('2027-04-20 23:59');
    expect((await b.ok('orders', 'getConsole', { stationId: STATION.jiangbin }, AS.staff)).todayNew).toBe(before + 1);
    at('2027-04-21 00:00');
    expect((await b.ok('orders', 'getConsole', { stationId: STATION.jiangbin }, AS.staff)).todayNew).toBe(0);
    expect(await b.refused('orders', 'getConsole', { stationId: STATION.zhongdai }, AS.staff)).toBe('FORBIDDEN');
  });

  it('never runs for a caller who imitates the timer event', async () => {
    const answer = await b.call('orders', 'escalateOrders', {}, AS.resident);
    expect(answer.ok ? 'ok' : answer.error.code).toBe('UNKNOWN_ACTION');
    const imitated = await b.runTimer('orders', 'escalateOrders', AS.resident);
    expect(imitated.ok ? 'ran' : imitated.error.code).not.toBe('ran');
  });
});

describe('day boundaries', () => {
  it('keeps an order placed at 23:59 and one at 00:00 Beijing on their own days', async () => {
    at('2027-05-09 23:59');
    const a = await place({ itemId: ITEM.legal, delivery: 'station', address: '' });
    at('2027-05-10 00:00');
    const c = await place({ itemId: ITEM.legal, delivery: 'station', address: '' });
    // Complex: 15 days, ending at 24:00 Beijing of the 15th day after each order's own day.
    expect(a.completionDueAt).toBe(fromAppWallClock('2027-05-25 00:00').toISOString());
    expect(c.completionDueAt).toBe(fromAppWallClock('2027-05-26 00:00').toISOString());
    expect(DAY).toBe(24 * HOUR);
  });
});
