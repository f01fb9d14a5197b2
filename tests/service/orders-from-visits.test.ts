import { orderIdFor } from '../../cloudfunctions/core/repositories/orders';
import { ITEM } from './orders-support';
import { AS, startBackend, STATION, T0, type Backend } from './support';
import { clearTargets, grantStaff, targetInput, visitInput } from './targets-support';

/**
 * 转为服务单 through the real `orders` function: staff of the visit's station turn a counted
 * visit's abnormal item into one service order for the person visited, link the follow-up to it
 * (it leaves the 异常待跟进 queue), log the read and audit the order; repeats and concurrent
 * requests give one order; strangers, volunteers, normal or unconfirmed visits and malformed
 * input are refused with nothing written.
 */
jest.setTimeout(30_000);

let b: Backend;
let targetId: string;

/** Every document of the collections a refusal must leave alone. */
async function snapshot() {
  const parts: Record<string, unknown[]> = {};
  for (const name of ['orders', 'visits', 'auditLog', 'readLog'])
    parts[name] = (await b.all(name)).sort((x, y) => String(x._id).localeCompare(String(y._id)));
  return JSON.stringify(parts);
}

/** A counted visit by 王社工 (dev-staff) with `gas` abnormal and a follow-up. */
async function abnormalVisit(clientId: string, extra: Record<string, unknown> = {}) {
  const answer = await b.ok(
    'targets',
    'recordVisit',
    {
      clientId,
      targetId,
      data: visitInput(T0, {
        checklist: { gas: 'abnormal', speech: 'ok', food: 'abnormal' },
        notes: { gas: '软管老化' },
        followUp: { note: '联系燃气公司换软管', dueDate: '2026-11-25' },
        ...extra,
      }),
    },
    AS.staff,
  );
  return answer.visitId as string;
}

beforeAll(async () => {
  b = await startBackend();
  await clearTargets(b);
  await grantStaff(b, 'ov-sibling', '13600003001', STATION.zhongdai);
  // The record exists well before the visits (a visit may not start before it was registered).
  b.clock.now = new Date(T0.getTime() - 30 * 86_400_000);
  const created = await b.ok(
    'targets',
    'createTarget',
    {
      stationId: STATION.yihe,
      data: targetInput({ name: '周桂英', address: { area: '颐和社区', building: '3幢2单元', room: '301' } }),
    },
    AS.staff,
  );
  targetId = created.targetId as string;
  b.clock.now = T0;
}, 60_000);
afterAll(() => b.close());

describe('createFromVisit', () => {
  it('creates the order with only what the service needs and links the follow-up', async () => {
    const visitId = await abnormalVisit('ov-happy');
    const queueBefore = await b.ok('targets', 'listFollowUps', { stationId: STATION.jiangbin }, AS.staff);
    expect(queueBefore.items.map((i: any) => i.visitId)).toEqual([visitId]);
    const readsBefore = (await b.all('readLog')).length;
    const auditsBefore = (await b.all('auditLog')).length;

    const view = await b.ok('orders', 'createFromVisit', { visitId, item: 'gas', itemId: ITEM.visit }, AS.staff);
    const orderId = orderIdFor({ source: { kind: 'visit', visitId, item: 'gas' } });
    expect(view).toMatchObject({
      orderId,
      viewerRole: 'staff',
      status: 'pending',
      recipientName: '周桂英',
      description: '联系燃气公司换软管',
      source: { kind: 'visit', visitId },
    });

    const stored = (await b.all('orders')).find((o) => o._id === orderId);
    const staffId = stored.orderedBy;
    const at = (iso: string) => new Date(iso);
    expect(stored).toEqual({
      _id: orderId,
      stationId: STATION.yihe,
      stationName: '颐和社区社工室',
      stationPath: [STATION.center, STATION.jiangbin, STATION.yihe],
      centerId: STATION.center,
      itemId: ITEM.visit,
      itemName: '上门探访陪伴',
      category: 'elder_care',
      freeForm: false,
      delivery: 'home',
      channel: 'visit',
      urgent: false,
      timeClass: 'normal',
      description: '联系燃气公司换软管',
      photoFileId: null,
      preferredTime: 'anytime',
      timeNote: '',
      orderedBy: staffId,
      orderedByName: '王社工',
      recipientUserId: null,
      recipientName: '周桂英',
      relationship: null,
      contactPhone: '13700020001',
      address: '颐和社区3幢2单元301',
      proxy: null,
      source: { kind: 'visit', visitId, item: 'gas' },
      status: 'pending',
      assigneeId: null,
      assigneeKind: null,
      assigneeName: null,
      scheduledAt: null,
      respondedAt: null,
      acceptedAt: null,
      closedAt: null,
      outcome: null,
      closeReason: null,
      confirmBy: null,
      confirmedAt: null,
      declineReason: null,
      referral: null,
      reopenCount: 0,
      records: [],
      rating: null,
      responseDueAt: at('2026-11-23T02:00:00.000Z'),
      completionDueAt: at('2026-11-29T16:00:00.000Z'),
      responseNearAt: at('2026-11-22T20:00:00.000Z'),
      completionNearAt: at('2026-11-28T16:00:00.000Z'),
      confirmHours: 72,
      nextDueAt: at('2026-11-23T02:00:00.000Z'),
      notified: { responseNear: null, responseOverdue: null, completionNear: null, completionOverdue: null },
      history: [
        {
          at: T0,
          action: 'place',
          from: null,
          to: 'pending',
          byId: staffId,
          byRole: 'staff',
          byName: '王社工',
          subjectName: null,
          note: null,
          notePublic: false,
        },
      ],
      rev: 0,
      createdAt: T0,
      updatedAt: T0,
    });
    expect(staffId).toMatch(/^u[0-9a-f]{24}$/);
    // Minimum necessary: nothing of the record's categories, ID, notes or guardian.
    const text = JSON.stringify(stored);
    for (const absent of ['tekun', 'living_alone', '周明', '13700020002', '88岁独居', '软管老化'])
      expect(text).not.toContain(absent);

    const visit = (await b.all('visits')).find((v) => v._id === visitId);
    expect(visit.followUp).toEqual({ note: '联系燃气公司换软管', dueDate: '2026-11-25', orderId });
    expect((await b.ok('targets', 'listFollowUps', { stationId: STATION.jiangbin }, AS.staff)).items).toEqual([]);

    const reads = (await b.all('readLog')).sort((x, y) => +new Date(x.at) - +new Date(y.at));
    expect(reads.length).toBe(readsBefore + 1);
    expect(reads.filter((r) => r.reason === 'referral')).toEqual([
      expect.objectContaining({
        actorName: '王社工',
        purpose: 'visits',
        reason: 'referral',
        targetIds: [targetId],
        targetLabel: '周**',
        stationId: STATION.yihe,
      }),
    ]);
    const audits = (await b.all('auditLog')).filter((a) => a.action === 'order.createFromVisit');
    expect((await b.all('auditLog')).length).toBe(auditsBefore + 1);
    expect(audits).toEqual([
      expect.objectContaining({
        entity: 'order',
        entityId: orderId,
        stationId: STATION.yihe,
        from: null,
        to: { status: 'pending', itemName: stored.itemName, channel: 'visit', visitId },
      }),
    ]);
    expect((await b.ok('orders', 'getOrder', { orderId }, AS.staff)).recipientName).toBe('周桂英');
  });

  it('gives one order and one link when asked twice or by two staff at once', async () => {
    const visitId = await abnormalVisit('ov-twice');
    const orderId = orderIdFor({ source: { kind: 'visit', visitId, item: 'gas' } });
    const [a, c] = await Promise.all([
      b.ok('orders', 'createFromVisit', { visitId, item: 'gas' }, AS.staff),
      b.ok('orders', 'createFromVisit', { visitId, item: 'gas' }, AS.admin),
    ]);
    const again = await b.ok('orders', 'createFromVisit', { visitId, item: 'gas' }, AS.staff);
    expect([a.orderId, c.orderId, again.orderId]).toEqual([orderId, orderId, orderId]);
    expect(a.status).toBe('triage');
    expect((await b.all('orders')).filter((o) => o.source?.visitId === visitId).map((o) => o._id)).toEqual([orderId]);
    expect((await b.all('auditLog')).filter((x) => x.entityId === orderId)).toHaveLength(1);
    expect((await b.all('visits')).find((v) => v._id === visitId).followUp.orderId).toBe(orderId);
    // The other abnormal item of the same visit cannot take the follow-up a second time.
    const before = await snapshot();
    expect(await b.refused('orders', 'createFromVisit', { visitId, item: 'food' }, AS.staff)).toBe('FOLLOW_UP_LINKED');
    expect(await snapshot()).toBe(before);
  });

  it('refuses strangers, volunteers, normal and unconfirmed visits, and malformed input, writing nothing', async () => {
    const visitId = await abnormalVisit('ov-refused');
    const normal = (
      await b.ok('targets', 'recordVisit', { clientId: 'ov-normal', targetId, data: visitInput(T0) }, AS.staff)
    ).visitId as string;
    const before = await snapshot();
    expect(await b.refused('orders', 'createFromVisit', { visitId, item: 'gas' }, 'ov-sibling')).toBe('FORBIDDEN');
    expect(await b.refused('orders', 'createFromVisit', { visitId, item: 'gas' }, AS.volunteer)).toBe('FORBIDDEN');
    expect(await b.refused('orders', 'createFromVisit', { visitId: normal, item: 'gas' }, AS.staff)).toBe(
      'RULE_VIOLATION',
    );
    expect(await b.refused('orders', 'createFromVisit', { visitId, item: 'speech' }, AS.staff)).toBe('RULE_VIOLATION');
    expect(await b.refused('orders', 'createFromVisit', { visitId: 'v-missing', item: 'gas' }, AS.staff)).toBe(
      'NOT_FOUND',
    );
    for (const bad of [
      {},
      { visitId },
      { visitId, item: 'no-such-item' },
      { visitId, item: 'gas', extra: 1 },
      { visitId, item: 'gas', itemId: 42 },
      { visitId: 'x'.repeat(500), item: 'gas' },
    ])
      expect(await b.refused('orders', 'createFromVisit', bad, AS.staff)).toBe('INVALID_INPUT');
    expect(await snapshot()).toBe(before);
  });

  it('costs a constant number of database calls (docs/architecture.md, request budget)', async () => {
    const visitId = await abnormalVisit('ov-budget');
    const READS = ['getDocument', 'calculateDocument', 'aggregateDocuments'];
    const WRITES = ['insertDocument', 'modifyDocument', 'modifyAndReturnDoc', 'removeDocument'];
    const split = (stats: Record<string, Record<string, number>>) => {
      const sum = (actions: string[]) =>
        Object.values(stats).reduce((n, byAction) => n + actions.reduce((m, a) => m + (byAction[a] ?? 0), 0), 0);
      const all = Object.values(stats).reduce((n, x) => n + Object.values(x).reduce((p, q) => p + q, 0), 0);
      return { reads: sum(READS), writes: sum(WRITES), other: all - sum(READS) - sum(WRITES) };
    };
    const first = split(
      await b.countCalls(() =>
        b.ok('orders', 'createFromVisit', { visitId, item: 'gas', itemId: ITEM.visit }, AS.staff),
      ),
    );
    // caller, visit, record, station, menu item, policy; read log, claim, order, audit.
    expect(first).toEqual({ reads: 6, writes: 4, other: 0 });
    const repeat = split(
      await b.countCalls(() =>
        b.ok('orders', 'createFromVisit', { visitId, item: 'gas', itemId: ITEM.visit }, AS.staff),
      ),
    );
    // The repeat finds the claim and the order: the read is still logged, nothing else written.
    expect(repeat).toEqual({ reads: 7, writes: 2, other: 0 });
  });

  it('refuses a visit that staff have not confirmed yet', async () => {
    // A volunteer's visit waits for staff to confirm it; built from a counted one to keep the test short.
    const { _id: _ignored, ...counted } = (await b.all('visits')).find((v) => v.followUp?.orderId === null);
    await b.db
      .collection('visits')
      .doc('ov-pending')
      .set({ ...counted, status: 'pending', byVolunteer: true });
    const before = await snapshot();
    expect(await b.refused('orders', 'createFromVisit', { visitId: 'ov-pending', item: 'gas' }, AS.staff)).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await snapshot()).toBe(before);
  });
});
