/**
 * Service orders end to end through the real `orders` function on the emulator: 点单 (self,
 * family, 代点单, free-form), 派单, 接单, doing and closing, confirming or reopening, 评单 — every
 * refused transition answered with a code and nothing written, and the volunteer's hours only
 * through the station's review.
 */
import { findMenuItem } from '../../cloudfunctions/core/repositories/menu';
import { createOrder, orderIdFor } from '../../cloudfunctions/core/repositories/orders';
import { findStation } from '../../cloudfunctions/core/repositories/stations';
import { DEFAULT_ORDER_POLICY } from '../../shared/domain/orders';
import { fromAppWallClock } from '../../shared/domain/time';
import {
  AS,
  DAY,
  HOUR,
  ITEM,
  STATION,
  advance,
  grantRole,
  orderMessages,
  orderRequest,
  registerVolunteer,
  snapshotOf,
  uid,
} from './orders-support';
import { startBackend, type Backend } from './support';

let b: Backend;
const VOLUNTEER = AS.volunteer;
const STAFF_ZHONGDAI = 'orders-flow-staff-lj02';
const VOLUNTEER_ZHONGDAI = 'orders-flow-volunteer-lj02';
const HEAD = 'orders-flow-head';

beforeAll(async () => {
  b = await startBackend();
  await registerVolunteer(b, VOLUNTEER, STATION.jiangbin, '小李');
  await registerVolunteer(b, VOLUNTEER_ZHONGDAI, STATION.zhongdai, '小钟');
  await grantRole(b, STAFF_ZHONGDAI, STATION.zhongdai, 'staff', '钟社工');
  await grantRole(b, HEAD, STATION.jiangbin, 'head', '江站长');
  await b.ok('accounts', 'updateProfile', { data: { nickname: '张阿姨', phone: '13800001111' } }, AS.resident);
});
afterAll(() => b.close());

const WRITES = ['orders', 'auditLog', 'messages', 'hourClaims', 'hourEntries'];

async function place(overrides: Record<string, unknown> = {}, as: string = AS.resident) {
  return b.ok('orders', 'placeOrder', orderRequest(overrides), as);
}

async function stored(orderId: string) {
  return (await b.all('orders')).find((o) => o._id === orderId);
}

/** The service record a worker sends: an hour that ended `endedAgoMinutes` before now. */
function record(overrides: Record<string, unknown> = {}, endedAgoMinutes = 10) {
  return {
    startAt: new Date(b.clock.now.getTime() - (60 + endedAgoMinutes) * 60_000).toISOString(),
    minutes: 60,
    method: 'home_visit',
    note: '送餐到家，老人状态良好',
    ...overrides,
  };
}

describe('点单', () => {
  it('places a menu order for oneself with its deadlines fixed (Asia/Shanghai), in the open pool', async () => {
    const order = await place();
    expect(order).toMatchObject({
      status: 'pending',
      itemName: '助餐送餐',
      category: 'elder_care',
      channel: 'self',
      delivery: 'home',
      recipientName: '张阿姨',
      contactPhone: '13800001111',
      viewerRole: 'owner',
      // T0 = 2026-11-22 10:00 Beijing: 24 h to answer, 7 days to finish (end of the 29th, 24:00 Beijing).
      responseDueAt: fromAppWallClock('2026-11-23 10:00').toISOString(),
      completionDueAt: fromAppWallClock('2026-11-30 00:00').toISOString(),
      overdue: false,
      timeline: [{ actor: '您', label: '提交服务单' }],
    });
    expect(order.can).toMatchObject({ cancel: true, take: false, rate: false, dispatch: false });
    const doc = await stored(order.orderId);
    expect(doc).toMatchObject({
      stationPath: [STATION.center, STATION.jiangbin, STATION.yihe],
      orderedBy: uid(AS.resident),
      recipientUserId: uid(AS.resident),
      relationship: null,
      proxy: null,
      nextDueAt: fromAppWallClock('2026-11-23 10:00'),
      respondedAt: null,
      notified: { responseNear: null, responseOverdue: null, completionNear: null, completionOverdue: null },
    });
  });

  it('makes the same request sent twice (same client key) one order', async () => {
    const before = (await b.all('orders')).length;
    const [first, second] = await Promise.all([
      place({ clientKey: 'tap-twice-0001' }),
      place({ clientKey: 'tap-twice-0001' }),
    ]);
    expect(second.orderId).toBe(first.orderId);
    expect((await b.all('orders')).length).toBe(before + 1);
  });

  it('lets a family member order for an elder, naming them and the relationship', async () => {
    const order = await place(
      {
        stationId: STATION.jiangbin,
        itemId: ITEM.phone,
        delivery: 'station',
        address: '',
        contactPhone: '13900001234',
        forOther: { recipientName: '王奶奶', relationship: 'grandchild' },
      },
      'orders-flow-grandson',
    );
    expect(order).toMatchObject({ channel: 'family', recipientName: '王奶奶', relationship: 'grandchild' });
    const doc = await stored(order.orderId);
    expect(doc).toMatchObject({ recipientUserId: null, orderedBy: uid('orders-flow-grandson'), delivery: 'station' });
    const mine = await b.ok('orders', 'listMyOrders', {}, 'orders-flow-grandson');
    expect(mine.items.map((o: any) => o.orderId)).toEqual([order.orderId]);
  });

  it('sends a request that is not on the menu to triage', async () => {
    const order = await place({ itemId: undefined, title: '帮忙换灯泡', delivery: 'home' });
    expect(order).toMatchObject({ status: 'triage', freeForm: true, itemName: '帮忙换灯泡', category: 'other' });
    expect(await b.refused('orders', 'takeOrder', { orderId: order.orderId }, VOLUNTEER)).toBe('ILLEGAL_TRANSITION');
    const released = await b.ok('orders', 'releaseOrder', { orderId: order.orderId }, AS.staff);
    expect(released.status).toBe('pending');
  });

  it('refuses a home service without an address, an item of another station, a paused item and the 中心 itself', async () => {
    const before = await snapshotOf(b, WRITES);
    expect(await b.refused('orders', 'placeOrder', orderRequest({ address: '' }), AS.resident)).toBe('INVALID_INPUT');
    expect(await b.refused('orders', 'placeOrder', orderRequest({ itemId: ITEM.farm }), AS.resident)).toBe('NOT_FOUND');
    expect(
      await b.refused(
        'orders',
        'placeOrder',
        orderRequest({ stationId: STATION.jiangbin, itemId: ITEM.bath }),
        AS.resident,
      ),
    ).toBe('ITEM_PAUSED');
    expect(await b.refused('orders', 'placeOrder', orderRequest({ stationId: STATION.center }), AS.resident)).toBe(
      'INVALID_INPUT',
    );
    expect(
      await b.refused('orders', 'placeOrder', orderRequest({ itemId: ITEM.policy, delivery: 'home' }), AS.resident),
    ).toBe('INVALID_INPUT');
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });

  it('refuses "service targets only" items to an unlinked resident; staff 代点单 them, audited', async () => {
    const before = await snapshotOf(b, WRITES);
    expect(await b.refused('orders', 'placeOrder', orderRequest({ itemId: ITEM.rehab }), AS.resident)).toBe(
      'TARGETS_ONLY',
    );
    expect(await snapshotOf(b, WRITES)).toBe(before);
    const order = await b.ok(
      'orders',
      'placeOrderForResident',
      { ...orderRequest({ itemId: ITEM.rehab }), via: 'phone', recipientName: '李大爷', contactPhone: '13911112222' },
      AS.staff,
    );
    expect(order).toMatchObject({
      channel: 'phone',
      recipientName: '李大爷',
      proxyVia: 'phone',
      orderedByName: '王社工',
      viewerRole: 'staff',
      contactPhone: '139****2222',
      timeline: [{ actor: '王社工', label: '社工站代为登记服务单' }],
    });
    const audit = (await b.all('auditLog')).filter((a) => a.entityId === order.orderId);
    expect(audit).toMatchObject([{ action: 'order.placeForResident', actorId: uid(AS.staff), entity: 'order' }]);
    // A 代点单 is not the staff member's own order: it is not in their 我的服务单.
    const mine = await b.ok('orders', 'listMyOrders', {}, AS.staff);
    expect(mine.items.map((o: any) => o.orderId)).not.toContain(order.orderId);
  });
});

describe('派单 → 接单 → 办结 → 评单', () => {
  it('runs the whole loop with a volunteer; the resident sees the worker’s name only; hours wait for the station', async () => {
    const placed = await place();
    const id = placed.orderId;

    const workers = await b.ok('orders', 'listWorkers', { orderId: id }, AS.staff);
    expect(workers.workers).toEqual(
      expect.arrayContaining([
        { userId: uid(AS.staff), name: '王社工', kind: 'staff' },
        { userId: uid(VOLUNTEER), name: '小李', kind: 'volunteer' },
      ]),
    );
    expect(workers.workers.map((w: any) => w.userId)).not.toContain(uid(VOLUNTEER_ZHONGDAI));
    expect(workers.workers.map((w: any) => w.userId)).not.toContain(uid(AS.resident));

    advance(b, HOUR);
    const dispatched = await b.ok(
      'orders',
      'dispatchOrder',
      { orderId: id, assigneeId: uid(VOLUNTEER), note: '' },
      AS.staff,
    );
    expect(dispatched).toMatchObject({ status: 'assigned', assigneeName: '小李', assigneeKind: 'volunteer' });
    expect(await orderMessages(b, id)).toEqual([`${uid(VOLUNTEER)} order_assigned 您有新的派单`]);

    // Only the worker it went to may accept a dispatched order.
    expect(await b.refused('orders', 'takeOrder', { orderId: id }, AS.staff)).toBe('ILLEGAL_TRANSITION');
    advance(b, HOUR);
    const taken = await b.ok('orders', 'takeOrder', { orderId: id }, VOLUNTEER);
    expect(taken).toMatchObject({ status: 'accepted', viewerRole: 'assignee', contactPhone: '13800001111' });
    expect(taken.can).toMatchObject({ close: true, return: true, schedule: true, take: false });
    let doc = await stored(id);
    expect(doc.respondedAt).toEqual(new Date(b.clock.now));
    expect(doc.nextDueAt).toEqual(doc.completionDueAt);

    const scheduledAt = new Date(b.clock.now.getTime() + 2 * HOUR).toISOString();
    await b.ok('orders', 'scheduleOrder', { orderId: id, scheduledAt }, VOLUNTEER);

    advance(b, 3 * HOUR);
    const closed = await b.ok('orders', 'closeOrder', { orderId: id, outcome: 'done', record: record() }, VOLUNTEER);
    expect(closed).toMatchObject({ status: 'done', outcome: 'done' });
    expect(closed.records).toMatchObject([{ minutes: 60, method: 'home_visit', byName: '小李', hoursClaimed: true }]);

    // The volunteer's hour is a PENDING claim in the station's review queue — never credited on their word.
    const claim = (await b.all('hourClaims')).find((c) => c._id === `ord_${id}_1`);
    expect(claim).toMatchObject({
      status: 'pending',
      volunteerId: uid(VOLUNTEER),
      minutes: 60,
      orderId: id,
      stationId: STATION.yihe,
      activityTitle: '服务单：助餐送餐',
    });
    expect((await b.all('hourEntries')).filter((e) => e.volunteerId === uid(VOLUNTEER))).toEqual([]);
    const queue = await b.ok('volunteering', 'reviewQueue', { stationId: STATION.jiangbin }, AS.staff);
    expect(queue.claims.map((c: any) => c.claimId)).toContain(claim._id);
    expect(
      await b.refused(
        'volunteering',
        'reviewClaim',
        { claimId: claim._id, decision: 'approve', reason: '' },
        VOLUNTEER,
      ),
    ).toBe('FORBIDDEN');
    await b.ok('volunteering', 'reviewClaim', { claimId: claim._id, decision: 'approve', reason: '' }, AS.staff);
    expect((await b.all('hourEntries')).filter((e) => e.claimId === claim._id)).toMatchObject([
      { kind: 'topup', minutes: 60, volunteerId: uid(VOLUNTEER) },
    ]);

    // The resident rates it; that confirms the closing in the same write.
    const rated = await b.ok('orders', 'rateOrder', { orderId: id, score: 5, comment: '小李很细心' }, AS.resident);
    expect(rated).toMatchObject({ status: 'closed', rating: { score: 5, comment: '小李很细心', bad: false } });
    doc = await stored(id);
    expect(doc.confirmedAt).toEqual(new Date(b.clock.now));
    expect(doc.history.map((e: any) => e.action)).toEqual([
      'place',
      'dispatch',
      'take',
      'schedule',
      'complete',
      'confirm',
      'rate',
    ]);

    const replied = await b.ok('orders', 'replyToRating', { orderId: id, reply: '谢谢您的认可' }, AS.staff);
    expect(replied.rating.reply).toBe('谢谢您的认可');

    // The resident's timeline names the worker only; station staff appear as 社工站.
    const seen = await b.ok('orders', 'getOrder', { orderId: id }, AS.resident);
    expect(seen.timeline.map((t: any) => `${t.actor}|${t.label}`)).toEqual([
      '您|提交服务单',
      '社工站|派单给 小李',
      '小李|已接单',
      '小李|预约服务时间：11月22日 周日 14:00',
      '小李|已办结',
      '您|确认已完成',
      '您|评价了这次服务',
      '社工站|回复了评价：谢谢您的认可',
    ]);
    expect(JSON.stringify(seen)).not.toContain('王社工');

    const messages = await orderMessages(b, id);
    expect(messages).toEqual(
      [
        `${uid(VOLUNTEER)} order_assigned 您有新的派单`,
        `${uid(AS.resident)} order_update 您的服务单已被接单`,
        `${uid(AS.resident)} order_update 服务时间已预约`,
        `${uid(AS.resident)} order_update 服务已办结，请确认并评价`,
        `${uid(AS.resident)} order_update 社工站回复了您的评价`,
      ].sort(),
    );
    const audit = (await b.all('auditLog')).filter((a) => a.entityId === id).map((a) => a.action);
    expect(audit).toEqual(['order.dispatch', 'order.take', 'order.complete', 'order.replyRating']);

    // The messages reach 消息 with a link to the order.
    const inbox = await b.ok('accounts', 'myMessages', { pageSize: 50 }, AS.resident);
    expect(
      inbox.items
        .filter((m: any) => m.orderId === id)
        .map((m: any) => `${m.kind} ${m.title}`)
        .sort(),
    ).toEqual(
      [
        'order_update 社工站回复了您的评价',
        'order_update 服务已办结，请确认并评价',
        'order_update 服务时间已预约',
        'order_update 您的服务单已被接单',
      ].sort(),
    );
  });

  it('lets a worker take an order from the open pool; the pool shows no name, phone or address', async () => {
    const placed = await place({ itemId: ITEM.errands });
    const pool = await b.ok('orders', 'listPool', { pageSize: 50 }, VOLUNTEER);
    const row = pool.items.find((o: any) => o.orderId === placed.orderId);
    expect(row).toMatchObject({ recipientName: '张**', status: 'pending' });
    const peek = await b.ok('orders', 'getOrder', { orderId: placed.orderId }, VOLUNTEER);
    expect(peek).toMatchObject({ viewerRole: 'pool', address: '', contactPhone: '138****1111', timeline: [] });
    expect(peek.can.take).toBe(true);
    // A volunteer of another 站 neither sees it in their pool nor can take it.
    const other = await b.ok('orders', 'listPool', { pageSize: 50 }, VOLUNTEER_ZHONGDAI);
    expect(other.items.map((o: any) => o.orderId)).not.toContain(placed.orderId);
    expect(await b.refused('orders', 'takeOrder', { orderId: placed.orderId }, VOLUNTEER_ZHONGDAI)).toBe(
      'NOT_ELIGIBLE_WORKER',
    );
    expect(await b.refused('orders', 'takeOrder', { orderId: placed.orderId }, 'orders-flow-passer-by')).toBe(
      'NOT_ELIGIBLE_WORKER',
    );
    const taken = await b.ok('orders', 'takeOrder', { orderId: placed.orderId }, VOLUNTEER);
    expect(taken).toMatchObject({ status: 'accepted', assigneeName: '小李', address: '颐和社区 3 幢 2 单元 401' });
    const work = await b.ok('orders', 'listMyWork', { view: 'todo' }, VOLUNTEER);
    expect(work.items.map((o: any) => o.orderId)).toContain(placed.orderId);
  });

  it('returns an order to the pool with an internal reason the resident does not see; audited', async () => {
    const placed = await place({ itemId: ITEM.visit });
    await b.ok('orders', 'takeOrder', { orderId: placed.orderId }, VOLUNTEER);
    const returned = await b.ok('orders', 'returnOrder', { orderId: placed.orderId, reason: '本周要出差' }, VOLUNTEER);
    expect(returned).toMatchObject({ status: 'pending', assigneeName: null });
    const doc = await stored(placed.orderId);
    // Already answered once: the completion deadline is what matters now.
    expect(doc.nextDueAt).toEqual(doc.completionDueAt);
    const seen = await b.ok('orders', 'getOrder', { orderId: placed.orderId }, AS.resident);
    expect(seen.timeline.map((t: any) => t.label)).toEqual(['提交服务单', '已接单', '退回站点重新安排']);
    const staffView = await b.ok('orders', 'getOrder', { orderId: placed.orderId }, AS.staff);
    expect(staffView.timeline[2].label).toBe('退回站点重新安排：本周要出差');
    expect((await b.all('auditLog')).filter((a) => a.entityId === placed.orderId).map((a) => a.action)).toEqual([
      'order.take',
      'order.return',
    ]);
  });

  it('declines with a reason the resident sees, and refers outside with a note', async () => {
    const declined = await place({ itemId: ITEM.policy, delivery: 'phone', address: '' });
    const d = await b.ok(
      'orders',
      'declineOrder',
      { orderId: declined.orderId, reason: '请直接拨打12345咨询' },
      AS.staff,
    );
    expect(d).toMatchObject({ status: 'declined', declineReason: '请直接拨打12345咨询' });
    const seen = await b.ok('orders', 'getOrder', { orderId: declined.orderId }, AS.resident);
    expect(seen.timeline[1]).toMatchObject({ actor: '社工站', label: '未受理：请直接拨打12345咨询' });
    expect(await b.refused('orders', 'takeOrder', { orderId: declined.orderId }, VOLUNTEER)).toBe('ILLEGAL_TRANSITION');
    expect(await b.refused('orders', 'cancelOrder', { orderId: declined.orderId }, AS.resident)).toBe(
      'ILLEGAL_TRANSITION',
    );

    const referred = await place({ itemId: ITEM.legal, delivery: 'station', address: '' });
    const r = await b.ok(
      'orders',
      'referOrder',
      { orderId: referred.orderId, to: '临江区法律援助中心', note: '周三上午可接待' },
      AS.staff,
    );
    expect(r).toMatchObject({ status: 'referred', referral: { to: '临江区法律援助中心', note: '周三上午可接待' } });
    expect(await orderMessages(b, referred.orderId)).toEqual([`${uid(AS.resident)} order_update 您的需求已转介`]);
  });

  it('lets the orderer withdraw only before anyone took it', async () => {
    const early = await place();
    expect(
      (await b.ok('orders', 'cancelOrder', { orderId: early.orderId, reason: '家人来照顾了' }, AS.resident)).status,
    ).toBe('cancelled');
    const late = await place();
    await b.ok('orders', 'takeOrder', { orderId: late.orderId }, VOLUNTEER);
    const before = await snapshotOf(b, WRITES);
    expect(await b.refused('orders', 'cancelOrder', { orderId: late.orderId }, AS.resident)).toBe('ILLEGAL_TRANSITION');
    expect(await b.refused('orders', 'cancelOrder', { orderId: late.orderId }, AS.staff)).toBe('FORBIDDEN');
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });

  it('closes as could-not-be-done only with a reason; reopens within the window, at most twice', async () => {
    const placed = await place({ itemId: ITEM.errands });
    const id = placed.orderId;
    await b.ok('orders', 'takeOrder', { orderId: id }, AS.staff);
    advance(b, 2 * HOUR);
    expect(
      await b.refused('orders', 'closeOrder', { orderId: id, outcome: 'not_done', record: record() }, AS.staff),
    ).toBe('INVALID_INPUT');
    const failed = await b.ok(
      'orders',
      'closeOrder',
      { orderId: id, outcome: 'not_done', record: record(), reason: '老人不在家，电话未接通' },
      AS.staff,
    );
    expect(failed).toMatchObject({ status: 'failed', closeReason: '老人不在家，电话未接通' });
    // A social worker's record asks for no volunteer hours.
    expect(failed.records[0].hoursClaimed).toBe(false);
    const doc = await stored(id);
    // Closed at 2026-11-22 ≥ 12:00 Beijing + 3 days → end of the 25th, 24:00 Beijing.
    expect(doc.confirmBy).toEqual(fromAppWallClock('2026-11-26 00:00'));

    const reopened = await b.ok('orders', 'reopenOrder', { orderId: id, reason: '明天上午在家' }, AS.resident);
    expect(reopened).toMatchObject({ status: 'accepted', assigneeName: '王社工', closeReason: null });
    expect(await orderMessages(b, id)).toContain(`${uid(AS.staff)} order_update 居民要求重新办理`);
    await b.ok('orders', 'closeOrder', { orderId: id, outcome: 'done', record: record() }, AS.staff);
    await b.ok('orders', 'reopenOrder', { orderId: id, reason: '还是没办好' }, AS.resident);
    await b.ok('orders', 'closeOrder', { orderId: id, outcome: 'done', record: record() }, AS.staff);
    expect(await b.refused('orders', 'reopenOrder', { orderId: id, reason: '第三次' }, AS.resident)).toBe(
      'CONFIRM_WINDOW_PASSED',
    );
    expect((await stored(id)).records.map((r: any) => r.round)).toEqual([1, 2, 3]);

    const another = await place({ itemId: ITEM.errands });
    await b.ok('orders', 'takeOrder', { orderId: another.orderId }, AS.staff);
    advance(b, 2 * HOUR);
    await b.ok('orders', 'closeOrder', { orderId: another.orderId, outcome: 'done', record: record() }, AS.staff);
    advance(b, 4 * DAY);
    expect(await b.refused('orders', 'reopenOrder', { orderId: another.orderId, reason: '晚了' }, AS.resident)).toBe(
      'CONFIRM_WINDOW_PASSED',
    );
    expect((await b.ok('orders', 'confirmOrder', { orderId: another.orderId }, AS.resident)).status).toBe('closed');
  });

  it('keeps one rating per order, editable for 7 days; bad ratings go to the head’s queue until a head replies', async () => {
    const placed = await place({ itemId: ITEM.errands });
    const id = placed.orderId;
    await b.ok('orders', 'takeOrder', { orderId: id }, AS.staff);
    advance(b, 2 * HOUR);
    await b.ok('orders', 'closeOrder', { orderId: id, outcome: 'done', record: record() }, AS.staff);
    expect(await b.refused('orders', 'rateOrder', { orderId: id, score: 5, comment: '' }, AS.staff)).toBe('FORBIDDEN');

    const bad = await b.ok('orders', 'rateOrder', { orderId: id, score: 2, comment: '来得太晚' }, AS.resident);
    expect(bad.rating).toMatchObject({ score: 2, bad: true, reviewed: false });
    expect(await orderMessages(b, id)).toContain(`${uid(HEAD)} order_bad_rating 收到差评，请跟进`);
    const headQueue = await b.ok('orders', 'listQueue', { stationId: STATION.jiangbin, view: 'bad_ratings' }, HEAD);
    expect(headQueue.items.map((o: any) => o.orderId)).toContain(id);
    expect(await b.refused('orders', 'listQueue', { stationId: STATION.jiangbin, view: 'bad_ratings' }, AS.staff)).toBe(
      'FORBIDDEN',
    );

    advance(b, 6 * DAY);
    const edited = await b.ok('orders', 'rateOrder', { orderId: id, score: 3, comment: '后来处理得还行' }, AS.resident);
    expect(edited.rating).toMatchObject({ score: 3, bad: false });
    expect((await stored(id)).history.filter((e: any) => e.action === 'rate').length).toBe(2);
    expect(
      (await b.ok('orders', 'listQueue', { stationId: STATION.jiangbin, view: 'bad_ratings' }, HEAD)).items.map(
        (o: any) => o.orderId,
      ),
    ).not.toContain(id);

    await b.ok('orders', 'rateOrder', { orderId: id, score: 1, comment: '又出问题了' }, AS.resident);
    // The worker who did it never answers its rating; a staff reply leaves it on the head's queue.
    expect(await b.refused('orders', 'replyToRating', { orderId: id, reply: '抱歉' }, AS.staff)).toBe('SELF_REVIEW');
    await b.ok('orders', 'replyToRating', { orderId: id, reply: '站长会联系您' }, HEAD);
    const after = await b.ok('orders', 'getOrder', { orderId: id }, AS.resident);
    expect(after.rating).toMatchObject({ score: 1, reply: '站长会联系您', reviewed: true });

    advance(b, 1 * DAY + 1);
    expect(await b.refused('orders', 'rateOrder', { orderId: id, score: 5, comment: '' }, AS.resident)).toBe(
      'RATING_LOCKED',
    );
  });

  it('records a staff 代点单’s rating for the resident, audited, but never by the worker who did it', async () => {
    const order = await b.ok(
      'orders',
      'placeOrderForResident',
      { ...orderRequest({ itemId: ITEM.visit }), via: 'desk', recipientName: '赵爷爷', contactPhone: '13911113333' },
      AS.staff,
    );
    await b.ok('orders', 'dispatchOrder', { orderId: order.orderId, assigneeId: uid(VOLUNTEER), note: '' }, AS.staff);
    await b.ok('orders', 'takeOrder', { orderId: order.orderId }, VOLUNTEER);
    advance(b, 2 * HOUR);
    await b.ok('orders', 'closeOrder', { orderId: order.orderId, outcome: 'done', record: record() }, VOLUNTEER);
    expect(await b.refused('orders', 'rateOrder', { orderId: order.orderId, score: 5, comment: '' }, VOLUNTEER)).toBe(
      'FORBIDDEN',
    );
    const rated = await b.ok(
      'orders',
      'rateOrder',
      { orderId: order.orderId, score: 4, comment: '电话回访：满意' },
      AS.staff,
    );
    expect(rated).toMatchObject({ status: 'closed', rating: { score: 4 } });
    expect((await b.all('auditLog')).filter((a) => a.entityId === order.orderId).map((a) => a.action)).toEqual([
      'order.placeForResident',
      'order.dispatch',
      'order.take',
      'order.complete',
      'order.rateForResident',
    ]);
    // No message goes to an account for a resident who has none.
    expect((await orderMessages(b, order.orderId)).filter((m) => m.includes('order_update'))).toEqual([]);
  });

  it('refuses a volunteer’s record that overlaps hours already recorded, writing nothing', async () => {
    const first = await place({ itemId: ITEM.visit });
    await b.ok('orders', 'takeOrder', { orderId: first.orderId }, VOLUNTEER);
    const second = await place({ itemId: ITEM.errands });
    await b.ok('orders', 'takeOrder', { orderId: second.orderId }, VOLUNTEER);
    advance(b, 3 * HOUR);
    await b.ok('orders', 'closeOrder', { orderId: first.orderId, outcome: 'done', record: record() }, VOLUNTEER);
    const before = await snapshotOf(b, WRITES);
    expect(
      await b.refused(
        'orders',
        'closeOrder',
        { orderId: second.orderId, outcome: 'done', record: record() },
        VOLUNTEER,
      ),
    ).toBe('CLAIM_OVERLAP');
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });
});

describe('接单 is one conditional write', () => {
  it('lets exactly one of 20 workers taking the same order at once win; the others get ORDER_TAKEN', async () => {
    const takers = Array.from({ length: 20 }, (_, i) => `orders-flow-racer-${i}`);
    for (const [i, openid] of takers.entries()) await registerVolunteer(b, openid, STATION.jiangbin, `志愿者${i}`);
    const placed = await place({ itemId: ITEM.visit });
    const answers = await Promise.all(
      takers.map((openid) => b.call('orders', 'takeOrder', { orderId: placed.orderId }, openid)),
    );
    const winners = answers.flatMap((a, i) => (a.ok ? [takers[i]!] : []));
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(Array(19).fill('ORDER_TAKEN'));
    const doc = await stored(placed.orderId);
    expect(doc).toMatchObject({ status: 'accepted', assigneeId: uid(winners[0]!), rev: 1 });
    expect(doc.history.filter((e: any) => e.action === 'take')).toHaveLength(1);
    expect((await b.all('auditLog')).filter((a) => a.entityId === placed.orderId)).toHaveLength(1);
    expect(await orderMessages(b, placed.orderId)).toEqual([`${uid(AS.resident)} order_update 您的服务单已被接单`]);
  });

  it('lets one of a dispatch and a take racing for the same pending order win, never both', async () => {
    const placed = await place({ itemId: ITEM.visit });
    const [dispatch, take] = await Promise.all([
      b.call('orders', 'dispatchOrder', { orderId: placed.orderId, assigneeId: uid(AS.staff), note: '' }, HEAD),
      b.call('orders', 'takeOrder', { orderId: placed.orderId }, VOLUNTEER),
    ]);
    expect([dispatch.ok, take.ok].filter(Boolean)).toHaveLength(1);
    const doc = await stored(placed.orderId);
    expect(doc.history).toHaveLength(2);
  });
});

describe('a close racing another step: the database lets exactly one through', () => {
  const SECOND = 'orders-flow-second-worker';
  beforeAll(() => registerVolunteer(b, SECOND, STATION.jiangbin, '小王'));

  /** An order 小李 holds (taken from the pool), an hour of service behind him. */
  async function held() {
    const placed = await place({ itemId: ITEM.visit });
    await b.ok('orders', 'takeOrder', { orderId: placed.orderId }, VOLUNTEER);
    advance(b, 2 * HOUR);
    return placed.orderId as string;
  }
  const close = (orderId: string) =>
    b.call('orders', 'closeOrder', { orderId, outcome: 'done', reason: '', record: record() }, VOLUNTEER);
  const code = (a: { ok: boolean; error?: { code: string } }) => (a.ok ? 'ok' : a.error!.code);

  /**
   * One winner, one coded refusal, one event on the trail after 接单 and one audit row, and the
   * stored order is the winner's. The loser may have read the order before or after the winner
   * wrote it: before, its conditional write finds the status changed (ILLEGAL_TRANSITION); after,
   * a worker no longer holding the order is refused outright (FORBIDDEN).
   */
  async function expectOneWinner(orderId: string, answers: { action: string; answer: any }[]) {
    const winners = answers.filter((a) => a.answer.ok);
    expect(winners).toHaveLength(1);
    const loser = answers.find((a) => !a.answer.ok)!;
    expect(['ILLEGAL_TRANSITION', 'FORBIDDEN']).toContain(code(loser.answer));
    const doc = await stored(orderId);
    expect(doc.history.map((e: any) => e.action)).toEqual(['place', 'take', winners[0]!.action]);
    expect(doc.rev).toBe(2);
    const audit = (await b.all('auditLog')).filter((a) => a.entityId === orderId).map((a) => a.action);
    expect(audit).toEqual(['order.take', `order.${winners[0]!.action}`]);
    const claims = (await b.all('hourClaims')).filter((c) => c.orderId === orderId);
    expect(claims).toHaveLength(winners[0]!.action === 'complete' ? 1 : 0);
    return { doc, winner: winners[0]!.action };
  }

  it('a close and a return to the pool', async () => {
    const id = await held();
    const [c, r] = await Promise.all([
      close(id),
      b.call('orders', 'returnOrder', { orderId: id, reason: '改派他人' }, AS.staff),
    ]);
    const { doc, winner } = await expectOneWinner(id, [
      { action: 'complete', answer: c },
      { action: 'return', answer: r },
    ]);
    expect(doc).toMatchObject(winner === 'complete' ? { status: 'done' } : { status: 'pending', assigneeId: null });
    // Staff who lost see the order already closed; the worker, that it is no longer theirs.
    if (winner === 'complete') expect(code(r)).toBe('ILLEGAL_TRANSITION');
  });

  it('a close and a reassign to another worker', async () => {
    const id = await held();
    const [c, d] = await Promise.all([
      close(id),
      b.call('orders', 'dispatchOrder', { orderId: id, assigneeId: uid(SECOND), note: '' }, AS.staff),
    ]);
    const { doc, winner } = await expectOneWinner(id, [
      { action: 'complete', answer: c },
      { action: 'dispatch', answer: d },
    ]);
    expect(doc).toMatchObject(
      winner === 'complete'
        ? { status: 'done', assigneeId: uid(VOLUNTEER) }
        : { status: 'assigned', assigneeId: uid(SECOND) },
    );
    if (winner === 'complete') expect(code(d)).toBe('ILLEGAL_TRANSITION');
  });

  it('a close and a referral outside', async () => {
    const id = await held();
    const [c, r] = await Promise.all([
      close(id),
      b.call('orders', 'referOrder', { orderId: id, to: '临江区民政局', note: '' }, AS.staff),
    ]);
    const { doc, winner } = await expectOneWinner(id, [
      { action: 'complete', answer: c },
      { action: 'refer', answer: r },
    ]);
    expect(doc.status).toBe(winner === 'complete' ? 'done' : 'referred');
    // The worker still holds a referred order's record, so a late close always meets the changed status.
    expect(code(winner === 'complete' ? r : c)).toBe('ILLEGAL_TRANSITION');
  });

  it('two closes of the same order (a double tap)', async () => {
    const id = await held();
    const [first, second] = await Promise.all([close(id), close(id)]);
    await expectOneWinner(id, [
      { action: 'complete', answer: first },
      { action: 'complete', answer: second },
    ]);
    expect([code(first), code(second)].sort()).toEqual(['ILLEGAL_TRANSITION', 'ok']);
    expect(await orderMessages(b, id)).toEqual([
      `${uid(AS.resident)} order_update 您的服务单已被接单`,
      `${uid(AS.resident)} order_update 服务已办结，请确认并评价`,
    ]);
  });
});

describe('改派 (dispatching an order someone already holds)', () => {
  it('moves it to the new worker by one conditional write, audited and on the timeline; only the new worker can go on', async () => {
    const placed = await place({ itemId: ITEM.visit });
    const id = placed.orderId;
    await b.ok('orders', 'takeOrder', { orderId: id }, VOLUNTEER);
    const other = 'orders-flow-reassign-target';
    await registerVolunteer(b, other, STATION.jiangbin, '小赵');
    const moved = await b.ok(
      'orders',
      'dispatchOrder',
      { orderId: id, assigneeId: uid(other), note: '小李生病了' },
      AS.staff,
    );
    expect(moved).toMatchObject({ status: 'assigned', assigneeName: '小赵' });
    const doc = await stored(id);
    expect(doc).toMatchObject({
      status: 'assigned',
      assigneeId: uid(other),
      assigneeKind: 'volunteer',
      scheduledAt: null,
    });
    const audit = (await b.all('auditLog')).filter((a) => a.entityId === id);
    expect(audit.map((a) => a.action)).toEqual(['order.take', 'order.dispatch']);
    expect(audit[1]).toMatchObject({
      actorId: uid(AS.staff),
      from: { status: 'accepted', assigneeId: uid(VOLUNTEER) },
      to: { status: 'assigned', assigneeId: uid(other) },
      reason: '小李生病了',
    });
    const seen = await b.ok('orders', 'getOrder', { orderId: id }, AS.resident);
    expect(seen.timeline.map((t: any) => `${t.actor} ${t.label}`)).toEqual([
      '您 提交服务单',
      '小李 已接单',
      '社工站 派单给 小赵',
    ]);
    const staffView = await b.ok('orders', 'getOrder', { orderId: id }, AS.staff);
    expect(staffView.timeline[2].label).toBe('派单给 小赵：小李生病了');
    expect(await orderMessages(b, id)).toEqual(
      [`${uid(AS.resident)} order_update 您的服务单已被接单`, `${uid(other)} order_assigned 您有新的派单`].sort(),
    );
    // The worker it was taken from can no longer close it; the new one accepts it.
    const before = await snapshotOf(b, WRITES);
    expect(
      await b.refused(
        'orders',
        'closeOrder',
        { orderId: id, outcome: 'done', reason: '', record: record() },
        VOLUNTEER,
      ),
    ).toBe('FORBIDDEN');
    expect(await snapshotOf(b, WRITES)).toBe(before);
    expect((await b.ok('orders', 'takeOrder', { orderId: id }, other)).status).toBe('accepted');
  });
});

describe('nobody acts on their own record', () => {
  it('refuses a worker their own order and staff dispatching an order to the person it serves', async () => {
    const own = await place({ itemId: ITEM.errands }, VOLUNTEER);
    const staffOwn = await place({ itemId: ITEM.errands }, AS.staff);
    const before = await snapshotOf(b, WRITES);
    expect(await b.refused('orders', 'takeOrder', { orderId: own.orderId }, VOLUNTEER)).toBe('OWN_ORDER');
    expect(
      await b.refused(
        'orders',
        'dispatchOrder',
        { orderId: own.orderId, assigneeId: uid(VOLUNTEER), note: '' },
        AS.staff,
      ),
    ).toBe('OWN_ORDER');
    const pool = await b.ok('orders', 'listPool', { pageSize: 50 }, VOLUNTEER);
    expect(pool.items.map((o: any) => o.orderId)).not.toContain(own.orderId);
    // A staff member's own order: they are only its orderer there.
    expect(await b.refused('orders', 'declineOrder', { orderId: staffOwn.orderId, reason: '自己' }, AS.staff)).toBe(
      'FORBIDDEN',
    );
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });

  it('dispatches only to social workers and volunteers of the order’s station', async () => {
    const placed = await place();
    const before = await snapshotOf(b, WRITES);
    expect(
      await b.refused(
        'orders',
        'dispatchOrder',
        { orderId: placed.orderId, assigneeId: uid(VOLUNTEER_ZHONGDAI), note: '' },
        AS.staff,
      ),
    ).toBe('NOT_ELIGIBLE_WORKER');
    expect(
      await b.refused(
        'orders',
        'dispatchOrder',
        { orderId: placed.orderId, assigneeId: uid(STAFF_ZHONGDAI), note: '' },
        AS.staff,
      ),
    ).toBe('NOT_ELIGIBLE_WORKER');
    expect(
      await b.refused(
        'orders',
        'dispatchOrder',
        { orderId: placed.orderId, assigneeId: 'u-nobody', note: '' },
        AS.staff,
      ),
    ).toBe('NOT_FOUND');
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });
});

describe('who sees what', () => {
  it('shows staff of the subtree the order with the phone masked, and refuses a sibling station’s staff', async () => {
    const placed = await place();
    const staffView = await b.ok('orders', 'getOrder', { orderId: placed.orderId }, AS.staff);
    expect(staffView).toMatchObject({
      viewerRole: 'staff',
      contactPhone: '138****1111',
      address: '颐和社区 3 幢 2 单元 401',
      recipientName: '张阿姨',
    });
    const adminView = await b.ok('orders', 'getOrder', { orderId: placed.orderId }, AS.admin);
    expect(adminView.viewerRole).toBe('staff');
    const before = await snapshotOf(b, WRITES);
    for (const [who, code] of [
      [STAFF_ZHONGDAI, 'FORBIDDEN'],
      [AS.donor, 'FORBIDDEN'],
      ['orders-flow-stranger', 'FORBIDDEN'],
    ] as const) {
      expect(await b.refused('orders', 'getOrder', { orderId: placed.orderId }, who)).toBe(code);
    }
    expect(await b.refused('orders', 'listQueue', { stationId: STATION.jiangbin, view: 'open' }, STAFF_ZHONGDAI)).toBe(
      'FORBIDDEN',
    );
    expect(
      await b.refused(
        'orders',
        'dispatchOrder',
        { orderId: placed.orderId, assigneeId: uid(STAFF_ZHONGDAI), note: '' },
        STAFF_ZHONGDAI,
      ),
    ).toBe('FORBIDDEN');
    expect(await b.refused('orders', 'getOrder', { orderId: placed.orderId }, undefined)).toBe('UNAUTHENTICATED');
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });

  it('lists the station queue by the deadline that matters, overdue first, for the 站 and the 中心', async () => {
    const queue = await b.ok(
      'orders',
      'listQueue',
      { stationId: STATION.jiangbin, view: 'open', pageSize: 50 },
      AS.staff,
    );
    const dues = queue.items.map((o: any) => o.nextDueAt);
    expect(dues).toEqual([...dues].sort());
    const overdue = await b.ok(
      'orders',
      'listQueue',
      { stationId: STATION.center, view: 'overdue', pageSize: 50 },
      AS.admin,
    );
    expect(overdue.items.every((o: any) => o.overdue)).toBe(true);
    // The seed's 农忙托老 (placed 4 days before T0, 24 h to answer) is overdue at a 站 of the district.
    expect(overdue.items.map((o: any) => o.orderId)).toContain('o_demo_06');
  });
});

describe('the hook for orders raised from home visits (service targets, issue 11)', () => {
  it('creates one order per abnormal visit item, however often the visit syncs; staff work it like a 代点单', async () => {
    const station = (await findStation(b.db, STATION.yihe))!;
    const source = { kind: 'visit' as const, visitId: 'visit-2026-11-22-001', item: 'safety.gas' };
    const request = {
      id: orderIdFor({ source }),
      station,
      item: await findMenuItem(b.db, ITEM.visit),
      title: null,
      description: '燃气灶打火困难，有漏气味',
      photoFileId: null,
      preferredTime: 'asap' as const,
      timeNote: '',
      delivery: 'home' as const,
      urgent: true,
      channel: 'visit' as const,
      orderedBy: { userId: uid(AS.staff), name: '王社工' },
      recipient: { userId: null, name: '周奶奶', relationship: null },
      contactPhone: '13911115555',
      address: '颐和社区 9 幢 101',
      proxy: null,
      source,
      policy: DEFAULT_ORDER_POLICY,
    };
    const first = await createOrder(b.db, request, b.clock.now);
    const again = await createOrder(b.db, request, b.clock.now);
    expect([first.created, again.created, again.order._id]).toEqual([true, false, first.order._id]);
    expect((await b.all('orders')).filter((o) => o.source?.visitId === source.visitId)).toHaveLength(1);
    const seen = await b.ok('orders', 'getOrder', { orderId: first.order._id }, AS.staff);
    expect(seen).toMatchObject({
      channel: 'visit',
      timeClass: 'urgent',
      viewerRole: 'staff',
      source: { kind: 'visit', visitId: source.visitId },
      timeline: [{ actor: '王社工', label: '社工站代为登记服务单' }],
    });
    // The worker who recorded the visit may take it: it is not their own order.
    expect((await b.ok('orders', 'takeOrder', { orderId: first.order._id }, AS.staff)).status).toBe('accepted');
    // It is nobody's 我的服务单, and no message goes to an account for 周奶奶.
    expect((await b.ok('orders', 'listMyOrders', {}, AS.staff)).items.map((o: any) => o.orderId)).not.toContain(
      first.order._id,
    );
    expect((await orderMessages(b, first.order._id)).filter((m) => m.includes('order_update'))).toEqual([]);
  });
});
