import ExcelJS from 'exceljs';
import { getDeps } from '../../cloudfunctions/core/deps';
import { findStation } from '../../cloudfunctions/core/repositories/stations';
import { loadVisitRows } from '../../cloudfunctions/reports/visit-section';
import { AS, totalCalls, startBackend, STATION, T0, type Backend, withClock } from './support';
import { clearTargets, grantStaff, registerVolunteer, targetInput, visitInput } from './targets-support';

/**
 * The monthly visit rate (月探访率) of October 2026 on hand-built data with known answers, at a 室,
 * a 站 and the 中心 — closed, moved, re-tiered and late-registered records, month and week
 * boundaries in Asia/Shanghai, a volunteer visit not yet confirmed — and its database calls
 * measured by the emulator's counters.
 *
 * October 2026: Thursday 1st to Saturday 31st. Its weeks are those starting Monday 5, 12, 19 and
 * 26 October (the last one ends on 2 November); the rolling quarter is August–October.
 */
jest.setTimeout(30_000);

let b: Backend;
const WANGJIANG = 'st_LJ0102';
const MONTH = '2026-10';
const sh = (wall: string) => new Date(`${wall}+08:00`);
const ids: Record<string, string> = {};

async function target(key: string, name: string, stationId: string, over: Record<string, unknown>, since: string) {
  ids[key] = await withClock(
    b,
    sh(since),
    async () =>
      (
        await b.ok(
          'targets',
          'createTarget',
          {
            stationId,
            data: targetInput({ name, address: { area: '测试社区', building: `${key}楼`, room: '' }, ...over }),
          },
          AS.staff,
        )
      ).targetId,
  );
}

/** A 30-minute visit starting at the Shanghai wall time `start`, recorded just after it. */
async function visit(key: string, start: string, as: string = AS.staff) {
  const startAt = sh(start);
  return withClock(b, new Date(startAt.getTime() + 31 * 60_000), () =>
    b.ok(
      'targets',
      'recordVisit',
      { clientId: `${key}-${start.replace(/\D/g, '')}`, targetId: ids[key], data: visitInput(b.clock.now, {}, 31) },
      as,
    ),
  );
}

async function revOf(key: string): Promise<number> {
  return (await b.all('targets')).find((t) => t._id === ids[key]).rev;
}

beforeAll(async () => {
  b = await startBackend();
  await clearTargets(b);
  await grantStaff(b, 'vr-zhongdai', '13600003001', STATION.zhongdai);
  const weekly = { tier: 'high', categories: ['living_alone'] };
  const monthly = { tier: 'key', categories: ['dibao'] };
  const quarterly = { tier: 'general', categories: ['tekun'] };

  // A: weekly, every October week visited. B: weekly, the week of 19 October missed.
  await target('A', '甲一', STATION.yihe, { ...weekly, categories: ['living_alone', 'tekun'] }, '2026-09-01T09:00:00');
  await target('B', '乙二', STATION.yihe, { ...weekly, categories: ['living_alone', 'tekun'] }, '2026-09-01T09:00:00');
  for (const day of ['06', '13', '20', '27']) await visit('A', `2026-10-${day}T10:00:00`);
  for (const day of ['06', '13', '27']) await visit('B', `2026-10-${day}T10:00:00`);
  // C: monthly, visited at 23:29 on 31 October. D: monthly, visited 00:10 on 1 November only.
  await target('C', '丙三', STATION.yihe, monthly, '2026-09-01T09:00:00');
  await target('D', '丁四', STATION.yihe, monthly, '2026-09-01T09:00:00');
  await visit('C', '2026-10-31T23:29:00');
  await visit('D', '2026-11-01T00:10:00');
  // E: quarterly, visited 20 August (inside August–October). F: quarterly, visited 30 July (outside).
  await target('E', '戊五', WANGJIANG, quarterly, '2026-07-01T09:00:00');
  await target('F', '己六', WANGJIANG, quarterly, '2026-07-01T09:00:00');
  await visit('E', '2026-08-20T10:00:00');
  await visit('F', '2026-07-30T10:00:00');
  // G: the station's own (本级), monthly, never visited.
  await target('G', '庚七', STATION.jiangbin, monthly, '2026-09-01T09:00:00');
  // H: visited 5 October, closed 10 October — still counts for October. I: closed in September — does not.
  await target('H', '辛八', STATION.yihe, monthly, '2026-09-01T09:00:00');
  await visit('H', '2026-10-05T10:00:00');
  await withClock(b, sh('2026-10-10T09:00:00'), () =>
    b.ok('targets', 'closeTarget', { targetId: ids.H, rev: 0, reason: 'deceased' }, AS.staff),
  );
  await target('I', '壬九', STATION.yihe, monthly, '2026-09-01T09:00:00');
  await withClock(b, sh('2026-09-20T09:00:00'), () =>
    b.ok('targets', 'closeTarget', { targetId: ids.I, rev: 0, reason: 'moved_away' }, AS.staff),
  );
  // J: weekly, registered Sunday 25 October (inside the week of the 19th), visited that day and on the 30th.
  await target('J', '癸十', WANGJIANG, weekly, '2026-10-25T09:00:00');
  await visit('J', '2026-10-25T15:00:00');
  await visit('J', '2026-10-30T10:00:00');
  // K: visited 8 October at 望江, moved to 沈家村 on the 15th: October counts it at 钟埭.
  await target('K', '子甲', WANGJIANG, monthly, '2026-09-01T09:00:00');
  await visit('K', '2026-10-08T10:00:00');
  await withClock(b, sh('2026-10-15T09:00:00'), () =>
    b.ok('targets', 'moveTarget', { targetId: ids.K, rev: 0, toStationId: STATION.shenjia, reason: '搬家' }, AS.staff),
  );
  // L: visited 20 October at 颐和, moved to 沈家村 on 5 November: October counts it at 颐和.
  await target('L', '丑乙', STATION.yihe, monthly, '2026-09-01T09:00:00');
  await visit('L', '2026-10-20T10:00:00');
  await withClock(b, sh('2026-11-05T09:00:00'), () =>
    b.ok('targets', 'moveTarget', { targetId: ids.L, rev: 0, toStationId: STATION.shenjia, reason: '搬家' }, AS.staff),
  );
  // M: quarterly until 20 October, then weekly: only the weeks of the 19th and 26th are required.
  await target('M', '寅丙', STATION.yihe, { ...quarterly, categories: ['living_alone'] }, '2026-09-01T09:00:00');
  await withClock(b, sh('2026-10-20T09:00:00'), () =>
    b.ok(
      'targets',
      'updateTarget',
      {
        targetId: ids.M,
        rev: 0,
        data: targetInput({
          name: '寅丙',
          address: { area: '测试社区', building: 'M楼', room: '' },
          ...weekly,
          tierReason: '病情加重',
        }),
      },
      AS.staff,
    ),
  );
  await visit('M', '2026-10-21T10:00:00');
  await visit('M', '2026-10-28T10:00:00');
  // N: monthly; only a volunteer visited, and no one has confirmed it yet.
  await target('N', '卯丁', STATION.yihe, monthly, '2026-09-01T09:00:00');
  await registerVolunteer(b, AS.volunteer, '13900003333', 41, STATION.jiangbin);
  await b.ok('targets', 'pairVolunteer', { targetId: ids.N, phone: '13900003333' }, AS.staff);
  expect((await visit('N', '2026-10-12T10:00:00', AS.volunteer)).status).toBe('pending');
  expect(await revOf('M')).toBe(1);
}, 120_000);
afterAll(() => b.close());

const monthly = (stationId: string, as: string = AS.admin) =>
  b.ok('reports', 'monthly', { stationId, month: MONTH }, as).then((r) => r.visits);
const figures = (rows: any[], key: string) =>
  Object.fromEntries(rows.map((r) => [r[key] ?? 'self', [r.due, r.visited]]));

describe('the October visit rate of 江滨街道社工站', () => {
  let v: any;
  beforeAll(async () => {
    v = await monthly(STATION.jiangbin, AS.staff);
  });

  it('counts who was due and who was visited as often as their tier requires', () => {
    expect(v).toMatchObject({ month: MONTH, due: 12, visited: 7, notVisited: 5, ratePermille: 583 });
  });

  it('breaks the rate down by tier and by category', () => {
    expect(figures(v.byTier, 'tier')).toEqual({ high: [4, 3], key: [6, 3], general: [2, 1] });
    expect(figures(v.byCategory, 'category')).toEqual({ dibao: [6, 3], tekun: [4, 2], living_alone: [4, 3] });
  });

  it('rolls the rooms up into the station, the children adding up to the total', () => {
    expect(figures(v.children, 'stationId')).toEqual({ [STATION.yihe]: [8, 5], [WANGJIANG]: [3, 2], self: [1, 0] });
    expect(v.children.map((c: any) => c.stationName)).toEqual([
      '颐和社区社工室',
      '望江社区社工室',
      '江滨街道社工站（本级）',
    ]);
  });

  it('lists who was not reached, masked, in station order', () => {
    expect(v.notReached.map((n: any) => [n.maskedName, n.childStationName, n.tier])).toEqual([
      ['乙*', '颐和社区社工室', 'high'],
      ...[
        ['丁*', '颐和社区社工室', 'key'],
        ['卯*', '颐和社区社工室', 'key'],
      ].sort((x, y) => (ids[x[0] === '丁*' ? 'D' : 'N']! < ids[y[0] === '丁*' ? 'D' : 'N']! ? -1 : 1)),
      ['己*', '望江社区社工室', 'general'],
      ['庚*', '江滨街道社工站（本级）', 'key'],
    ]);
    expect(v.notReachedTotal).toBe(5);
    expect(JSON.stringify(v)).not.toMatch(/乙二|丁四|卯丁|己六|庚七/);
  });
});

describe('the same month at a 室, at the other 站 and at the 中心', () => {
  it('gives the room its own figures', async () => {
    const room = await monthly(STATION.yihe, AS.staff);
    expect(room).toMatchObject({ due: 8, visited: 5 });
    expect(figures(room.children, 'stationId')).toEqual({ self: [8, 5] });
  });

  it('counts the record moved mid-month at its new station only', async () => {
    const zhongdai = await monthly(STATION.zhongdai, 'vr-zhongdai');
    expect(zhongdai).toMatchObject({ due: 1, visited: 1 });
    expect(figures(zhongdai.children, 'stationId')).toMatchObject({ [STATION.shenjia]: [1, 1] });
  });

  it('rolls every station up into the centre, each record once', async () => {
    const center = await monthly('st_LJ');
    expect(center).toMatchObject({ due: 13, visited: 8, ratePermille: 615 });
    expect(figures(center.children, 'stationId')).toEqual({
      [STATION.jiangbin]: [12, 7],
      [STATION.zhongdai]: [1, 1],
      st_LJ03: [0, 0],
      self: [0, 0],
    });
  });

  it('counts the volunteer’s visit once staff confirm it', async () => {
    const [pending] = (await b.all('visits')).filter((x) => x.targetId === ids.N);
    await b.ok('targets', 'confirmVisit', { visitId: pending._id, decision: 'confirm' }, AS.staff);
    expect(await monthly(STATION.jiangbin, AS.staff)).toMatchObject({ due: 12, visited: 8 });
  });

  it('follows the centre’s visit policy', async () => {
    await b.ok(
      'targets',
      'setVisitPolicy',
      { centerId: 'st_LJ', policy: { high: 'week', key: 'quarter', general: 'quarter' } },
      AS.admin,
    );
    // D (visited 1 November) and G (never) stay unreached; F's July visit is still outside.
    expect(await monthly(STATION.jiangbin, AS.staff)).toMatchObject({ due: 12, visited: 8 });
    await b.ok(
      'targets',
      'setVisitPolicy',
      { centerId: 'st_LJ', policy: { high: 'month', key: 'month', general: 'quarter' } },
      AS.admin,
    );
    // Monthly for high: B (visited in October) is reached now.
    expect(await monthly(STATION.jiangbin, AS.staff)).toMatchObject({ due: 12, visited: 9 });
    expect(
      await b.refused(
        'targets',
        'setVisitPolicy',
        { centerId: 'st_LJ', policy: { high: 'week', key: 'month', general: 'quarter' } },
        AS.staff,
      ),
    ).toBe('FORBIDDEN');
    await b.ok(
      'targets',
      'setVisitPolicy',
      { centerId: 'st_LJ', policy: { high: 'week', key: 'month', general: 'quarter' } },
      AS.admin,
    );
    expect((await b.all('auditLog')).filter((e) => e.action === 'visitPolicy.set')).toHaveLength(3);
  });
});

describe('cost, console and export', () => {
  async function sectionCalls(stationId: string) {
    const station = (await findStation(getDeps().db, stationId))!;
    return b.countCalls(() => loadVisitRows(getDeps(), station, MONTH));
  }

  it('costs two database calls at every tier, however many records and visits there are', async () => {
    const expected = { visitPolicies: { getDocument: 1 }, targets: { aggregateDocuments: 1 } };
    for (const stationId of [STATION.yihe, STATION.jiangbin, 'st_LJ'])
      expect(await sectionCalls(stationId)).toEqual(expected);
    for (let i = 0; i < 15; i++) {
      await target(`X${i}`, `加${i}`, STATION.yihe, { tier: 'high' }, '2026-09-02T09:00:00');
      await visit(`X${i}`, '2026-10-07T10:00:00');
    }
    for (const stationId of [STATION.yihe, STATION.jiangbin, 'st_LJ'])
      expect(await sectionCalls(stationId)).toEqual(expected);
    let report: any;
    const calls = await b.countCalls(async () => {
      report = await b.ok('reports', 'monthly', { stationId: 'st_LJ', month: MONTH }, AS.admin);
    });
    // The caller, the station with its children (one aggregation), 5 core aggregations over both
    // months, the visit section's 2, the orders section's 1: the 月报's budget of 10.
    expect(totalCalls(calls)).toBe(10);
    expect(report.visits).toMatchObject({ due: 28, visited: 9 });
  });

  it('gives the console this month’s figures', async () => {
    const today = await b.ok('reports', 'today', { stationId: STATION.jiangbin }, AS.staff);
    const november = await monthly(STATION.jiangbin, AS.staff).then(() =>
      b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-11' }, AS.staff),
    );
    expect(today.visits).toEqual({
      due: november.visits.due,
      visited: november.visits.visited,
      notVisited: november.visits.notVisited,
      ratePermille: november.visits.ratePermille,
    });
    expect(T0.toISOString().slice(0, 7)).toBe('2026-11');
  });

  it('exports the figures to everyone who reads the report, the masked list to heads and admins', async () => {
    const read = async (as: string) => {
      const file = await b.ok('reports', 'exportMonthly', { stationId: STATION.jiangbin, month: MONTH }, as);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await (await fetch(file.url)).arrayBuffer()) as ArrayBuffer);
      return book;
    };
    const staffBook = await read(AS.staff);
    expect(staffBook.worksheets.map((w) => w.name)).toEqual([
      '月报汇总',
      '分站明细',
      '活动类别',
      '服务工单',
      '重点对象探访',
    ]);
    const rows: unknown[][] = [];
    staffBook.getWorksheet('重点对象探访')!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const report = await monthly(STATION.jiangbin, AS.staff);
    expect(rows[1]).toEqual([
      '合计',
      '江滨街道社工站',
      report.due,
      report.visited,
      `${(report.ratePermille / 10).toFixed(1)}%`,
    ]);
    expect(rows.find((r) => r[1] === '高风险')).toEqual([
      '风险等级',
      '高风险',
      report.byTier[0].due,
      report.byTier[0].visited,
      expect.any(String),
    ]);
    const adminBook = await read(AS.admin);
    const missed: unknown[][] = [];
    adminBook.getWorksheet('本月未访')!.eachRow((row) => missed.push((row.values as unknown[]).slice(1)));
    expect(missed.slice(1).map((r) => r[0])).toEqual(report.notReached.map((n: any) => n.maskedName));
  });
});
