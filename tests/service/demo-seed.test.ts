/**
 * The demo district a visitor opens (`emulator/seed/demo.ts` + `demo-history.ts`): the 月报 of the
 * months before has attendances, ratings, hours and donations, the trend is not flat, the 公益 tab
 * and the public ledger have needs and arrivals — and every counter kept beside rows equals its
 * rows, as the actions would have left them. The seeding month and the personas start clean.
 * Seeded at T0 = 2026-11-22, so the history covers June–October 2026.
 */
import { SEAT_HOLDING } from '../../shared/domain/booking';
import { demoHistoryMonths } from '../../emulator/seed/demo-history';
import { AS, startBackend, STATION, T0, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const indicators = (report: any) =>
  Object.fromEntries(report.indicators.map((row: { key: string; value: number }) => [row.key, row.value]));

describe('the demo history', () => {
  it('covers the five months before the seeding month, and nothing of the seeding month', async () => {
    expect(demoHistoryMonths(T0)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    // November has only the upcoming demo activities (counted as held once published): no one came yet.
    const november = indicators(
      await b.ok('reports', 'monthly', { stationId: STATION.center, month: '2026-11' }, AS.admin),
    );
    const { activitiesHeld, groupActivities, communityActivities, ...rest } = november;
    expect([activitiesHeld, groupActivities + communityActivities]).toEqual([13, 13]);
    expect(Object.values(rest).every((v) => v === 0)).toBe(true);
  });

  it('gives 江滨街道社工站 a full October report: activities, attendance, ratings, hours, donations', async () => {
    const report = await b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-10' }, AS.staff);
    expect(indicators(report)).toEqual({
      activitiesHeld: 3,
      groupActivities: 2,
      communityActivities: 1,
      bookings: 17,
      attendances: 15,
      attendanceRatePermille: 882,
      noShowRatePermille: 118,
      residentsServed: 7,
      averageRatingTenths: 48,
      ratings: 5,
      verifiedMinutes: 330,
      topupMinutes: 60,
      activeVolunteers: 2,
      newVolunteers: 0,
      pledgesReceived: 2,
      resourcesValueFen: 80000,
      goodsValueFen: 80000,
      serviceValueFen: 0,
      fundsValueFen: 0,
      distributions: 2,
    });
    expect(report.byCategory).toEqual([
      { category: 'children', activities: 1, attendances: 4 },
      { category: 'culture', activities: 1, attendances: 4 },
      { category: 'health', activities: 1, attendances: 7 },
    ]);
    // September is there to compare with.
    expect(report.indicators.find((r: any) => r.key === 'attendances')).toMatchObject({ value: 15, previous: 13 });
  });

  it('draws a trend that moves month to month', async () => {
    const trend = await b.ok(
      'reports',
      'trend',
      { stationId: STATION.jiangbin, endMonth: '2026-11', months: 12 },
      AS.staff,
    );
    expect(
      trend.points
        .filter((p: any) => p.month >= '2026-06')
        .map((p: any) => [p.month, p.attendances, p.verifiedMinutes, p.topupMinutes]),
    ).toEqual([
      ['2026-06', 11, 330, 60],
      ['2026-07', 12, 330, 60],
      ['2026-08', 14, 330, 60],
      ['2026-09', 13, 330, 60],
      ['2026-10', 15, 330, 60],
      ['2026-11', 0, 0, 0],
    ]);
    expect(trend.points.filter((p: any) => p.month < '2026-11').map((p: any) => p.activitiesHeld)).toEqual([
      0, 0, 0, 0, 0, 0, 3, 3, 3, 3, 3,
    ]);
    const center = await b.ok('reports', 'trend', { stationId: STATION.center, endMonth: '2026-11' }, AS.admin);
    expect(center.points.find((p: any) => p.month === '2026-10')).toMatchObject({
      attendances: 18,
      verifiedMinutes: 480,
    });
  });

  it('lists open needs with progress on the 公益 tab, and arrivals by month on the ledger', async () => {
    const open = await b.ok('donations', 'listNeeds', { status: 'open', pageSize: 20 });
    expect(
      open.items.map((n: any) => [n.title, n.stationName, n.receivedQuantity, n.targetQuantity, n.unit]).sort(),
    ).toEqual([
      ['儿童绘本', '颐和社区社工室', 50, 100, '本'],
      ['助老爱心大米', '江滨街道社工站', 20, 40, '袋'],
      ['康复助行器', '钟埭镇社工站', 2, 6, '台'],
    ]);
    const ledger = await b.ok('donations', 'ledger', { stationId: STATION.jiangbin });
    expect(ledger.months).toEqual([
      { month: '2026-10', kind: 'goods', unit: '本', receivedQuantity: 20, receivedValueFen: 50000, pledges: 1 },
      { month: '2026-10', kind: 'goods', unit: '袋', receivedQuantity: 5, receivedValueFen: 30000, pledges: 1 },
      { month: '2026-09', kind: 'goods', unit: '袋', receivedQuantity: 15, receivedValueFen: 90000, pledges: 1 },
      { month: '2026-08', kind: 'goods', unit: '本', receivedQuantity: 30, receivedValueFen: 75000, pledges: 1 },
      { month: '2026-07', kind: 'goods', unit: '床', receivedQuantity: 8, receivedValueFen: 96000, pledges: 1 },
      { month: '2026-07', kind: 'service', unit: '次', receivedQuantity: 10, receivedValueFen: 30000, pledges: 1 },
      { month: '2026-06', kind: 'goods', unit: '床', receivedQuantity: 12, receivedValueFen: 144000, pledges: 1 },
    ]);
    expect(ledger.totalReceivedValueFen).toBe(515000);
    expect(ledger.distributions).toHaveLength(8);
    expect(JSON.stringify(ledger)).not.toMatch(/王女士|13900300/);
  });

  it('keeps every counter equal to its rows', async () => {
    const [activities, bookings, shifts, needs, pledges, distributions] = await Promise.all(
      ['activities', 'bookings', 'shifts', 'needs', 'pledges', 'distributions'].map((c) => b.all(c)),
    );
    for (const a of activities.filter((x: any) => x._id.startsWith('act_hist_'))) {
      const rows = bookings.filter((x: any) => x.activityId === a._id);
      const rated = rows.filter((x: any) => x.rating);
      expect([a._id, a.confirmed, a.ratingCount, a.ratingSum, a.volunteersSignedUp]).toEqual([
        a._id,
        rows.filter((x: any) => SEAT_HOLDING.includes(x.status)).length,
        rated.length,
        rated.reduce((sum: number, x: any) => sum + x.rating.score, 0),
        shifts.filter((x: any) => x.activityId === a._id && x.status !== 'cancelled').length,
      ]);
    }
    for (const n of needs) {
      const rows = pledges.filter(
        (p: any) => p.needId === n._id && ['pledged', 'received', 'distributed'].includes(p.status),
      );
      expect([n.title, n.pledgedQuantity, n.receivedQuantity]).toEqual([
        n.title,
        rows.reduce((sum: number, p: any) => sum + p.quantity, 0),
        rows.reduce((sum: number, p: any) => sum + p.receivedQuantity, 0),
      ]);
    }
    for (const p of pledges) {
      const given = distributions.filter((d: any) => d.pledgeId === p._id);
      expect([p._id, p.distributedQuantity]).toEqual([
        p._id,
        given.reduce((sum: number, d: any) => sum + d.quantity, 0),
      ]);
    }
  });

  it('leaves the personas without a past: their own lists start empty', async () => {
    for (const persona of [AS.resident, AS.volunteer, AS.donor]) {
      expect((await b.ok('activities', 'myBookings', { when: 'past' }, persona)).total).toBe(0);
      expect((await b.ok('donations', 'myPledges', {}, persona)).total).toBe(0);
    }
    expect(await b.refused('volunteering', 'myProfile', {}, AS.volunteer)).toBe('NOT_REGISTERED');
    const queue = await b.ok('reports', 'today', { stationId: STATION.jiangbin }, AS.staff);
    expect(queue.queues).toEqual({
      pendingClaims: 0,
      autoClosedToReview: 0,
      pledgesExpectedThisWeek: 0,
      pledgesOverdue: 0,
      offersPending: 0,
    });
  });
});
