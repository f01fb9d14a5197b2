import { createHash } from 'node:crypto';
import { linkFollowUpOrder } from '../../cloudfunctions/core/repositories/visits';
import { AS, startBackend, STATION, T0, type Backend, withClock } from './support';
import { clearTargets, grantStaff, targetInput, visitInput } from './targets-support';

/**
 * Visits through the real `targets` function: offline drafts synced once, conflicts shown, times
 * and closed records refused with nothing written, photos with the draft, the plan's due and
 * overdue at week and month boundaries in Asia/Shanghai, major events, the repair timer, and the
 * follow-up hook for service orders.
 */
jest.setTimeout(30_000);

let b: Backend;
const HOUR = 3_600_000;
/** An instant given as Shanghai wall-clock time. */
const sh = (wall: string) => new Date(`${wall}+08:00`);

async function newTarget(name: string, overrides: Record<string, unknown> = {}, when = sh('2026-08-01T09:00:00')) {
  return withClock(b, when, async () => {
    const created = await b.ok(
      'targets',
      'createTarget',
      {
        stationId: STATION.yihe,
        data: targetInput({ name, address: { area: '颐和社区', building: `${name}楼`, room: '' }, ...overrides }),
      },
      AS.staff,
    );
    return created.targetId as string;
  });
}

/** Records a visit that started at `start` (30 minutes long), with the clock just after it. */
function visitAt(targetId: string, start: Date, clientId: string, as: string = AS.staff, extra = {}) {
  return withClock(b, new Date(start.getTime() + 31 * 60_000), () =>
    b.call('targets', 'recordVisit', { clientId, targetId, data: visitInput(b.clock.now, extra, 31) }, as),
  );
}

/** Every document of the collections a refusal must leave alone. */
async function snapshot() {
  const parts: Record<string, unknown[]> = {};
  for (const name of ['targets', 'visits', 'readLog', 'auditLog'])
    parts[name] = (await b.all(name)).sort((x, y) => String(x._id).localeCompare(String(y._id)));
  return JSON.stringify(parts);
}

beforeAll(async () => {
  b = await startBackend();
  await clearTargets(b);
  await grantStaff(b, 'vs-colleague', '13600002001', STATION.jiangbin);
  await grantStaff(b, 'vs-sibling', '13600002002', STATION.zhongdai);
}, 60_000);
afterAll(() => b.close());

describe('offline drafts sync once', () => {
  let targetId: string;
  beforeAll(async () => {
    targetId = await newTarget('同步测试');
  });

  it('turns the same draft sent twice into one visit', async () => {
    const data = visitInput(T0, { draftedOffline: true });
    const first = await b.ok('targets', 'recordVisit', { clientId: 'draft-0001', targetId, data }, AS.staff);
    const second = await b.ok('targets', 'recordVisit', { clientId: 'draft-0001', targetId, data }, AS.staff);
    expect(first).toEqual({
      visitId: expect.stringMatching(/^v[0-9a-f]{24}$/),
      status: 'counted',
      duplicate: false,
      far: null,
    });
    expect(second).toEqual({ ...first, duplicate: true });
    const rows = (await b.all('visits')).filter((v) => v.targetId === targetId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      _id: first.visitId,
      clientId: 'draft-0001',
      draftedOffline: true,
      status: 'counted',
    });
  });

  it('keeps one visit when the same draft arrives five times at once', async () => {
    const data = visitInput(T0, {}, 45);
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        b.call('targets', 'recordVisit', { clientId: 'draft-burst', targetId, data }, AS.staff),
      ),
    );
    expect(answers.every((a) => a.ok)).toBe(true);
    expect(answers.filter((a) => !(a as any).data.duplicate)).toHaveLength(1);
    expect((await b.all('visits')).filter((v) => v.clientId === 'draft-burst')).toHaveLength(1);
  });

  it('shows a changed re-send as a conflict and keeps what was stored', async () => {
    const before = (await b.all('visits')).find((v) => v.clientId === 'draft-0001');
    const changed = visitInput(T0, { draftedOffline: true, summary: '后来改了内容' });
    expect(
      await b.refused('targets', 'recordVisit', { clientId: 'draft-0001', targetId, data: changed }, AS.staff),
    ).toBe('VISIT_CONFLICT');
    expect((await b.all('visits')).find((v) => v.clientId === 'draft-0001')).toEqual(before);
    // The author sees what the server has, to compare with the draft.
    const stored = await b.ok('targets', 'getVisit', { clientId: 'draft-0001' }, AS.staff);
    expect(stored.visitId).toBe(before._id);
    expect(stored).toMatchObject({ summary: '精神状态良好', mine: true, status: 'counted' });
  });

  it('takes a re-send marked 离线记录 (its first send found no network) as the same draft', async () => {
    const data = visitInput(T0, {}, 58);
    const first = await b.ok('targets', 'recordVisit', { clientId: 'draft-lost-answer', targetId, data }, AS.staff);
    const again = await b.ok(
      'targets',
      'recordVisit',
      { clientId: 'draft-lost-answer', targetId, data: { ...data, draftedOffline: true } },
      AS.staff,
    );
    expect(again).toEqual({ ...first, duplicate: true });
    const stored = (await b.all('visits')).filter((v) => v.clientId === 'draft-lost-answer');
    expect(stored.map((v) => v.draftedOffline)).toEqual([false]);
    const marked = await b.ok(
      'targets',
      'recordVisit',
      { clientId: 'draft-offline', targetId, data: { ...visitInput(T0, {}, 57), draftedOffline: true } },
      AS.staff,
    );
    const shown = await b.ok('targets', 'getVisit', { visitId: marked.visitId }, AS.staff);
    expect(shown.draftedOffline).toBe(true);
  });

  it('costs five database calls, and a re-sync four', async () => {
    const data = visitInput(T0, {}, 55);
    const send = () => b.ok('targets', 'recordVisit', { clientId: 'draft-cost', targetId, data }, AS.staff);
    expect(await b.countCalls(send)).toEqual({
      users: { getDocument: 1 },
      targets: { getDocument: 1, modifyDocument: 1 },
      readLog: { insertDocument: 1 },
      visits: { insertDocument: 1 },
    });
    expect(await b.countCalls(send)).toEqual({
      users: { getDocument: 1 },
      targets: { getDocument: 1 },
      readLog: { insertDocument: 1 },
      visits: { insertDocument: 1, getDocument: 1 },
    });
  });

  it('never mixes two people’s drafts that happen to share a client id', async () => {
    const data = visitInput(T0, {}, 50);
    const mine = await b.ok('targets', 'recordVisit', { clientId: 'same-id', targetId, data }, AS.staff);
    const theirs = await b.ok('targets', 'recordVisit', { clientId: 'same-id', targetId, data }, 'vs-colleague');
    expect(theirs.visitId).not.toBe(mine.visitId);
    expect(theirs.duplicate).toBe(false);
    expect(await b.refused('targets', 'getVisit', { visitId: mine.visitId }, AS.volunteer)).toBe('NOT_FOUND');
  });
});

describe('refusals write nothing', () => {
  let targetId: string;
  beforeAll(async () => {
    targetId = await newTarget('拒绝测试');
  });

  it.each([
    [
      'a start in the future',
      { startAt: new Date(T0.getTime() + HOUR).toISOString(), endAt: new Date(T0.getTime() + 2 * HOUR).toISOString() },
      'VISIT_TIME_INVALID',
    ],
    [
      'an end before the start',
      { startAt: new Date(T0.getTime() - HOUR).toISOString(), endAt: new Date(T0.getTime() - 2 * HOUR).toISOString() },
      'VISIT_TIME_INVALID',
    ],
    [
      'a visit 40 days old',
      {
        startAt: new Date(T0.getTime() - 40 * 24 * HOUR).toISOString(),
        endAt: new Date(T0.getTime() - 40 * 24 * HOUR + HOUR).toISOString(),
      },
      'VISIT_TIME_INVALID',
    ],
    ['an abnormal item without a follow-up', { checklist: { gas: 'abnormal' } }, 'INVALID_INPUT'],
    ['nothing checked', { checklist: {} }, 'INVALID_INPUT'],
    [
      'a follow-up before the visit',
      { checklist: { gas: 'abnormal' }, followUp: { note: '换软管', dueDate: '2026-11-01' } },
      'INVALID_INPUT',
    ],
    ['an unknown checklist item', { checklist: { wifi: 'ok' } }, 'INVALID_INPUT'],
    ['a card number in the summary', { summary: '请转账到 6222 0212 3456 7890 123' }, 'INVALID_INPUT'],
    ['a field the contract does not know', { userId: 'someone-else' }, 'INVALID_INPUT'],
  ])('refuses %s', async (_label, change, code) => {
    const before = await snapshot();
    const answer = await b.call(
      'targets',
      'recordVisit',
      { clientId: 'refused', targetId, data: visitInput(T0, change) },
      AS.staff,
    );
    expect(answer).toMatchObject({ ok: false, error: { code } });
    expect(await snapshot()).toBe(before);
  });

  it('accepts a phone clock a few minutes ahead of the server', async () => {
    const start = new Date(T0.getTime() - 26 * 60_000);
    const data = {
      ...visitInput(T0),
      startAt: start.toISOString(),
      endAt: new Date(T0.getTime() + 4 * 60_000).toISOString(),
    };
    expect((await b.ok('targets', 'recordVisit', { clientId: 'skew', targetId, data }, AS.staff)).status).toBe(
      'counted',
    );
  });

  it('refuses a visit by someone who may not visit, before anything is read or logged', async () => {
    const before = await snapshot();
    expect(
      await b.refused('targets', 'recordVisit', { clientId: 'x', targetId, data: visitInput(T0) }, AS.resident),
    ).toBe('FORBIDDEN');
    expect(
      await b.refused(
        'targets',
        'recordVisit',
        { clientId: 'x', targetId: 'tNoSuchTarget', data: visitInput(T0) },
        AS.staff,
      ),
    ).toBe('NOT_FOUND');
    expect(await snapshot()).toBe(before);
  });
});

describe('the follow-up of an abnormal item, photos and location', () => {
  let targetId: string;
  beforeAll(async () => {
    targetId = await newTarget('异常跟进');
  });
  const JPEG = Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
    'base64',
  );

  it('stores the follow-up so a service order can be made from it, once', async () => {
    const answer = await b.ok(
      'targets',
      'recordVisit',
      {
        clientId: 'abnormal-1',
        targetId,
        data: visitInput(T0, {
          checklist: { gas: 'abnormal', speech: 'ok' },
          notes: { gas: '软管老化' },
          followUp: { note: '联系燃气公司换软管', dueDate: '2026-11-25' },
        }),
      },
      AS.staff,
    );
    const queue = await b.ok('targets', 'listFollowUps', { stationId: STATION.jiangbin }, AS.staff);
    expect(queue.items.map((i: any) => [i.visitId, i.abnormal, i.followUp])).toEqual([
      [answer.visitId, ['gas'], { note: '联系燃气公司换软管', dueDate: '2026-11-25', orderId: null }],
    ]);
    // The hook the `orders` function calls after creating an order from this follow-up.
    expect(await linkFollowUpOrder(b.db, answer.visitId, 'order-123')).toBe(true);
    expect(await linkFollowUpOrder(b.db, answer.visitId, 'order-456')).toBe(false);
    expect((await b.all('visits')).find((v) => v._id === answer.visitId).followUp).toEqual({
      note: '联系燃气公司换软管',
      dueDate: '2026-11-25',
      orderId: 'order-123',
    });
    expect((await b.ok('targets', 'listFollowUps', { stationId: STATION.jiangbin }, AS.staff)).items).toEqual([]);
  });

  it('keeps photos with the draft in its own folder and refuses another draft’s photo', async () => {
    const startAt = visitInput(T0).startAt;
    const photo = await b.ok(
      'targets',
      'uploadPhoto',
      { kind: 'visit', targetId, clientId: 'with-photo', startAt, imageBase64: JPEG.toString('base64') },
      AS.staff,
    );
    const digest = createHash('sha256').update(JPEG).digest('hex').slice(0, 24);
    expect(photo.fileId).toMatch(new RegExp(`/visits/${targetId}/with-photo/${digest}\\.jpg$`));
    expect(
      await b.refused(
        'targets',
        'recordVisit',
        { clientId: 'other-draft', targetId, data: visitInput(T0, { photoFileIds: [photo.fileId] }) },
        AS.staff,
      ),
    ).toBe('PHOTO_NOT_FOUND');
    const ok = await b.ok(
      'targets',
      'recordVisit',
      { clientId: 'with-photo', targetId, data: visitInput(T0, { photoFileIds: [photo.fileId] }) },
      AS.staff,
    );
    const page = await b.ok('targets', 'targetVisits', { targetId }, AS.staff);
    const shown = page.items.find((v: any) => v.visitId === ok.visitId);
    expect(shown.photoUrls).toHaveLength(1);
    expect((await fetch(shown.photoUrls[0])).status).toBe(200);
    expect(
      await b.refused(
        'targets',
        'uploadPhoto',
        {
          kind: 'visit',
          targetId,
          clientId: 'x',
          startAt,
          imageBase64: Buffer.from('not an image').toString('base64'),
        },
        AS.staff,
      ),
    ).toBe('PHOTO_INVALID');
  });

  it('takes no photo without consent', async () => {
    const noConsent = await newTarget('无同意拍照', { consent: { status: 'none' } });
    expect(
      await b.refused(
        'targets',
        'uploadPhoto',
        {
          kind: 'visit',
          targetId: noConsent,
          clientId: 'p',
          startAt: visitInput(T0).startAt,
          imageBase64: JPEG.toString('base64'),
        },
        AS.staff,
      ),
    ).toBe('CONSENT_REQUIRED');
  });

  it('flags nothing until staff set the home position, and never takes it from a visit', async () => {
    const first = await b.ok(
      'targets',
      'recordVisit',
      { clientId: 'loc-0', targetId, data: visitInput(T0, { location: { latitude: 31.5, longitude: 121.5 } }, 250) },
      AS.staff,
    );
    expect(first.far).toBeNull();
    expect((await b.all('targets')).find((t) => t._id === targetId).homeLocation).toBeNull();
    expect(await b.ok('targets', 'getTarget', { targetId }, AS.staff)).toMatchObject({
      homeLocationKnown: false,
      homeLocationSetAt: null,
    });
  });

  it('lets staff at the address set the home position (audited, coarse), then flags far door visits', async () => {
    const home = { latitude: 30.27412, longitude: 120.15514 };
    // Not a volunteer, not another station's staff, not with a position too vague to measure against.
    expect(await b.refused('targets', 'setHomeLocation', { targetId, location: home }, AS.volunteer)).toBe('FORBIDDEN');
    expect(await b.refused('targets', 'setHomeLocation', { targetId, location: home }, 'vs-sibling')).toBe('FORBIDDEN');
    expect(
      await b.refused('targets', 'setHomeLocation', { targetId, location: { ...home, accuracy: 800 } }, AS.staff),
    ).toBe('RULE_VIOLATION');
    expect((await b.all('targets')).find((t) => t._id === targetId).homeLocation).toBeNull();

    const set = await b.ok('targets', 'setHomeLocation', { targetId, location: { ...home, accuracy: 15 } }, AS.staff);
    expect(set).toEqual({ targetId, setAt: T0.toISOString() });
    const staffId = (await b.ok('accounts', 'me', {}, AS.staff)).userId;
    const stored = (await b.all('targets')).find((t) => t._id === targetId);
    expect(stored.homeLocation).toEqual({ latitude: 30.2741, longitude: 120.1551, setAt: T0, setBy: staffId });
    const audit = (await b.all('auditLog')).filter((e) => e.entityId === targetId && e.action === 'target.setHome');
    expect(audit.map((e) => [e.actorId, e.entity, e.stationId, e.from, e.to])).toEqual([
      [staffId, 'target', STATION.yihe, { set: false }, { set: true }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('30.27');
    expect(await b.ok('targets', 'getTarget', { targetId }, AS.staff)).toMatchObject({
      homeLocationKnown: true,
      homeLocationSetAt: T0.toISOString(),
    });

    const near = await b.ok(
      'targets',
      'recordVisit',
      {
        clientId: 'loc-2',
        targetId,
        data: visitInput(T0, { location: { latitude: 30.2745, longitude: 120.1551 } }, 150),
      },
      AS.staff,
    );
    const far = await b.ok(
      'targets',
      'recordVisit',
      {
        clientId: 'loc-3',
        targetId,
        data: visitInput(T0, { location: { latitude: 30.2841, longitude: 120.1551 } }, 100),
      },
      AS.staff,
    );
    expect(near.far).toBe(false);
    expect(far.far).toBe(true);
    const rows = (await b.all('visits')).filter((v) => ['loc-0', 'loc-2', 'loc-3'].includes(v.clientId));
    expect(rows.map((v) => [v.clientId, v.distanceMeters, v.far]).sort()).toEqual([
      ['loc-0', null, null],
      ['loc-2', 44, false],
      ['loc-3', 1112, true],
    ]);
    expect(JSON.stringify(rows)).not.toContain('30.2841');
    // A visit's position never replaces the reference staff set.
    expect((await b.all('targets')).find((t) => t._id === targetId).homeLocation).toEqual(stored.homeLocation);
  });
});

describe('the plan at week and month boundaries (Asia/Shanghai)', () => {
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    await clearTargets(b);
    ids.weekly = await newTarget('每周', { tier: 'high' });
    ids.monthly = await newTarget('每月', { tier: 'key' });
    ids.quarterly = await newTarget('每季', { tier: 'general' });
    // Sunday 29 November 23:29 (the week of Monday the 23rd); Monday 30 November 23:29 for the month.
    for (const [key, start] of [
      ['weekly', sh('2026-11-29T23:29:00')],
      ['monthly', sh('2026-11-30T23:29:00')],
      ['quarterly', sh('2026-09-15T10:00:00')],
    ] as const) {
      expect((await visitAt(ids[key]!, start, `plan-${key}`)).ok).toBe(true);
    }
  }, 60_000);

  const view = (due: string, when: Date) =>
    withClock(b, when, async () => {
      const page = await b.ok('targets', 'listTargets', { stationId: STATION.jiangbin, due, mine: true }, AS.staff);
      return page.items.map((t: any) => t.name).sort();
    });

  it('puts a weekly target in 本周应访 from Monday 00:00 after its visit week, overdue the Monday after', async () => {
    expect(await view('week', sh('2026-11-30T00:30:00'))).toEqual(['每周']);
    expect(await view('overdue', sh('2026-12-06T23:59:00'))).not.toContain('每周');
    expect(await view('overdue', sh('2026-12-07T00:00:00'))).toContain('每周');
    // Within its own week it is done, not due.
    expect(await view('week', sh('2026-11-29T23:59:00'))).not.toContain('每周');
  });

  it('puts a monthly target in 本月应访 from the 1st after its visit month, overdue on the 1st after that', async () => {
    expect(await view('month', sh('2026-12-01T00:00:00'))).toContain('每月');
    expect(await view('week', sh('2026-12-01T00:00:00'))).not.toContain('每月');
    expect(await view('overdue', sh('2026-12-31T23:59:00'))).not.toContain('每月');
    expect(await view('overdue', sh('2027-01-01T00:00:00'))).toContain('每月');
    // 28 December: the month ends within this week, so it is also 本周应访.
    expect(await view('week', sh('2026-12-28T09:00:00'))).toContain('每月');
  });

  it('keeps a quarterly target covered for three months after its visit month', async () => {
    expect(await view('month', sh('2026-11-30T09:00:00'))).not.toContain('每季');
    expect(await view('month', sh('2026-12-01T09:00:00'))).toContain('每季');
    expect(await view('overdue', sh('2026-12-31T23:59:00'))).not.toContain('每季');
    expect(await view('overdue', sh('2027-01-01T00:00:00'))).toContain('每季');
  });

  it('agrees with the counts and each row’s own status', async () => {
    const when = sh('2026-12-07T09:00:00');
    const summary = await withClock(b, when, () =>
      b.ok('targets', 'planSummary', { stationId: STATION.jiangbin, mine: true }, AS.staff),
    );
    expect(summary).toMatchObject({ overdue: 1, week: 1, month: 3, done: 0 });
    const rows = await withClock(b, when, () =>
      b.ok('targets', 'listTargets', { stationId: STATION.jiangbin, mine: true }, AS.staff),
    );
    expect(Object.fromEntries(rows.items.map((t: any) => [t.name, t.dueStatus]))).toEqual({
      每周: 'overdue',
      每月: 'this_month',
      每季: 'this_month',
    });
  });

  it('makes a record due within 24 hours of a major event, until the next visit', async () => {
    const when = sh('2026-12-02T09:00:00');
    await withClock(b, when, () =>
      b.ok('targets', 'flagEvent', { targetId: ids.quarterly, event: 'hospitalised', note: '摔倒住院' }, AS.staff),
    );
    expect(await view('overdue', sh('2026-12-03T08:59:00'))).not.toContain('每季');
    expect(await view('overdue', sh('2026-12-03T09:00:00'))).toContain('每季');
    expect((await visitAt(ids.quarterly!, sh('2026-12-02T15:00:00'), 'after-event')).ok).toBe(true);
    expect(await view('overdue', sh('2026-12-03T09:00:00'))).not.toContain('每季');
    expect((await b.all('targets')).find((t) => t._id === ids.quarterly).urgent).toBeNull();
  });

  it('repairs a drifted last visit from the visit rows (timer), audited', async () => {
    await b.db.collection('targets').doc(ids.monthly!).update({ lastVisitAt: null });
    const run = async () => (await b.runTimer('targets', 'reconcile')) as any;
    const answer = await run();
    expect(answer).toMatchObject({ ok: true, data: { corrected: 1 } });
    expect((await b.all('targets')).find((t) => t._id === ids.monthly).lastVisitAt).toEqual(sh('2026-11-30T23:29:00'));
    expect(
      (await b.all('auditLog')).filter((e) => e.action === 'target.repairLastVisit').map((e) => e.entityId),
    ).toEqual([ids.monthly]);
    expect((await run()).data.corrected).toBe(0);
  });
});
