import { AS, createNeed, pledgeData, publishedActivity, startBackend, STATION, type Backend } from './support';

/**
 * Signed-in people abusing the donation flow: inflating the value the 月报 and the public ledger
 * report, and naming someone else's activity in a distribution.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const DAY = 86400_000;

describe('values the reports can trust', () => {
  const general = (overrides: Record<string, unknown>, as: string = AS.donor) =>
    b.call(
      'donations',
      'pledge',
      { stationId: STATION.yihe, data: pledgeData(b, { kind: 'goods', unit: '台', quantity: 1, ...overrides }) },
      as,
    );

  it('refuses values beyond a sane ceiling as input, never as INTERNAL', async () => {
    expect(await general({ unitValueFen: 10_000_000_000 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'data.unitValueFen': '单价不能超过 10 万元' } },
    });
    expect(await general({ unitValueFen: 10_000_000, quantity: 11 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'data.quantity': '估值过大，请核对数量和单价' } },
    });
    const ok = await general({ unitValueFen: 10_000_000, quantity: 10 });
    expect(ok).toMatchObject({ ok: true, data: { estimatedValueFen: 100_000_000 } });
    // More arriving than pledged cannot push the value past the ceiling either.
    const pledgesBefore = await b.all('pledges');
    expect(
      await b.call(
        'donations',
        'confirmArrival',
        { pledgeId: (ok as any).data.pledgeId, receivedQuantity: 11, unitValueFen: 10_000_000 },
        AS.staff,
      ),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', fields: { receivedQuantity: expect.any(String) } } });
    expect(await b.all('pledges')).toEqual(pledgesBefore);
    await b.ok('donations', 'cancelPledge', { pledgeId: (ok as any).data.pledgeId }, AS.donor);
  });

  it('has staff confirm or correct a donor-stated value at arrival; the ledger and the 月报 carry theirs', async () => {
    const inflated = await general({ unitValueFen: 9_999_999, quantity: 2 }, 'inflater');
    expect(inflated).toMatchObject({ ok: true, data: { estimatedValueFen: 19_999_998 } });
    const pledgeId = (inflated as any).data.pledgeId;
    const before = await b.all('pledges');
    expect(await b.call('donations', 'confirmArrival', { pledgeId, receivedQuantity: 2 }, AS.staff)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { unitValueFen: '请核对并填写每台的价值（捐赠人填写 ¥99,999.99）' } },
    });
    expect(await b.all('pledges')).toEqual(before);

    // Staff assessed the printers at ¥800 each.
    const received = await b.ok(
      'donations',
      'confirmArrival',
      { pledgeId, receivedQuantity: 2, unitValueFen: 80_000 },
      AS.staff,
    );
    expect(received).toMatchObject({ status: 'received', receivedQuantity: 2 });
    expect((await b.all('pledges')).find((p) => p._id === pledgeId)).toMatchObject({
      receivedValueFen: 160_000,
      unitValueFen: 9_999_999,
    });
    expect(
      (await b.all('auditLog')).find((e) => e.action === 'pledge.receive' && e.entityId === pledgeId),
    ).toMatchObject({
      to: { receivedValueFen: 160_000, unitValueFen: 80_000, donorUnitValueFen: 9_999_999 },
    });

    // A pledge to a need takes the need's value unless staff correct it.
    const need = await createNeed(b, { unitValueFen: 15_000 }, STATION.yihe);
    const toNeed = await b.ok(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.yihe, data: pledgeData(b, { quantity: 2 }) },
      AS.donor,
    );
    await b.ok('donations', 'confirmArrival', { pledgeId: toNeed.pledgeId, receivedQuantity: 2 }, AS.staff);

    const ledger = await b.ok('donations', 'ledger', { stationId: STATION.yihe });
    expect(ledger.totalReceivedValueFen).toBe(160_000 + 30_000);
    const report = await b.ok('reports', 'monthly', { stationId: STATION.yihe, month: '2026-11' }, AS.staff);
    expect(report.indicators.find((i: any) => i.key === 'resourcesValueFen')).toMatchObject({ value: 190_000 });
  });
});

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
