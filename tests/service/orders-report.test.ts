/**
 * The 月报's service-order section through the real `reports` function on the emulator, with
 * orders placed and worked through the real `orders` function at known Asia/Shanghai times:
 * received, 响应率, 按时办结率, average rating and 满意率, by category, channel and child station,
 * with exact answers at a 室, a 站 and the 中心 — one database call for the section, counted by the
 * emulator — and the same figures in the Excel export.
 */
import ExcelJS from 'exceljs';
import { fromAppWallClock } from '../../shared/domain/time';
import { AS, ITEM, STATION, grantRole, orderRequest } from './orders-support';
import { startBackend, type Backend } from './support';

let b: Backend;
const STAFF_LJ02 = 'orders-report-staff-lj02';

const at = (wall: string) => {
  b.clock.now = fromAppWallClock(wall);
};
const record = (startWall: string) => ({
  startAt: fromAppWallClock(startWall).toISOString(),
  minutes: 60,
  method: 'home_visit',
  note: '已完成',
});

/** Figures as the section answers them: counts, then rates in permille and the rating in tenths. */
function figures(c: {
  received: number;
  responseDue: number;
  respondedOnTime: number;
  completionDue: number;
  completedOnTime: number;
  rated: number;
  ratingSum: number;
  satisfied: number;
  responseRatePermille: number;
  onTimeRatePermille: number;
  averageRatingTenths: number;
  satisfactionPermille: number;
}) {
  return c;
}
const ZERO = figures({
  received: 0,
  responseDue: 0,
  respondedOnTime: 0,
  completionDue: 0,
  completedOnTime: 0,
  rated: 0,
  ratingSum: 0,
  satisfied: 0,
  responseRatePermille: 0,
  onTimeRatePermille: 0,
  averageRatingTenths: 0,
  satisfactionPermille: 0,
});

beforeAll(async () => {
  b = await startBackend();
  await grantRole(b, STAFF_LJ02, STATION.zhongdai, 'staff', '钟社工');
  const place = (as: string, overrides: Record<string, unknown>) =>
    b.ok('orders', 'placeOrder', orderRequest(overrides), as);

  // April (the month before): one order answered and closed in time, rated 4.
  at('2026-04-15 10:00');
  const g = await place('report-res-g', {});
  at('2026-04-15 12:00');
  await b.ok('orders', 'takeOrder', { orderId: g.orderId }, AS.staff);
  at('2026-04-17 10:00');
  await b.ok(
    'orders',
    'closeOrder',
    { orderId: g.orderId, outcome: 'done', record: record('2026-04-17 08:00') },
    AS.staff,
  );
  await b.ok('orders', 'rateOrder', { orderId: g.orderId, score: 4, comment: '' }, 'report-res-g');

  // A (颐和, self): answered 2 h later, closed in time, rated 5.
  at('2026-05-10 10:00');
  const a = await place('report-res-a', {});
  at('2026-05-10 12:00');
  await b.ok('orders', 'takeOrder', { orderId: a.orderId }, AS.staff);
  at('2026-05-12 10:00');
  await b.ok(
    'orders',
    'closeOrder',
    { orderId: a.orderId, outcome: 'done', record: record('2026-05-12 08:00') },
    AS.staff,
  );
  await b.ok('orders', 'rateOrder', { orderId: a.orderId, score: 5, comment: '' }, 'report-res-a');

  // B (颐和, family): answered a day late, closed after the 7-day deadline, rated 2.
  at('2026-05-11 10:00');
  const bo = await place('report-daughter', {
    itemId: ITEM.policy,
    delivery: 'station',
    address: '',
    forOther: { recipientName: '王奶奶', relationship: 'child' },
  });
  at('2026-05-13 10:00');
  await b.ok('orders', 'takeOrder', { orderId: bo.orderId }, AS.staff);
  at('2026-05-20 10:00');
  await b.ok(
    'orders',
    'closeOrder',
    { orderId: bo.orderId, outcome: 'done', record: record('2026-05-20 08:00') },
    AS.staff,
  );
  await b.ok('orders', 'rateOrder', { orderId: bo.orderId, score: 2, comment: '太慢了' }, 'report-daughter');

  // C (江滨 itself, 代点单 by phone): declined in time — answered, not worked.
  at('2026-05-12 09:00');
  const c = await b.ok(
    'orders',
    'placeOrderForResident',
    { ...orderRequest({ stationId: STATION.jiangbin, itemId: ITEM.errands }), via: 'phone', recipientName: '赵伯伯' },
    AS.staff,
  );
  at('2026-05-12 11:00');
  await b.ok('orders', 'declineOrder', { orderId: c.orderId, reason: '需本人到派出所办理' }, AS.staff);

  // D (江滨 itself, self): withdrawn by the resident — received, never due.
  at('2026-05-20 10:00');
  const d = await place('report-res-d', {
    stationId: STATION.jiangbin,
    itemId: ITEM.legal,
    delivery: 'station',
    address: '',
  });
  at('2026-05-20 11:00');
  await b.ok('orders', 'cancelOrder', { orderId: d.orderId, reason: '' }, 'report-res-d');

  // E (沈家村, self): never answered; both deadlines have passed by the report's day.
  at('2026-05-25 09:00');
  await place('report-res-e', { stationId: STATION.shenjia, itemId: ITEM.farm, delivery: 'station', address: '' });

  // F (钟埭 itself, 代点单 at the desk): answered in time, still being done, not yet due.
  at('2026-05-28 09:00');
  const f = await b.ok(
    'orders',
    'placeOrderForResident',
    {
      ...orderRequest({ stationId: STATION.zhongdai, itemId: 'mi_lj_jobs', delivery: 'station', address: '' }),
      via: 'desk',
      recipientName: '钱大姐',
    },
    STAFF_LJ02,
  );
  at('2026-05-28 10:00');
  await b.ok('orders', 'takeOrder', { orderId: f.orderId }, STAFF_LJ02);

  at('2026-06-02 10:00');
});
afterAll(() => b.close());

/** The report and the database calls the order section made, as the emulator counts them. */
async function monthly(stationId: string, as: string = AS.admin) {
  let report: any;
  const calls = await b.countCalls(async () => {
    report = await b.ok('reports', 'monthly', { stationId, month: '2026-05' }, as);
  });
  return { report, orderCalls: calls.orders ?? {} };
}

const LJ01 = figures({
  received: 4,
  responseDue: 3,
  respondedOnTime: 2,
  completionDue: 2,
  completedOnTime: 1,
  rated: 2,
  ratingSum: 7,
  satisfied: 1,
  responseRatePermille: 667,
  onTimeRatePermille: 500,
  averageRatingTenths: 35,
  satisfactionPermille: 500,
});
const LJ02 = figures({
  received: 2,
  responseDue: 2,
  respondedOnTime: 1,
  completionDue: 1,
  completedOnTime: 0,
  rated: 0,
  ratingSum: 0,
  satisfied: 0,
  responseRatePermille: 500,
  onTimeRatePermille: 0,
  averageRatingTenths: 0,
  satisfactionPermille: 0,
});

describe('the 月报’s service-order section', () => {
  it('at the 中心: the district’s figures, each 站 as a row, by category and channel — one database call', async () => {
    const { report, orderCalls } = await monthly(STATION.center);
    expect(orderCalls).toEqual({ aggregateDocuments: 1 });
    expect(report.orders.figures).toEqual(
      figures({
        received: 6,
        responseDue: 5,
        respondedOnTime: 3,
        completionDue: 3,
        completedOnTime: 1,
        rated: 2,
        ratingSum: 7,
        satisfied: 1,
        responseRatePermille: 600,
        onTimeRatePermille: 333,
        averageRatingTenths: 35,
        satisfactionPermille: 500,
      }),
    );
    expect(report.orders.previous).toEqual(
      figures({
        received: 1,
        responseDue: 1,
        respondedOnTime: 1,
        completionDue: 1,
        completedOnTime: 1,
        rated: 1,
        ratingSum: 4,
        satisfied: 1,
        responseRatePermille: 1000,
        onTimeRatePermille: 1000,
        averageRatingTenths: 40,
        satisfactionPermille: 1000,
      }),
    );
    expect(report.orders.children).toEqual([
      { stationId: STATION.jiangbin, stationName: '江滨街道社工站', figures: LJ01 },
      { stationId: STATION.zhongdai, stationName: '钟埭镇社工站', figures: LJ02 },
      { stationId: 'st_LJ03', stationName: '新桥街道社工站', figures: ZERO },
      { stationId: null, stationName: '临江区社会工作服务指导中心（本级）', figures: ZERO },
    ]);
    expect(
      report.orders.byCategory.map((c: any) => [c.category, c.figures.received, c.figures.completedOnTime]),
    ).toEqual([
      ['elder_care', 2, 1],
      ['policy', 1, 0],
      ['errands', 1, 0],
      ['employment', 1, 0],
      ['legal', 1, 0],
    ]);
    // A, D (withdrawn), E (never answered) / B / C (declined in time) / F (answered, not yet due).
    expect(report.orders.byChannel).toEqual([
      {
        channel: 'self',
        figures: figures({
          received: 3,
          responseDue: 2,
          respondedOnTime: 1,
          completionDue: 2,
          completedOnTime: 1,
          rated: 1,
          ratingSum: 5,
          satisfied: 1,
          responseRatePermille: 500,
          onTimeRatePermille: 500,
          averageRatingTenths: 50,
          satisfactionPermille: 1000,
        }),
      },
      {
        channel: 'family',
        figures: figures({
          received: 1,
          responseDue: 1,
          respondedOnTime: 0,
          completionDue: 1,
          completedOnTime: 0,
          rated: 1,
          ratingSum: 2,
          satisfied: 0,
          responseRatePermille: 0,
          onTimeRatePermille: 0,
          averageRatingTenths: 20,
          satisfactionPermille: 0,
        }),
      },
      {
        channel: 'phone',
        figures: { ...ZERO, received: 1, responseDue: 1, respondedOnTime: 1, responseRatePermille: 1000 },
      },
      {
        channel: 'desk',
        figures: { ...ZERO, received: 1, responseDue: 1, respondedOnTime: 1, responseRatePermille: 1000 },
      },
    ]);
  });

  it('at a 站: its 室 as rows and its own orders (本级), adding up to its figures', async () => {
    const { report, orderCalls } = await monthly(STATION.jiangbin, AS.staff);
    expect(orderCalls).toEqual({ aggregateDocuments: 1 });
    expect(report.orders.figures).toEqual(LJ01);
    expect(report.orders.children).toEqual([
      {
        stationId: STATION.yihe,
        stationName: '颐和社区社工室',
        figures: figures({
          received: 2,
          responseDue: 2,
          respondedOnTime: 1,
          completionDue: 2,
          completedOnTime: 1,
          rated: 2,
          ratingSum: 7,
          satisfied: 1,
          responseRatePermille: 500,
          onTimeRatePermille: 500,
          averageRatingTenths: 35,
          satisfactionPermille: 500,
        }),
      },
      { stationId: 'st_LJ0102', stationName: '望江社区社工室', figures: ZERO },
      {
        stationId: null,
        stationName: '江滨街道社工站（本级）',
        figures: figures({
          ...ZERO,
          received: 2,
          responseDue: 1,
          respondedOnTime: 1,
          responseRatePermille: 1000,
        }),
      },
    ]);
    const sum = (key: 'received' | 'responseDue' | 'completionDue' | 'ratingSum') =>
      report.orders.children.reduce((n: number, c: any) => n + c.figures[key], 0);
    expect([sum('received'), sum('responseDue'), sum('completionDue'), sum('ratingSum')]).toEqual([4, 3, 2, 7]);
  });

  it('at a 室: only its own orders; a sibling 站’s staff are refused', async () => {
    const { report, orderCalls } = await monthly(STATION.shenjia, STAFF_LJ02);
    expect(orderCalls).toEqual({ aggregateDocuments: 1 });
    expect(report.orders.figures).toEqual(
      figures({
        ...ZERO,
        received: 1,
        responseDue: 1,
        completionDue: 1,
      }),
    );
    expect(report.orders.children).toEqual([
      { stationId: null, stationName: '沈家村社工室（本级）', figures: report.orders.figures },
    ]);
    expect(report.orders.byChannel).toEqual([{ channel: 'self', figures: report.orders.figures }]);
    expect(await b.refused('reports', 'monthly', { stationId: STATION.shenjia, month: '2026-05' }, AS.staff)).toBe(
      'FORBIDDEN',
    );
  });

  it('judges "deadline passed" at the time the report is made', async () => {
    // On the 1st of June E's completion deadline (end of the 1st, Beijing) has not passed yet.
    at('2026-06-01 23:59');
    const { report } = await monthly(STATION.center);
    expect(report.orders.figures).toMatchObject({ completionDue: 2, completedOnTime: 1, onTimeRatePermille: 500 });
    at('2026-06-02 10:00');
  });

  it('writes the same figures on the export’s 服务工单 sheet', async () => {
    const link = await b.ok('reports', 'exportMonthly', { stationId: STATION.center, month: '2026-05' }, AS.admin);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await (await fetch(link.url)).arrayBuffer()) as never);
    const sheet = book.getWorksheet('服务工单')!;
    const values = (row: number) => (sheet.getRow(row).values as unknown[]).slice(1);
    expect(values(1)).toEqual([
      '项目',
      '受理服务单',
      '应响应',
      '按时响应',
      '响应率',
      '应办结',
      '按时办结',
      '按时办结率',
      '评价数',
      '平均评分',
      '满意（4–5分）',
      '满意率',
    ]);
    expect(values(2)).toEqual([
      '临江区社会工作服务指导中心 2026-05',
      6,
      5,
      3,
      '60.0%',
      3,
      1,
      '33.3%',
      2,
      '3.5 分',
      1,
      '50.0%',
    ]);
    expect(values(3)).toEqual(['上月', 1, 1, 1, '100.0%', 1, 1, '100.0%', 1, '4.0 分', 1, '100.0%']);
    expect(values(6)).toEqual(['江滨街道社工站', 4, 3, 2, '66.7%', 2, 1, '50.0%', 2, '3.5 分', 1, '50.0%']);
    expect(values(8)).toEqual(['新桥街道社工站', 0, 0, 0, '—', 0, 0, '—', 0, '—', 0, '—']);
    expect(values(18)).toEqual(['按点单渠道']);
    expect(values(19)).toEqual(['居民自助点单', 3, 2, 1, '50.0%', 2, 1, '50.0%', 1, '5.0 分', 1, '100.0%']);
    expect(values(20)).toEqual(['家属代为点单', 1, 1, 0, '0.0%', 1, 0, '0.0%', 1, '2.0 分', 0, '0.0%']);
    expect(values(21)).toEqual(['电话代点单', 1, 1, 1, '100.0%', 0, 0, '—', 0, '—', 0, '—']);
    expect(values(22)).toEqual(['窗口代点单', 1, 1, 1, '100.0%', 0, 0, '—', 0, '—', 0, '—']);
  });
});
