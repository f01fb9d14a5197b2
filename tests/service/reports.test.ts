import ExcelJS from 'exceljs';
import type { IndicatorKey } from '../../shared/domain/report';
import { INDICATOR_BASE, inReportUnits } from '../../shared/domain/report-format';
import { AS, registerVolunteer, startBackend, STATION, T0, totalCalls, type Backend } from './support';

/**
 * Reports on hand-built March 2026 data with known answers. The demo seed's history fills the five
 * months before the seeding month (June–October 2026 for T0) and its upcoming activities start on
 * 2026-11-22, so March and April hold exactly what this file builds.
 */
let b: Backend;
const WANGJIANG = 'st_LJ0102';
const at = (iso: string) => new Date(iso);
const ids: Record<string, string> = {};

async function as<T>(instant: string, fn: () => Promise<T>): Promise<T> {
  b.clock.now = at(instant);
  try {
    return await fn();
  } finally {
    b.clock.now = T0;
  }
}

async function activity(
  stationId: string,
  title: string,
  startIso: string,
  minutes: number,
  extra: Record<string, unknown> = {},
) {
  const start = at(startIso);
  const created = await b.ok(
    'activities',
    'create',
    {
      stationId,
      data: {
        title,
        category: 'elder_care',
        method: 'group',
        location: '活动室',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + minutes * 60_000).toISOString(),
        capacity: 10,
        ...extra,
      },
    },
    AS.staff,
  );
  await b.ok('activities', 'publish', { activityId: created.activityId }, AS.staff);
  return created.activityId as string;
}

beforeAll(async () => {
  b = await startBackend();
  await as('2026-03-01T02:00:00Z', async () => {
    // A: 23:59 on 31 March (Shanghai) at 颐和 — March. B: 00:00 on 1 April at 江滨 itself — April.
    ids.a = await activity(STATION.yihe, '三月最后一分钟', '2026-03-31T15:59:00Z', 120, { volunteerSlots: 2 });
    ids.b = await activity(STATION.jiangbin, '四月第一分钟', '2026-03-31T16:00:00Z', 60);
    ids.c = await activity(WANGJIANG, '被取消的活动', '2026-03-15T06:00:00Z', 60);
    for (const r of ['rep-r1', 'rep-r2', 'rep-r3']) await b.ok('activities', 'signUp', { activityId: ids.a }, r);
    await b.ok('activities', 'signUp', { activityId: ids.c }, 'rep-r1');
    await b.ok('activities', 'cancelActivity', { activityId: ids.c, reason: '场地维修' }, AS.staff);
    await registerVolunteer(b, 'rep-vol', { realName: '报表志愿者', homeStationId: STATION.yihe, serial: 123 });
    await b.ok('volunteering', 'signUpShift', { activityId: ids.a }, 'rep-vol');
    const need = await b.ok(
      'donations',
      'createNeed',
      {
        stationId: STATION.yihe,
        data: {
          title: '棉被',
          kind: 'goods',
          unit: '床',
          targetQuantity: 5,
          unitValueFen: 15000,
          deadline: '2026-04-30T00:00:00Z',
          beneficiaryGroup: '困难老人',
        },
      },
      AS.staff,
    );
    ids.pledge = (
      await b.ok(
        'donations',
        'pledge',
        {
          needId: need.needId,
          stationId: STATION.yihe,
          data: {
            quantity: 2,
            deliveryMethod: 'drop_off',
            expectedDate: '2026-03-20T00:00:00Z',
            anonymous: true,
            donorName: '不愿具名',
            contactPhone: '13700001111',
          },
        },
        'rep-donor',
      )
    ).pledgeId;
  });
  await as('2026-03-25T04:00:00Z', async () => {
    await b.ok('donations', 'confirmArrival', { pledgeId: ids.pledge, receivedQuantity: 2 }, AS.staff);
    await b.ok(
      'donations',
      'distribute',
      { pledgeId: ids.pledge, quantity: 2, beneficiaryGroup: '困难老人' },
      AS.staff,
    );
  });
  await as('2026-03-31T15:59:30Z', async () => {
    for (const r of ['rep-r1', 'rep-r2']) {
      const { code } = await b.ok('activities', 'myCheckInCode', { activityId: ids.a }, r);
      await b.ok('activities', 'checkIn', { activityId: ids.a, code }, AS.staff);
    }
    const { code } = await b.ok('volunteering', 'myShiftCode', { activityId: ids.a }, 'rep-vol');
    await b.ok('volunteering', 'scanShift', { activityId: ids.a, code }, AS.staff);
  });
  await as('2026-03-31T17:29:30Z', async () => {
    const { code } = await b.ok('volunteering', 'myShiftCode', { activityId: ids.a }, 'rep-vol');
    await b.ok('volunteering', 'scanShift', { activityId: ids.a, code }, AS.staff);
  });
  await as('2026-03-31T18:30:00Z', async () => {
    expect(await b.runTimer('activities', 'sweep')).toMatchObject({ ok: true });
    await b.ok('activities', 'rate', { activityId: ids.a, score: 5, comment: '很好' }, 'rep-r1');
    const claim = await b.ok(
      'volunteering',
      'claimHours',
      { data: { stationId: STATION.yihe, startAt: '2026-03-20T01:00:00Z', minutes: 60, description: '入户探访' } },
      'rep-vol',
    );
    await b.ok('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'approve' }, AS.staff);
  });
}, 120_000);
afterAll(() => b.close());

const value = (report: any, key: string) => report.indicators.find((i: any) => i.key === key).value;

describe('the March report of a 站', () => {
  let report: any;
  beforeAll(async () => {
    report = await b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-03' }, AS.staff);
  });

  it('counts each indicator exactly on hand-built data', () => {
    const expected = {
      activitiesHeld: 1,
      groupActivities: 1,
      bookings: 3,
      attendances: 2,
      attendanceRatePermille: 667,
      noShowRatePermille: 333,
      residentsServed: 2,
      ratings: 1,
      averageRatingTenths: 50,
      verifiedMinutes: 90,
      topupMinutes: 60,
      activeVolunteers: 1,
      newVolunteers: 1,
      pledgesReceived: 1,
      goodsValueFen: 30000,
      resourcesValueFen: 30000,
      distributions: 1,
    };
    for (const [key, v] of Object.entries(expected)) expect([key, value(report, key)]).toEqual([key, v]);
  });

  it('puts 23:59 on 31 March in March, 00:00 on 1 April in April, and leaves cancelled activities out', async () => {
    expect(report.byCategory).toEqual([{ category: 'elder_care', activities: 1, attendances: 2 }]);
    const april = await b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-04' }, AS.staff);
    const own = april.children.find((c: any) => c.stationId === null);
    expect(own.values.activitiesHeld).toBeGreaterThanOrEqual(1);
    const wangjiang = report.children.find((c: any) => c.stationId === WANGJIANG);
    expect(wangjiang.values.activitiesHeld).toBe(0);
  });

  it('breaks the figures down by room, and the rooms add up to the station', () => {
    const yihe = report.children.find((c: any) => c.stationId === STATION.yihe);
    expect(yihe.values).toMatchObject({ activitiesHeld: 1, attendances: 2, verifiedMinutes: 90, goodsValueFen: 30000 });
    for (const key of [
      'activitiesHeld',
      'bookings',
      'attendances',
      'verifiedMinutes',
      'topupMinutes',
      'pledgesReceived',
      'resourcesValueFen',
      'distributions',
    ]) {
      const sum = report.children.reduce((s: number, c: any) => s + c.values[key], 0);
      expect([key, sum]).toEqual([key, value(report, key)]);
    }
  });

  it('agrees with the app’s other views', async () => {
    const roster = await b.ok('activities', 'roster', { activityId: ids.a }, AS.staff);
    expect(roster.counts.checked_in).toBe(value(report, 'attendances'));
    expect(roster.counts.no_show + roster.counts.checked_in).toBe(value(report, 'bookings'));
    const hours = await b.ok('volunteering', 'myHours', {}, 'rep-vol');
    expect(hours.totals.verifiedMinutes + hours.totals.adjustmentMinutes).toBe(value(report, 'verifiedMinutes'));
    expect(hours.totals.topupMinutes).toBe(value(report, 'topupMinutes'));
    // The ledger covers every month (the demo history's too): its March rows hold the report's value.
    const ledger = await b.ok('donations', 'ledger', { stationId: STATION.jiangbin });
    const march = ledger.months.filter((m: any) => m.month === '2026-03');
    expect(march.reduce((sum: number, m: any) => sum + m.receivedValueFen, 0)).toBe(value(report, 'resourcesValueFen'));
    expect(ledger.distributions.find((d: any) => d.needTitle === '棉被').donorName).toBe('爱心人士');
    expect((await b.ok('activities', 'get', { activityId: ids.a })).ratingAverage).toBe(
      value(report, 'averageRatingTenths') / 10,
    );
  });

  it('shows the month before and the change', () => {
    const row = report.indicators.find((i: any) => i.key === 'attendances');
    expect(row).toMatchObject({ previous: 0, change: 2, label: '参加人次（签到）' });
    expect(report.previousMonth).toBe('2026-02');
  });
});

describe('roll-up and access', () => {
  it('rolls stations up into the centre for the district admin', async () => {
    const center = await b.ok('reports', 'monthly', { stationId: STATION.center, month: '2026-03' }, AS.admin);
    expect(center.children.map((c: any) => c.stationName)).toEqual([
      '江滨街道社工站',
      '钟埭镇社工站',
      '新桥街道社工站',
      '临江区社会工作服务指导中心（本级）',
    ]);
    expect(value(center, 'attendances')).toBe(2);
    const jiangbin = center.children.find((c: any) => c.stationId === STATION.jiangbin);
    expect(jiangbin.values.attendances).toBe(2);
  });

  it('keeps staff to their own subtree', async () => {
    expect(await b.refused('reports', 'monthly', { stationId: STATION.zhongdai, month: '2026-03' }, AS.staff)).toBe(
      'FORBIDDEN',
    );
    expect(await b.refused('reports', 'monthly', { stationId: STATION.center, month: '2026-03' }, AS.staff)).toBe(
      'FORBIDDEN',
    );
    expect(await b.refused('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-03' }, AS.resident)).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses future and malformed months', async () => {
    expect(await b.refused('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-12' }, AS.staff)).toBe(
      'MONTH_IN_FUTURE',
    );
    expect(await b.refused('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-13' }, AS.staff)).toBe(
      'INVALID_INPUT',
    );
  });
});

describe('cost and export', () => {
  it('makes the same database calls however much data there is, as the emulator counts them', async () => {
    // The emulator's counters, per collection and wire action, for one report request.
    const calls = () =>
      b.countCalls(() => b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-03' }, AS.staff));
    const before = await calls();
    await as('2026-03-02T02:00:00Z', async () => {
      const more = await activity(STATION.yihe, '更多数据', '2026-03-10T02:00:00Z', 60, { capacity: 40 });
      await Promise.all(
        Array.from({ length: 30 }, (_, i) => b.ok('activities', 'signUp', { activityId: more }, `bulk-${i}`)),
      );
    });
    const after = await calls();
    expect(after).toEqual(before);
    // The caller; the station with its children and new volunteers (one aggregation); one
    // aggregation per source collection covering the month and the one before (ADR 0011): seven.
    // The visit section's policy and its one aggregation (ADR 0017); the service-order section's
    // one aggregation for this month and the one before (ADR 0019): ten in all.
    expect(before).toEqual({
      users: { getDocument: 1 },
      stations: { aggregateDocuments: 1 },
      activities: { aggregateDocuments: 1 },
      bookings: { aggregateDocuments: 1 },
      hourEntries: { aggregateDocuments: 1 },
      pledges: { aggregateDocuments: 1 },
      distributions: { aggregateDocuments: 1 },
      visitPolicies: { getDocument: 1 },
      targets: { aggregateDocuments: 1 },
      orders: { aggregateDocuments: 1 },
    });
    expect(totalCalls(before)).toBe(10);
  });

  it('exports an xlsx whose summary carries the same figures', async () => {
    const report = await b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-03' }, AS.staff);
    const file = await b.ok('reports', 'exportMonthly', { stationId: STATION.jiangbin, month: '2026-03' }, AS.staff);
    expect(file.fileName).toBe('江滨街道社工站-2026-03-月报.xlsx');
    expect(file.fileId).toMatch(new RegExp(`/exports/${STATION.jiangbin}/2026-03\\.xlsx$`));
    // The link serves the workbook from cloud storage, as a browser or wx.downloadFile fetches it.
    const res = await fetch(file.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(file.mimeType);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(file.bytes);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '月报汇总',
      '分站明细',
      '活动类别',
      '服务工单',
      '重点对象探访',
    ]);
    const summary = book.getWorksheet('月报汇总')!;
    expect((summary.getRow(1).values as unknown[]).slice(1)).toEqual([
      '站点',
      '层级',
      '月份',
      '指标',
      '本月',
      '上月（2026-02）',
      '环比变化',
      '单位',
    ]);
    const cells = new Map<
      string,
      { value: unknown; previous: unknown; change: unknown; unit: unknown; numFmt: string }
    >();
    summary.eachRow((row, i) => {
      if (i > 1)
        cells.set(String(row.getCell(4).value), {
          value: row.getCell(5).value,
          previous: row.getCell(6).value,
          change: row.getCell(7).value,
          unit: row.getCell(8).value,
          numFmt: row.getCell(5).numFmt,
        });
    });
    // The same figures as the report, in the units people report in; September is empty.
    for (const row of report.indicators) {
      const base = INDICATOR_BASE[row.key as IndicatorKey];
      const expected = base && value(report, base) === 0 ? null : inReportUnits(row.key, row.value);
      expect([row.label, cells.get(row.label)?.value ?? null]).toEqual([row.label, expected]);
      expect([row.label, cells.get(row.label)?.change]).toEqual([row.label, '上月无数据']);
    }
    expect(cells.get('到场率')).toMatchObject({ value: 6.1, unit: '%', numFmt: '0.0' }); // 2 of 33 (30 signed up above)
    expect(cells.get('平均满意度')).toMatchObject({ value: 5, unit: '分，满分5分', numFmt: '0.0' });
    expect(cells.get('志愿服务时长（签到核实）')).toMatchObject({ value: 1.5, unit: '小时' });
    expect(cells.get('链接社会资源价值')).toMatchObject({ value: 300, unit: '元', numFmt: '0.00' });
    const breakdown = book.getWorksheet('分站明细')!;
    const headers = (breakdown.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining(['到场率（%）', '平均满意度（分，满分5分）', '链接社会资源价值（元）']),
    );
    expect(headers.join()).not.toMatch(/‰|分×10|（分）|分钟/);
  });

  it('gives the console today’s figures and queues, and a 12-month trend', async () => {
    const console = await b.ok('reports', 'today', { stationId: STATION.jiangbin }, AS.staff);
    expect(console.queues).toMatchObject({ pendingClaims: 0 });
    expect(console.month).toBe('2026-11');
    const trend = await b.ok(
      'reports',
      'trend',
      { stationId: STATION.jiangbin, endMonth: '2026-11', months: 12 },
      AS.staff,
    );
    expect(trend.points).toHaveLength(12);
    expect(trend.points.find((p: any) => p.month === '2026-03')).toMatchObject({
      attendances: 2,
      verifiedMinutes: 90,
      topupMinutes: 60,
    });
  });

  it('shows who did what in the audit log, to heads and admins only', async () => {
    expect(await b.refused('reports', 'auditLog', { stationId: STATION.jiangbin }, AS.staff)).toBe('FORBIDDEN');
    const log = await b.ok('reports', 'auditLog', { stationId: STATION.jiangbin, action: 'activity' }, AS.admin);
    expect(log.items.length).toBeGreaterThan(0);
    expect(log.items.every((e: any) => e.action.startsWith('activity'))).toBe(true);
    expect(log.items.find((e: any) => e.action === 'activity.cancel')).toMatchObject({
      actorName: '王社工',
      reason: '场地维修',
    });
  });
});

describe('staff management', () => {
  it('lets admins grant (by invitation) and revoke roles within their subtree, audited; staff cannot', async () => {
    await b.ok('accounts', 'updateProfile', { data: { phone: '13600006666' } }, 'new-staff');
    expect(await b.refused('accounts', 'createRoleInvite', { stationId: STATION.yihe, role: 'staff' }, AS.staff)).toBe(
      'FORBIDDEN',
    );
    const invite = await b.ok('accounts', 'createRoleInvite', { stationId: STATION.yihe, role: 'staff' }, AS.admin);
    await b.ok('accounts', 'redeemRoleInvite', { code: invite.code }, 'new-staff');
    const granted = await b.ok('accounts', 'confirmRoleInvite', { inviteId: invite.inviteId }, AS.admin);
    expect(granted.roles).toEqual([expect.objectContaining({ stationId: STATION.yihe, role: 'staff' })]);
    expect((await b.ok('accounts', 'me', {}, 'new-staff')).isStaff).toBe(true);
    const staffList = await b.ok('accounts', 'listStaff', { stationId: STATION.jiangbin }, AS.admin);
    expect(staffList.items.map((i: any) => i.nickname)).toEqual(expect.arrayContaining(['王社工']));
    expect(staffList.items.find((i: any) => i.userId === granted.userId).phoneMasked).toBe('136****6666');
    // A minute later, so the log's newest-first order is certain.
    await as('2026-11-22T02:01:00Z', () =>
      b.ok('accounts', 'revokeRole', { stationId: STATION.yihe, userId: granted.userId }, AS.admin),
    );
    expect((await b.ok('accounts', 'me', {}, 'new-staff')).isStaff).toBe(false);
    const admin = await b.ok('accounts', 'me', {}, AS.admin);
    expect(
      await b.refused('accounts', 'revokeRole', { stationId: STATION.center, userId: admin.userId }, AS.admin),
    ).toBe('ROLE_NOT_MANAGEABLE');
    const actions = (await b.all('auditLog')).filter((e) => e.entityId === granted.userId).map((e) => e.action);
    expect(actions).toEqual(['role.grant', 'role.revoke']);

    // The log says, in words, whom the role was granted to and where; no stored JSON shows.
    const log = await b.ok('reports', 'auditLog', { stationId: STATION.yihe, action: 'role' }, AS.admin);
    const nickname = (await b.ok('accounts', 'me', {}, 'new-staff')).nickname;
    expect(
      log.items.map(({ action, actorName, stationName, subject, changes, reason }: any) => ({
        action,
        actorName,
        stationName,
        subject,
        changes,
        reason,
      })),
    ).toEqual([
      {
        action: 'role.revoke',
        actorName: '刘主任',
        stationName: '颐和社区社工室',
        subject: `${nickname}（136****6666）`,
        changes: ['角色：驻站社工 → （无）'],
        reason: null,
      },
      {
        action: 'role.invite',
        actorName: '刘主任',
        stationName: '颐和社区社工室',
        subject: null,
        changes: ['角色：驻站社工', '状态：等待对方领取'],
        reason: null,
      },
      {
        action: 'role.inviteClaim',
        actorName: nickname,
        stationName: '颐和社区社工室',
        subject: null,
        changes: ['状态：等待对方领取 → 对方已领取，待确认', '角色：驻站社工'],
        reason: null,
      },
      {
        action: 'role.grant',
        actorName: '刘主任',
        stationName: '颐和社区社工室',
        subject: `${nickname}（136****6666）`,
        changes: ['角色：驻站社工'],
        reason: null,
      },
    ]);
    const everything = await b.ok('reports', 'auditLog', { stationId: STATION.center, pageSize: 50 }, AS.admin);
    expect(everything.items.length).toBeGreaterThan(5);
    expect(JSON.stringify(everything.items.map((e: any) => [e.subject, e.changes, e.stationName]))).not.toMatch(
      /[{}]|\\"|_id|Fen|status|role/,
    );
  });
});
