import { AS, startBackend, STATION, type Backend } from './support';
import { clearTargets, grantStaff, idNumber, registerVolunteer, targetInput, visitInput } from './targets-support';

/**
 * The protected roster (ADR 0017) through the real `targets` function and SDK against the emulator:
 * registration and the two duplicate rules, moves and closing, who sees what, and the read log.
 */
jest.setTimeout(30_000);

let b: Backend;
const WANGJIANG = 'st_LJ0102';
const ZHONGDAI_VILLAGE = 'st_LJ0201';

beforeAll(async () => {
  b = await startBackend();
  await clearTargets(b);
  await grantStaff(b, 'tg-colleague', '13600001001', STATION.jiangbin);
  await grantStaff(b, 'tg-sibling', '13600001002', STATION.zhongdai);
  await grantStaff(b, 'tg-head', '13600001003', STATION.jiangbin, 'head');
}, 60_000);
afterAll(() => b.close());

const HOUR = 3_600_000;
/** Runs `fn` with the clock moved by `offsetMs` from T0. */
async function at<T>(offsetMs: number, fn: () => Promise<T>): Promise<T> {
  const t0 = b.clock.now;
  b.clock.now = new Date(t0.getTime() + offsetMs);
  try {
    return await fn();
  } finally {
    b.clock.now = t0;
  }
}

const create = (data: Record<string, unknown>, stationId: string = STATION.yihe, as: string = AS.staff) =>
  b.call('targets', 'createTarget', { stationId, data }, as);

/** The audit rows of one entity and action, with the fields a reader of the log sees. */
function auditRows(log: any[], entityId: string, action: string) {
  return log
    .filter((e) => e.entityId === entityId && e.action === action)
    .map(({ action: a, actorId, entity, entityId: id, stationId, from, to, reason }) => ({
      action: a,
      actorId,
      entity,
      entityId: id,
      stationId,
      from,
      to,
      ...(reason === undefined ? {} : { reason }),
    }));
}

async function targetsNamed(name: string) {
  return (await b.all('targets')).filter((t) => t.name === name);
}

describe('registering a person', () => {
  let targetId: string;
  const id = idNumber(1);

  it('keeps the ID number only as a keyed hash and a mask, and audits the registration', async () => {
    const created = await create(targetInput({ idNumber: id }));
    expect(created.ok).toBe(true);
    targetId = (created as any).data.targetId;
    const [stored] = await targetsNamed('周桂英');
    expect(stored).toMatchObject({
      _id: targetId,
      stationId: STATION.yihe,
      stationPath: ['st_LJ', STATION.jiangbin, STATION.yihe],
      idMasked: `${id.slice(0, 4)}**********${id.slice(-4)}`,
      categories: ['tekun', 'living_alone'],
      status: 'active',
      rev: 0,
      phoneTails: ['0001'],
      lastVisitAt: null,
    });
    expect(stored.idKey).toMatch(/^id:[0-9a-f]{64}$/);
    expect(stored.sameKey).toMatch(/^same:[0-9a-f]{64}$/);
    // The clear number is nowhere in the database.
    for (const name of ['targets', 'auditLog', 'readLog'])
      expect(JSON.stringify(await b.all(name))).not.toContain(id.slice(6));
    const audit = (await b.all('auditLog')).filter((e) => e.entityId === targetId);
    expect(audit.map((e) => [e.action, e.stationId, e.to])).toEqual([
      ['target.create', STATION.yihe, { tier: 'high', consent: 'given' }],
    ]);
  });

  it('refuses the same ID number again, under another name, at another station', async () => {
    const answer = await create(
      targetInput({ idNumber: id, name: '周贵英', address: { area: '望江社区', building: '1幢', room: '' } }),
      WANGJIANG,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'TARGET_DUPLICATE', fields: { 'data.idNumber': '该身份证号已有档案' } },
    });
    expect((answer as any).error.userMessage).toContain('本站');
    expect(await targetsNamed('周贵英')).toEqual([]);
  });

  it('refuses the same name, birth year and address without an ID number, however it is spaced', async () => {
    const answer = await create(
      targetInput({ name: '周 桂英', address: { area: '颐和社区', building: '３幢 2单元', room: '301' } }),
      WANGJIANG,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'TARGET_DUPLICATE', fields: { 'data.name': '已有同一人的档案' } },
    });
    expect(await targetsNamed('周 桂英')).toEqual([]);
    // Another birth year is another person.
    expect((await create(targetInput({ birthYear: 1939 }))).ok).toBe(true);
  });

  it('lets only one of two simultaneous registrations of the same person land', async () => {
    const input = targetInput({ name: '同时登记', address: { area: '颐和社区', building: '6幢', room: '' } });
    const answers = await Promise.all([create(input), create(input, STATION.yihe, 'tg-colleague')]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a as any).error.code)).toEqual(['TARGET_DUPLICATE']);
    expect(await targetsNamed('同时登记')).toHaveLength(1);
  });

  it('keeps only the minimum without consent, and says why', async () => {
    const before = (await b.all('targets')).length;
    const refused = await create(
      targetInput({ name: '无同意', consent: { status: 'none' }, idNumber: idNumber(2), notes: '高血压' }),
    );
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'data.idNumber': '未取得单独同意，不能保存身份证号', 'data.notes': '未取得单独同意，不能保存备注' },
      },
    });
    expect((await b.all('targets')).length).toBe(before);
    const created = await b.ok(
      'targets',
      'createTarget',
      { stationId: STATION.yihe, data: targetInput({ name: '无同意', consent: { status: 'none' } }) },
      AS.staff,
    );
    expect(
      await b.refused('targets', 'pairVolunteer', { targetId: created.targetId, phone: '13900002222' }, AS.staff),
    ).toBe('CONSENT_REQUIRED');
  });

  it('keeps the day consent was given, and refuses a day in the future, writing nothing', async () => {
    const consent = (at: string) => ({
      status: 'given',
      by: 'guardian',
      method: 'verbal_witnessed',
      at,
      witness: '网格员小周',
    });
    const tomorrow = new Date(b.clock.now.getTime() + 24 * HOUR).toISOString();
    const before = (await b.all('targets')).length;
    const future = await create(
      targetInput({
        name: '同意日',
        address: { area: '颐和社区', building: '11幢', room: '' },
        consent: consent(tomorrow),
      }),
    );
    expect(future).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'data.consent.at': '同意日期不能晚于今天' } },
    });
    expect(await b.all('targets')).toHaveLength(before);
    // A form signed on 3 November and entered today: that day (00:00 Beijing) is the consent time.
    const signed = '2026-11-02T16:00:00.000Z';
    await b.ok(
      'targets',
      'createTarget',
      {
        stationId: STATION.yihe,
        data: targetInput({
          name: '同意日',
          address: { area: '颐和社区', building: '11幢', room: '' },
          consent: consent(signed),
        }),
      },
      AS.staff,
    );
    const [stored] = await targetsNamed('同意日');
    expect(stored.consent).toMatchObject({ status: 'given', by: 'guardian', at: new Date(signed) });
    // An edit cannot move it into the future either.
    expect(
      await b.refused(
        'targets',
        'updateTarget',
        {
          targetId: stored._id,
          rev: 0,
          data: targetInput({
            name: '同意日',
            address: { area: '颐和社区', building: '11幢', room: '' },
            consent: consent(tomorrow),
          }),
        },
        AS.staff,
      ),
    ).toBe('INVALID_INPUT');
  });

  it('refuses a 中心 as the station, a bad ID checksum, and a birth year in the future', async () => {
    expect(
      await b.refused('targets', 'createTarget', { stationId: 'st_LJ', data: targetInput({ name: '甲' }) }, AS.admin),
    ).toBe('RULE_VIOLATION');
    const bad = idNumber(3).slice(0, 17) + (idNumber(3).endsWith('0') ? '1' : '0');
    expect(
      await b.refused(
        'targets',
        'createTarget',
        { stationId: STATION.yihe, data: targetInput({ name: '乙', idNumber: bad }) },
        AS.staff,
      ),
    ).toBe('INVALID_ID_NUMBER');
    expect(
      await b.refused(
        'targets',
        'createTarget',
        { stationId: STATION.yihe, data: targetInput({ name: '丙', birthYear: 2027 }) },
        AS.staff,
      ),
    ).toBe('INVALID_INPUT');
  });

  it('refuses an edit made from an older revision instead of overwriting it', async () => {
    const first = await b.ok(
      'targets',
      'updateTarget',
      { targetId, rev: 0, data: targetInput({ idNumber: undefined, tierReason: '第一次修改' }) },
      AS.staff,
    );
    expect(first.rev).toBe(1);
    expect(
      await b.refused(
        'targets',
        'updateTarget',
        { targetId, rev: 0, data: targetInput({ tierReason: '旧页面上的修改' }) },
        'tg-colleague',
      ),
    ).toBe('STALE_EDIT');
    const [stored] = await targetsNamed('周桂英').then((all) => all.filter((t) => t._id === targetId));
    expect(stored).toMatchObject({ rev: 1, tierReason: '第一次修改' });
    // The ID number on file stays when the form leaves it blank.
    expect(stored.idMasked).toBe(`${id.slice(0, 4)}**********${id.slice(-4)}`);
  });

  it('starts a new span when the tier changes, so past months keep the old tier', async () => {
    b.clock.now = new Date('2026-11-23T02:00:00Z');
    try {
      await b.ok(
        'targets',
        'updateTarget',
        { targetId, rev: 1, data: targetInput({ tier: 'key', tierReason: '病情稳定' }) },
        AS.staff,
      );
    } finally {
      b.clock.now = new Date('2026-11-22T02:00:00Z');
    }
    const [stored] = (await b.all('targets')).filter((t) => t._id === targetId);
    expect(stored.spans.map((s: any) => [s.tier, s.to === null ? null : s.to.toISOString(), s.endedBy])).toEqual([
      ['high', '2026-11-23T02:00:00.000Z', 'change'],
      ['key', null, null],
    ]);
    const audit = (await b.all('auditLog')).filter((e) => e.entityId === targetId && e.action === 'target.update');
    expect(audit.at(-1).to.changed).toEqual(['tier', 'tierReason']);
  });
});

describe('moving and closing', () => {
  let targetId: string;
  beforeAll(async () => {
    // Registered yesterday, so visits made today fall inside the record's life.
    b.clock.now = new Date(b.clock.now.getTime() - 24 * HOUR);
    targetId = (
      await b.ok(
        'targets',
        'createTarget',
        {
          stationId: WANGJIANG,
          data: targetInput({ name: '要搬走的', address: { area: '望江社区', building: '2幢', room: '' } }),
        },
        AS.staff,
      )
    ).targetId;
    b.clock.now = new Date(b.clock.now.getTime() + 24 * HOUR);
  });

  it('moves a record to a station of another street: one station at a time, history at both', async () => {
    await b.ok(
      'targets',
      'moveTarget',
      { targetId, rev: 0, toStationId: ZHONGDAI_VILLAGE, reason: '随子女搬到钟埭村' },
      AS.staff,
    );
    const [stored] = (await b.all('targets')).filter((t) => t._id === targetId);
    expect(stored).toMatchObject({
      stationId: ZHONGDAI_VILLAGE,
      stationPath: ['st_LJ', STATION.zhongdai, ZHONGDAI_VILLAGE],
      responsibleWorkerId: null,
      rev: 1,
    });
    expect(stored.spans.map((s: any) => [s.stationId, s.endedBy])).toEqual([
      [WANGJIANG, 'move'],
      [ZHONGDAI_VILLAGE, null],
    ]);
    // The old station can no longer open it; the new station's staff can.
    expect(await b.refused('targets', 'getTarget', { targetId, reason: 'visit' }, AS.staff)).toBe('FORBIDDEN');
    const record = await b.ok('targets', 'getTarget', { targetId, reason: 'visit' }, 'tg-sibling');
    expect(record.history.map((h: any) => h.stationName)).toEqual(['望江社区社工室', '钟埭村社工室']);
    // Both stations have the move in their audit log, and the old one lists it (masked) as moved out.
    const moves = (await b.all('auditLog')).filter((e) => e.entityId === targetId && e.action === 'target.move');
    expect(moves.map((e) => e.stationId)).toEqual([WANGJIANG, ZHONGDAI_VILLAGE]);
    const out = await b.ok('targets', 'movedOut', { stationId: STATION.jiangbin }, AS.staff);
    expect(out.items).toEqual([
      { targetId, maskedName: '要***', movedAt: stored.spans[0].to.toISOString(), toStationName: '钟埭村社工室' },
    ]);
  });

  it('refuses a move out of the district, to a 中心, or from an old revision', async () => {
    expect(
      await b.refused(
        'targets',
        'moveTarget',
        { targetId, rev: 0, toStationId: STATION.shenjia, reason: '再搬' },
        'tg-sibling',
      ),
    ).toBe('STALE_EDIT');
    expect(
      await b.refused(
        'targets',
        'moveTarget',
        { targetId, rev: 1, toStationId: 'st_LJ', reason: '再搬' },
        'tg-sibling',
      ),
    ).toBe('RULE_VIOLATION');
  });

  it('closes a record: it leaves the active lists, keeps its history, and takes no more visits or edits', async () => {
    await b.ok('targets', 'closeTarget', { targetId, rev: 1, reason: 'deceased', note: '家属告知' }, 'tg-sibling');
    const active = await b.ok('targets', 'listTargets', { stationId: STATION.zhongdai }, 'tg-sibling');
    expect(active.items.map((t: any) => t.targetId)).not.toContain(targetId);
    const closed = await b.ok(
      'targets',
      'listTargets',
      { stationId: STATION.zhongdai, status: 'closed' },
      'tg-sibling',
    );
    expect(closed.items.map((t: any) => [t.targetId, t.status, t.deadline, t.dueStatus])).toEqual([
      [targetId, 'closed', null, null],
    ]);
    const [stored] = (await b.all('targets')).filter((t) => t._id === targetId);
    expect(stored.spans.at(-1)).toMatchObject({ endedBy: 'close' });
    expect(stored.close).toMatchObject({ reason: 'deceased', note: '家属告知' });
    const closer = (await b.ok('accounts', 'me', {}, 'tg-sibling')).userId;
    expect(auditRows(await b.all('auditLog'), targetId, 'target.close')).toEqual([
      {
        action: 'target.close',
        actorId: closer,
        entity: 'target',
        entityId: targetId,
        stationId: ZHONGDAI_VILLAGE,
        from: { status: 'active' },
        to: { status: 'closed', reason: 'deceased' },
        reason: '家属告知',
      },
    ]);
    const visit = await at(HOUR, () =>
      b.call(
        'targets',
        'recordVisit',
        { clientId: 'after-close', targetId, data: visitInput(b.clock.now, {}, 40) },
        'tg-sibling',
      ),
    );
    expect(visit).toMatchObject({ ok: false, error: { code: 'TARGET_CLOSED' } });
    expect(await b.refused('targets', 'closeTarget', { targetId, rev: 2, reason: 'other' }, 'tg-sibling')).toBe(
      'TARGET_CLOSED',
    );
    expect((await b.all('visits')).filter((v) => v.targetId === targetId)).toEqual([]);
    // A visit made before the closure (a draft that waited offline) still syncs.
    const before = await b.ok(
      'targets',
      'recordVisit',
      { clientId: 'before-close', targetId, data: visitInput(b.clock.now, {}, 90) },
      'tg-sibling',
    );
    expect(before).toMatchObject({ status: 'counted', duplicate: false });
  });
});

describe('who sees what', () => {
  let targetId: string;
  beforeAll(async () => {
    // Registered yesterday, so visits made today fall inside the record's life.
    b.clock.now = new Date(b.clock.now.getTime() - 24 * HOUR);
    targetId = (
      await b.ok(
        'targets',
        'createTarget',
        {
          stationId: STATION.yihe,
          data: targetInput({
            name: '欧阳秀珍',
            idNumber: idNumber(5),
            notes: '有抑郁史，需多陪伴',
            address: { area: '颐和社区', building: '8幢1单元', room: '502' },
          }),
        },
        AS.staff,
      )
    ).targetId;
    b.clock.now = new Date(b.clock.now.getTime() + 24 * HOUR);
  });

  const readsOf = async (purpose: string) =>
    (await b.all('readLog')).filter((e) => e.targetIds.includes(targetId) && e.purpose === purpose);

  it('refuses staff of a sibling station, and lists nothing of another subtree', async () => {
    expect(await b.refused('targets', 'getTarget', { targetId, reason: 'supervision' }, 'tg-sibling')).toBe(
      'FORBIDDEN',
    );
    expect(await b.refused('targets', 'listTargets', { stationId: STATION.jiangbin }, 'tg-sibling')).toBe('FORBIDDEN');
    const theirs = await b.ok('targets', 'listTargets', { stationId: STATION.zhongdai }, 'tg-sibling');
    expect(theirs.items.map((t: any) => t.targetId)).not.toContain(targetId);
    expect(await b.refused('targets', 'getTarget', { targetId, reason: 'supervision' }, AS.resident)).toBe('FORBIDDEN');
    expect(await readsOf('record')).toEqual([]);
  });

  it('asks a colleague outside the caseload for a reason, and logs every full read with it', async () => {
    expect(await b.refused('targets', 'getTarget', { targetId }, 'tg-colleague')).toBe('READ_REASON_REQUIRED');
    expect(await readsOf('record')).toEqual([]);
    const own = await b.ok('targets', 'getTarget', { targetId }, AS.staff);
    expect(own).toMatchObject({ caseload: true, notes: '有抑郁史，需多陪伴', name: '欧阳秀珍' });
    const theirs = await b.ok('targets', 'getTarget', { targetId, reason: 'supervision' }, 'tg-colleague');
    expect(theirs.caseload).toBe(false);
    await b.ok('targets', 'getTarget', { targetId, reason: 'emergency' }, AS.admin);
    const reads = await readsOf('record');
    expect(reads.map((e) => [e.actorName, e.reason, e.targetLabel, e.stationId])).toEqual([
      ['王社工', null, '欧***', STATION.yihe],
      ['tg-colleague', 'supervision', '欧***', STATION.yihe],
      ['刘主任', 'emergency', '欧***', STATION.yihe],
    ]);
    // Log entries carry a masked name and never the record's contents.
    expect(JSON.stringify(reads)).not.toMatch(/欧阳秀珍|抑郁/);
  });

  it('logs list pages with the records they showed', async () => {
    const page = await b.ok('targets', 'listTargets', { stationId: STATION.yihe, q: '欧阳' }, AS.staff);
    expect(page.items.map((t: any) => t.targetId)).toEqual([targetId]);
    expect(page.items[0]).not.toHaveProperty('notes');
    const lists = await readsOf('list');
    expect(lists.at(-1)).toMatchObject({ targetIds: [targetId], targetLabel: '1 人', stationId: STATION.yihe });
    // Search by phone tail.
    const byTail = await b.ok('targets', 'listTargets', { stationId: STATION.jiangbin, q: '0001' }, AS.staff);
    expect(byTail.items.map((t: any) => t.targetId)).toContain(targetId);
  });

  it('shows a paired volunteer only the masked task', async () => {
    await registerVolunteer(b, AS.volunteer, '13900002222', 31, STATION.jiangbin);
    const paired = await b.ok('targets', 'pairVolunteer', { targetId, phone: '13900002222' }, AS.staff);
    expect(paired.pairedVolunteers).toEqual([{ userId: expect.any(String), name: '志愿者小李' }]);
    const tasks = await b.ok('targets', 'myTasks', {}, AS.volunteer);
    expect(tasks.items).toHaveLength(1);
    const task = tasks.items[0];
    expect(Object.keys(task).sort()).toEqual(
      [
        'area',
        'building',
        'contactPhone',
        'deadline',
        'dueStatus',
        'lastVisitAt',
        'maskedName',
        'myPendingVisits',
        'targetId',
      ].sort(),
    );
    expect(task).toMatchObject({
      maskedName: '欧***',
      area: '颐和社区',
      building: '8幢1单元',
      contactPhone: '13700020001',
      myPendingVisits: 0,
    });
    const text = JSON.stringify(tasks);
    for (const secret of ['欧阳秀珍', '抑郁', 'tekun', 'living_alone', '502', '****', '周明'])
      expect(text).not.toContain(secret);
    expect(await b.refused('targets', 'getTarget', { targetId, reason: 'visit' }, AS.volunteer)).toBe('FORBIDDEN');
    expect(await b.refused('targets', 'listTargets', { stationId: STATION.yihe }, AS.volunteer)).toBe('FORBIDDEN');
    expect((await readsOf('task')).map((e) => e.actorName)).toEqual(['小李']);
    // Another resident has no tasks.
    expect((await b.ok('targets', 'myTasks', {}, AS.resident)).items).toEqual([]);
  });

  it('counts a volunteer visit only once staff confirm it, and never by its author', async () => {
    const recorded = await b.ok(
      'targets',
      'recordVisit',
      { clientId: 'vol-visit-1', targetId, data: visitInput(b.clock.now) },
      AS.volunteer,
    );
    expect(recorded).toMatchObject({ status: 'pending', duplicate: false });
    expect((await b.all('targets')).find((t) => t._id === targetId).lastVisitAt).toBeNull();
    expect((await b.ok('targets', 'myTasks', {}, AS.volunteer)).items[0].myPendingVisits).toBe(1);
    const queue = await b.ok('targets', 'pendingVisits', { stationId: STATION.jiangbin }, AS.staff);
    expect(queue.items.map((v: any) => [v.visitId, v.targetName, v.authorName])).toEqual([
      [recorded.visitId, '欧***', '小李'],
    ]);
    expect(
      await b.refused('targets', 'confirmVisit', { visitId: recorded.visitId, decision: 'confirm' }, AS.volunteer),
    ).toBe('FORBIDDEN');
    expect(
      await b.refused('targets', 'confirmVisit', { visitId: recorded.visitId, decision: 'confirm' }, 'tg-sibling'),
    ).toBe('NOT_FOUND');
    await b.ok('targets', 'confirmVisit', { visitId: recorded.visitId, decision: 'confirm' }, AS.staff);
    expect(
      await b.refused(
        'targets',
        'confirmVisit',
        { visitId: recorded.visitId, decision: 'reject', reason: '重复' },
        'tg-colleague',
      ),
    ).toBe('ILLEGAL_TRANSITION');
    const stored = (await b.all('targets')).find((t) => t._id === targetId);
    expect(stored.lastVisitAt.toISOString()).toBe(visitInput(b.clock.now).startAt);
  });

  it('shows the read log to the station head and the admin, not to staff', async () => {
    expect(await b.refused('targets', 'readLog', { stationId: STATION.jiangbin }, AS.staff)).toBe('FORBIDDEN');
    const log = await b.ok('targets', 'readLog', { stationId: STATION.jiangbin, targetId }, 'tg-head');
    expect(log.total).toBe((await b.all('readLog')).filter((e) => e.targetIds.includes(targetId)).length);
    expect(log.items.map((e: any) => e.actorName)).toEqual(
      expect.arrayContaining(['王社工', 'tg-colleague', '刘主任', '小李']),
    );
    expect(log.items.map((e: any) => e.purpose)).toEqual(
      expect.arrayContaining(['record', 'list', 'task', 'record_visit', 'visits', 'edit']),
    );
    const sibling = await b.ok('targets', 'readLog', { stationId: 'st_LJ', targetId }, AS.admin);
    expect(sibling.total).toBe(log.total);
  });

  it('exports the roster to heads only, with masked ID numbers, audited and logged', async () => {
    expect(await b.refused('targets', 'exportRoster', { stationId: STATION.jiangbin }, AS.staff)).toBe('FORBIDDEN');
    const file = await b.ok('targets', 'exportRoster', { stationId: STATION.jiangbin }, 'tg-head');
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('服务对象名单')!;
    const rows: string[] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).join('|')));
    const line = rows.find((r) => r.includes('欧阳秀珍'))!;
    expect(line).toContain(`${idNumber(5).slice(0, 4)}**********${idNumber(5).slice(-4)}`);
    expect(line).not.toContain(idNumber(5));
    expect(rows.join('\n')).not.toContain('抑郁');
    expect(
      (await b.all('auditLog')).some((e) => e.action === 'target.export' && e.stationId === STATION.jiangbin),
    ).toBe(true);
    expect((await b.all('readLog')).some((e) => e.purpose === 'export' && e.actorName === 'tg-head')).toBe(true);
  });

  it('audits pairing, unpairing, a major event and both visit decisions with who did it', async () => {
    const staffId = (await b.ok('accounts', 'me', {}, AS.staff)).userId;
    const colleagueId = (await b.ok('accounts', 'me', {}, 'tg-colleague')).userId;
    const volunteer = (await b.ok('accounts', 'me', {}, AS.volunteer)).userId;
    const second = await b.ok(
      'targets',
      'recordVisit',
      { clientId: 'vol-visit-2', targetId, data: visitInput(b.clock.now, {}, 30) },
      AS.volunteer,
    );
    await b.ok(
      'targets',
      'confirmVisit',
      { visitId: second.visitId, decision: 'reject', reason: '与上次重复' },
      'tg-colleague',
    );
    await b.ok('targets', 'flagEvent', { targetId, event: 'hospitalised', note: '摔倒住院' }, AS.staff);
    await b.ok('targets', 'unpairVolunteer', { targetId, userId: volunteer }, AS.staff);
    const log = await b.all('auditLog');
    const volunteerNo = (await b.all('volunteers')).find((v) => v._id === volunteer).volunteerNo;
    const row = (action: string, actorId: string, from: unknown, to: unknown) => ({
      action,
      actorId,
      entity: 'target',
      entityId: targetId,
      stationId: STATION.yihe,
      from,
      to,
    });
    expect(auditRows(log, targetId, 'target.pair')).toEqual([row('target.pair', staffId, null, { volunteerNo })]);
    expect(auditRows(log, targetId, 'target.flag')).toEqual([
      row('target.flag', staffId, null, { event: 'hospitalised' }),
    ]);
    expect(auditRows(log, targetId, 'target.unpair')).toEqual([
      row('target.unpair', staffId, { userId: volunteer }, null),
    ]);
    const first = (await b.all('visits')).find((v) => v.targetId === targetId && v._id !== second.visitId)._id;
    expect(auditRows(log, first, 'visit.confirm')).toEqual([
      {
        action: 'visit.confirm',
        actorId: staffId,
        entity: 'visit',
        entityId: first,
        stationId: STATION.yihe,
        from: { status: 'pending' },
        to: { status: 'counted' },
      },
    ]);
    expect(auditRows(log, second.visitId, 'visit.reject')).toEqual([
      {
        action: 'visit.reject',
        actorId: colleagueId,
        entity: 'visit',
        entityId: second.visitId,
        stationId: STATION.yihe,
        from: { status: 'pending' },
        to: { status: 'rejected' },
        reason: '与上次重复',
      },
    ]);
    // The volunteer, unpaired, no longer sees the task.
    expect((await b.ok('targets', 'myTasks', {}, AS.volunteer)).items).toEqual([]);
  });
});

describe('filtering the roster and the plan', () => {
  const AREA = '筛选测试社区';
  let colleagueId: string;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    colleagueId = (await b.ok('accounts', 'me', {}, 'tg-colleague')).userId;
    b.clock.now = new Date(b.clock.now.getTime() - 24 * HOUR);
    const add = async (key: string, data: Record<string, unknown>, as: string) => {
      ids[key] = (
        await b.ok('targets', 'createTarget', { stationId: STATION.yihe, data: targetInput(data) }, as)
      ).targetId;
    };
    await add(
      'mineHigh',
      { name: '筛甲', phones: [], address: { area: AREA, building: '1幢', room: '' }, tier: 'high' },
      AS.staff,
    );
    await add(
      'theirsKey',
      {
        name: '筛乙',
        phones: [],
        address: { area: AREA, building: '9幢', room: '' },
        tier: 'key',
        categories: ['dibao'],
        responsibleWorkerId: colleagueId,
      },
      AS.staff,
    );
    await add(
      'theirsGeneral',
      {
        name: '筛丙',
        phones: [],
        address: { area: AREA, building: '2幢', room: '' },
        tier: 'general',
        categories: ['severe_disability'],
      },
      'tg-colleague',
    );
    b.clock.now = new Date(b.clock.now.getTime() + 24 * HOUR);
  });

  const list = async (filter: Record<string, unknown>, as: string = AS.staff) =>
    (await b.ok('targets', 'listTargets', { stationId: STATION.jiangbin, q: AREA, ...filter }, as)).items.map(
      (t: any) => t.name,
    );

  it('finds records by their address and filters by category and tier', async () => {
    expect(await list({})).toEqual(['筛丙', '筛乙', '筛甲']);
    expect(await list({ q: '9幢' })).toEqual(['筛乙']);
    expect(await list({ category: 'dibao' })).toEqual(['筛乙']);
    expect(await list({ category: 'severe_disability' })).toEqual(['筛丙']);
    expect(await list({ tier: 'high' })).toEqual(['筛甲']);
    expect(await list({ tier: 'general' })).toEqual(['筛丙']);
  });

  it('filters by a named responsible worker, and counts that worker’s plan', async () => {
    expect(await list({ responsibleWorkerId: colleagueId })).toEqual(['筛丙', '筛乙']);
    expect(await list({ mine: true })).toEqual(['筛甲']);
    // A colleague's filter replaces 只看我负责的.
    expect(await list({ mine: true, responsibleWorkerId: colleagueId }, 'tg-colleague')).toEqual(['筛丙', '筛乙']);
    const whole = await b.ok('targets', 'planSummary', { stationId: STATION.yihe }, AS.staff);
    const theirs = await b.ok(
      'targets',
      'planSummary',
      { stationId: STATION.yihe, responsibleWorkerId: colleagueId },
      AS.staff,
    );
    const theirPlan = await Promise.all(
      (['overdue', 'week', 'month', 'done'] as const).map(
        async (due) =>
          (
            await b.ok(
              'targets',
              'listTargets',
              { stationId: STATION.yihe, due, responsibleWorkerId: colleagueId },
              AS.staff,
            )
          ).total,
      ),
    );
    expect([theirs.overdue, theirs.week, theirs.month, theirs.done]).toEqual(theirPlan);
    // Both of theirs were registered a day ago and never visited: due this month, not yet overdue.
    expect(theirs.month).toBe(2);
    expect(whole.month).toBeGreaterThan(theirs.month);
    const generalOnly = await b.ok(
      'targets',
      'planSummary',
      { stationId: STATION.yihe, responsibleWorkerId: colleagueId, tier: 'key', category: 'dibao' },
      AS.staff,
    );
    expect(generalOnly.month).toBe(1);
  });

  it('keeps the worker filter inside the reader’s subtree', async () => {
    expect(
      await b.refused(
        'targets',
        'listTargets',
        { stationId: STATION.jiangbin, responsibleWorkerId: colleagueId },
        'tg-sibling',
      ),
    ).toBe('FORBIDDEN');
    expect(
      await b.refused(
        'targets',
        'planSummary',
        { stationId: STATION.yihe, responsibleWorkerId: colleagueId },
        AS.volunteer,
      ),
    ).toBe('FORBIDDEN');
    const theirs = await b.ok(
      'targets',
      'listTargets',
      { stationId: STATION.zhongdai, responsibleWorkerId: colleagueId },
      'tg-sibling',
    );
    expect(theirs.items).toEqual([]);
  });

  it('costs five reads and one read-log write per page (docs/architecture.md)', async () => {
    const calls = await b.countCalls(() =>
      b.ok('targets', 'listTargets', { stationId: STATION.jiangbin, responsibleWorkerId: colleagueId }, AS.staff),
    );
    expect(calls).toEqual({
      users: { getDocument: 1 },
      stations: { getDocument: 1 },
      visitPolicies: { getDocument: 1 },
      targets: { calculateDocument: 1, getDocument: 1 },
      readLog: { insertDocument: 1 },
    });
  });
});
