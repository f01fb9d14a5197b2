import { AS, createNeed, pledgeData, publishedActivity, startBackend, STATION, type Backend } from './support';

/**
 * Signed-in people abusing the donation flow: naming someone else's activity in a distribution.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const DAY = 86400_000;

describe('distributions name only activities the station may show', () => {
  it('refuses a sibling station’s draft, its own draft and a cancelled activity, writing nothing', async () => {
    const need = await createNeed(b);
    const pledge = await b.ok(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity: 4 }) },
      AS.donor,
    );
    await b.ok('donations', 'confirmArrival', { pledgeId: pledge.pledgeId, receivedQuantity: 4 }, AS.staff);

    const siblingDraft = await b.ok(
      'activities',
      'create',
      {
        stationId: STATION.zhongdai,
        data: {
          title: '钟埭内部筹备会（草稿）',
          category: 'elder_care',
          method: 'group',
          location: '会议室',
          startAt: new Date(b.clock.now.getTime() + 3 * DAY).toISOString(),
          endAt: new Date(b.clock.now.getTime() + 3 * DAY + 7200_000).toISOString(),
          capacity: 10,
        },
      },
      AS.admin,
    );
    const ownDraft = await b.ok(
      'activities',
      'create',
      {
        stationId: STATION.jiangbin,
        data: {
          title: '江滨草稿活动',
          category: 'elder_care',
          method: 'group',
          location: '活动室',
          startAt: new Date(b.clock.now.getTime() + 3 * DAY).toISOString(),
          endAt: new Date(b.clock.now.getTime() + 3 * DAY + 7200_000).toISOString(),
          capacity: 10,
        },
      },
      AS.staff,
    );
    const cancelled = await publishedActivity(b, STATION.jiangbin, { title: '已取消的活动' });
    await b.ok('activities', 'cancelActivity', { activityId: cancelled, reason: '场地维修' }, AS.staff);
    const published = await publishedActivity(b, STATION.yihe, { title: '颐和冬衣发放' });

    const distribute = (activityId: string) =>
      b.call(
        'donations',
        'distribute',
        { pledgeId: pledge.pledgeId, quantity: 1, beneficiaryGroup: '困难老人', activityId },
        AS.staff,
      );
    const before = JSON.stringify([await b.all('pledges'), await b.all('distributions')]);
    expect(await distribute(siblingDraft.activityId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await distribute(ownDraft.activityId)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await distribute(cancelled)).toMatchObject({ ok: false, error: { code: 'ACTIVITY_CANCELLED' } });
    expect(JSON.stringify([await b.all('pledges'), await b.all('distributions')])).toBe(before);

    expect(await distribute(published)).toMatchObject({ ok: true });
    const ledger = await b.ok('donations', 'ledger', { stationId: STATION.jiangbin });
    expect(ledger.distributions.map((d: any) => d.activityTitle)).toContain('颐和冬衣发放');
    expect(JSON.stringify(ledger)).not.toContain('钟埭内部筹备会');
  });
});
