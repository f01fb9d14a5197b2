import {
  AS,
  createNeed,
  daysAfter,
  pledgeData,
  publishedActivity,
  startBackend,
  STATION,
  type Backend,
} from './support';

/**
 * Signed-in people abusing the donation flow: blocking a need, inflating the value the 月报 and
 * the public ledger report, and naming someone else's activity in a distribution.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const DAY = 86400_000;
const pledgeTo = (needId: string, overrides: Record<string, unknown>, as: string) =>
  b.call('donations', 'pledge', { needId, stationId: STATION.jiangbin, data: pledgeData(b, overrides) }, as);
const needRow = async (needId: string) => (await b.all('needs')).find((n) => n._id === needId);

describe('nobody can block a need', () => {
  it('bounds the expected date by the need’s deadline plus a short grace', async () => {
    const need = await createNeed(b, { deadline: daysAfter(b, 30) });
    const before = await b.all('pledges');
    for (const expectedDate of ['9999-12-31T00:00:00.000Z', daysAfter(b, 38)]) {
      expect(await pledgeTo(need.needId, { quantity: 1, expectedDate }, AS.donor)).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', fields: { 'data.expectedDate': '预计送达日期最晚为需求截止后 7 天' } },
      });
    }
    expect(await b.all('pledges')).toEqual(before);
    expect((await needRow(need.needId)).pledgedQuantity).toBe(0);
    expect(await pledgeTo(need.needId, { quantity: 1, expectedDate: daysAfter(b, 37) }, AS.donor)).toMatchObject({
      ok: true,
    });
    // A pledge to the station itself (no need) is bounded too.
    const general = await b.call(
      'donations',
      'pledge',
      {
        stationId: STATION.jiangbin,
        data: pledgeData(b, { kind: 'goods', unit: '箱', expectedDate: '9999-12-31T00:00:00.000Z' }),
      },
      AS.donor,
    );
    expect(general).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'data.expectedDate': expect.any(String) } },
    });
  });

  it('caps one donor’s undelivered share at half of what the need accepts, even when sent at once', async () => {
    // Target 10 at 150 %: 15 may be pledged in all, 8 of them by one donor while undelivered.
    const need = await createNeed(b, { targetQuantity: 10 });
    expect(await pledgeTo(need.needId, { quantity: 15 }, 'squatter')).toMatchObject({
      ok: false,
      error: { code: 'PLEDGE_OVER_SHARE' },
    });
    const answers = await Promise.all([5, 5, 5].map((quantity) => pledgeTo(need.needId, { quantity }, 'squatter')));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual([
      'PLEDGE_OVER_SHARE',
      'PLEDGE_OVER_SHARE',
    ]);
    expect(await pledgeTo(need.needId, { quantity: 3 }, 'squatter')).toMatchObject({ ok: true });
    expect(await pledgeTo(need.needId, { quantity: 1 }, 'squatter')).toMatchObject({
      ok: false,
      error: { code: 'PLEDGE_OVER_SHARE' },
    });
    // Everyone else still can.
    expect(await pledgeTo(need.needId, { quantity: 7 }, AS.donor)).toMatchObject({ ok: true });
    expect((await needRow(need.needId)).pledgedQuantity).toBe(15);
  });

  it('counts a delivered pledge out of the donor’s open share', async () => {
    // Target 10 at 300 %: 30 accepted, 15 per donor undelivered.
    const need = await createNeed(b, { targetQuantity: 10, overPledgePercent: 300 });
    const first = await b.ok(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity: 15 }) },
      'regular',
    );
    expect(await pledgeTo(need.needId, { quantity: 1 }, 'regular')).toMatchObject({
      ok: false,
      error: { code: 'PLEDGE_OVER_SHARE' },
    });
    await b.ok('donations', 'confirmArrival', { pledgeId: first.pledgeId, receivedQuantity: 5 }, AS.staff);
    expect(await pledgeTo(need.needId, { quantity: 1 }, 'regular')).toMatchObject({ ok: true });
    expect((await needRow(need.needId)).pledgedQuantity).toBe(16);
  });

  it('lets staff void a pledge with a reason, audited, the donor told in 消息', async () => {
    const need = await createNeed(b, { targetQuantity: 2, overPledgePercent: 100 });
    const blocker = await b.ok(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity: 1 }) },
      'throwaway',
    );
    const other = await b.ok(
      'donations',
      'pledge',
      { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity: 1 }) },
      AS.donor,
    );
    expect(await pledgeTo(need.needId, { quantity: 1 }, AS.resident)).toMatchObject({
      ok: false,
      error: { code: 'PLEDGE_OVER_CAP' },
    });

    expect(await b.call('donations', 'voidPledge', { pledgeId: blocker.pledgeId, reason: '' }, AS.staff)).toMatchObject(
      { ok: false, error: { code: 'INVALID_INPUT', fields: { reason: '请填写作废原因' } } },
    );
    expect(
      await b.refused('donations', 'voidPledge', { pledgeId: blocker.pledgeId, reason: '联系不上' }, 'throwaway'),
    ).toBe('FORBIDDEN');
    const zhongdaiNeed = await createNeed(b, {}, STATION.zhongdai);
    const elsewhere = await b.ok(
      'donations',
      'pledge',
      { needId: zhongdaiNeed.needId, stationId: STATION.zhongdai, data: pledgeData(b, { quantity: 1 }) },
      AS.donor,
    );
    expect(
      await b.refused('donations', 'voidPledge', { pledgeId: elsewhere.pledgeId, reason: '联系不上' }, AS.staff),
    ).toBe('FORBIDDEN');
    expect((await b.all('pledges')).find((p) => p._id === blocker.pledgeId)).toMatchObject({ status: 'pledged' });

    // The district admin covers 江滨 and voids it.
    expect(
      await b.ok('donations', 'voidPledge', { pledgeId: blocker.pledgeId, reason: '联系不上' }, AS.admin),
    ).toMatchObject({ status: 'voided' });
    const row = (await b.all('pledges')).find((p) => p._id === blocker.pledgeId);
    expect(row).toMatchObject({ status: 'voided' });
    expect(row.timeline.at(-1)).toMatchObject({ label: '站点作废了此认捐：联系不上' });
    expect((await needRow(need.needId)).pledgedQuantity).toBe(1);
    expect(await pledgeTo(need.needId, { quantity: 1 }, AS.resident)).toMatchObject({ ok: true });

    const admin = await b.ok('accounts', 'me', {}, AS.admin);
    expect((await b.all('auditLog')).filter((e) => e.action === 'pledge.void')).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        entityId: blocker.pledgeId,
        stationId: STATION.jiangbin,
        from: { status: 'pledged' },
        to: { status: 'voided' },
        reason: '联系不上',
      }),
    ]);
    const messages = await b.ok('accounts', 'myMessages', {}, 'throwaway');
    expect(messages.items).toEqual([
      expect.objectContaining({
        kind: 'pledge_voided',
        title: '您的认捐已被站点作废',
        body: '江滨街道社工站作废了您认捐的「冬季棉被」1床。原因：联系不上',
        read: false,
      }),
    ]);

    // Only an undelivered pledge can be voided.
    await b.ok('donations', 'confirmArrival', { pledgeId: other.pledgeId, receivedQuantity: 1 }, AS.staff);
    expect(await b.refused('donations', 'voidPledge', { pledgeId: other.pledgeId, reason: '重复' }, AS.staff)).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await b.refused('donations', 'voidPledge', { pledgeId: blocker.pledgeId, reason: '重复' }, AS.staff)).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('shows staff every undelivered pledge, whatever its expected date', async () => {
    const need = await createNeed(b);
    const late = await b.ok(
      'donations',
      'pledge',
      {
        needId: need.needId,
        stationId: STATION.jiangbin,
        data: pledgeData(b, { quantity: 1, expectedDate: daysAfter(b, 20) }),
      },
      'late-donor',
    );
    const queue = await b.ok(
      'donations',
      'staffQueue',
      { stationId: STATION.jiangbin, view: 'pledged', pageSize: 50 },
      AS.staff,
    );
    expect(queue.items.map((p: any) => p.pledgeId)).toContain(late.pledgeId);
    expect(queue.items.every((p: any) => p.status === 'pledged')).toBe(true);
  });
});

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
    // The demo district's past months already received goods at this station: the ledger is all-time.
    const ledgerBefore = (await b.ok('donations', 'ledger', { stationId: STATION.yihe })).totalReceivedValueFen;
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
    expect(ledger.totalReceivedValueFen - ledgerBefore).toBe(160_000 + 30_000);
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
