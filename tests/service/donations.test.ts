import { AS, createNeed, pledgeData as pledgeDataOf, startBackend, STATION, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const DAY = 86400_000;
const inDays = (n: number) => new Date(b.clock.now.getTime() + n * DAY).toISOString();

const need = (overrides: Record<string, unknown> = {}, stationId?: string) => createNeed(b, overrides, stationId);
const pledgeData = (overrides: Record<string, unknown> = {}) => pledgeDataOf(b, overrides);

describe('needs', () => {
  it('lets staff publish needs for their subtree only, and lists them with progress', async () => {
    const created = await need();
    expect(created).toMatchObject({ status: 'open', pledgedQuantity: 0, receivedQuantity: 0, receivedPercent: 0 });
    expect(
      await b.refused(
        'donations',
        'createNeed',
        {
          stationId: STATION.zhongdai,
          data: {
            title: 'x',
            kind: 'goods',
            unit: '个',
            targetQuantity: 1,
            unitValueFen: 0,
            deadline: inDays(3),
            beneficiaryGroup: '社区居民',
          },
        },
        AS.staff,
      ),
    ).toBe('FORBIDDEN');
    const list = await b.ok('donations', 'listNeeds', { stationId: STATION.jiangbin });
    expect(list.items.map((n: any) => n.needId)).toContain(created.needId);
  });

  it('refuses a funds need without a charity of the district', async () => {
    expect(
      await b.refused(
        'donations',
        'createNeed',
        {
          stationId: STATION.jiangbin,
          data: {
            title: '助学金',
            kind: 'funds_via_charity',
            unit: '元',
            targetQuantity: 5000,
            unitValueFen: 100,
            deadline: inDays(30),
            beneficiaryGroup: '留守儿童',
          },
        },
        AS.staff,
      ),
    ).toBe('CHARITY_REQUIRED');
  });

  it('refuses payment details in free text and non-integer quantities, writing nothing', async () => {
    const before = (await b.all('needs')).length;
    const answer = await b.call(
      'donations',
      'createNeed',
      {
        stationId: STATION.jiangbin,
        data: {
          title: '物资',
          kind: 'goods',
          unit: '个',
          targetQuantity: 2.5,
          unitValueFen: 100,
          deadline: inDays(3),
          beneficiaryGroup: '社区居民',
          description: '请转账到 6222 0212 3456 7890 123',
        },
      },
      AS.staff,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        fields: { 'data.targetQuantity': expect.any(String), 'data.description': '请勿填写银行卡号、账号等支付信息' },
      },
    });
    expect((await b.all('needs')).length).toBe(before);
  });
});

describe('pledge lifecycle', () => {
  it('pledges, receives partially, distributes in parts up to what was received, and shows the donor a timeline', async () => {
    const n = await need();
    const p = await b.ok(
      'donations',
      'pledge',
      { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 4 }) },
      AS.donor,
    );
    expect(p).toMatchObject({ status: 'pledged', quantity: 4, unit: '床', estimatedValueFen: 60000 });
    expect((await b.ok('donations', 'getNeed', { needId: n.needId })).pledgedQuantity).toBe(4);

    const queue = await b.ok('donations', 'staffQueue', { stationId: STATION.jiangbin, view: 'expected' }, AS.staff);
    expect(queue.items.find((i: any) => i.pledgeId === p.pledgeId)).toMatchObject({
      donorName: '陈先生',
      contactMasked: '138****3333',
    });

    const received = await b.ok(
      'donations',
      'confirmArrival',
      { pledgeId: p.pledgeId, receivedQuantity: 3, note: '少了一床' },
      AS.staff,
    );
    expect(received).toMatchObject({ status: 'received', receivedQuantity: 3 });
    expect((await b.ok('donations', 'getNeed', { needId: n.needId })).receivedQuantity).toBe(3);
    expect(
      (await b.ok('donations', 'staffQueue', { stationId: STATION.jiangbin, view: 'partial' }, AS.staff)).items.map(
        (i: any) => i.pledgeId,
      ),
    ).toContain(p.pledgeId);
    expect(
      await b.refused('donations', 'confirmArrival', { pledgeId: p.pledgeId, receivedQuantity: 1 }, AS.staff),
    ).toBe('ILLEGAL_TRANSITION');

    await b.ok(
      'donations',
      'distribute',
      { pledgeId: p.pledgeId, quantity: 2, beneficiaryGroup: '独居老人', note: '颐和社区 2 户' },
      AS.staff,
    );
    expect(
      await b.refused(
        'donations',
        'distribute',
        { pledgeId: p.pledgeId, quantity: 2, beneficiaryGroup: '独居老人' },
        AS.staff,
      ),
    ).toBe('DISTRIBUTE_MORE_THAN_RECEIVED');
    const done = await b.ok(
      'donations',
      'distribute',
      { pledgeId: p.pledgeId, quantity: 1, beneficiaryGroup: '困难老人' },
      AS.staff,
    );
    expect(done).toMatchObject({ status: 'distributed', distributedQuantity: 3 });
    await b.ok('donations', 'thank', { pledgeId: p.pledgeId, note: '谢谢陈先生！' }, AS.staff);

    const mine = (await b.ok('donations', 'myPledges', {}, AS.donor)).items.find((i: any) => i.pledgeId === p.pledgeId);
    expect(mine.thankYouNote).toBe('谢谢陈先生！');
    expect(mine.distributions.map((d: any) => d.quantity)).toEqual([2, 1]);
    expect(mine.timeline.map((t: any) => t.label)).toEqual([
      expect.stringContaining('认捐 4床'),
      '站点已接收 3/4床（部分到达）',
      expect.stringContaining('发放 2床'),
      expect.stringContaining('发放 1床'),
      '已全部发放',
      '站点发来感谢',
    ]);
  });

  it('caps pledges at the over-pledge allowance and refuses closed needs', async () => {
    const n = await need({ targetQuantity: 2, overPledgePercent: 150 });
    await b.ok(
      'donations',
      'pledge',
      { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 2 }) },
      AS.donor,
    );
    expect(
      await b.refused(
        'donations',
        'pledge',
        { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 2 }) },
        AS.resident,
      ),
    ).toBe('PLEDGE_OVER_CAP');
    await b.ok(
      'donations',
      'pledge',
      { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 1 }) },
      AS.resident,
    );
    await b.ok('donations', 'closeNeed', { needId: n.needId, reason: '已够用' }, AS.staff);
    expect(
      await b.refused(
        'donations',
        'pledge',
        { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 1 }) },
        AS.volunteer,
      ),
    ).toBe('NEED_NOT_OPEN');
  });

  it('never over-counts under concurrent pledges', async () => {
    const n = await need({ targetQuantity: 10, overPledgePercent: 100 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        b.call(
          'donations',
          'pledge',
          { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 3 }) },
          `donor-${i}`,
        ),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(3);
    expect((await b.ok('donations', 'getNeed', { needId: n.needId })).pledgedQuantity).toBe(9);
  });

  it('lets the donor cancel only before arrival', async () => {
    const n = await need();
    const p = await b.ok(
      'donations',
      'pledge',
      { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 2 }) },
      AS.donor,
    );
    expect(await b.ok('donations', 'cancelPledge', { pledgeId: p.pledgeId }, AS.donor)).toMatchObject({
      status: 'cancelled',
    });
    expect((await b.ok('donations', 'getNeed', { needId: n.needId })).pledgedQuantity).toBe(0);
    const q = await b.ok(
      'donations',
      'pledge',
      { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 2 }) },
      AS.donor,
    );
    await b.ok('donations', 'confirmArrival', { pledgeId: q.pledgeId, receivedQuantity: 2 }, AS.staff);
    expect(await b.refused('donations', 'cancelPledge', { pledgeId: q.pledgeId }, AS.donor)).toBe('ILLEGAL_TRANSITION');
    expect(await b.refused('donations', 'cancelPledge', { pledgeId: q.pledgeId }, AS.resident)).toBe('NOT_FOUND');
  });

  it('lapses undelivered pledges a week after the expected date, on the timer', async () => {
    const n = await need();
    const p = await b.ok(
      'donations',
      'pledge',
      { needId: n.needId, stationId: STATION.jiangbin, data: pledgeData({ quantity: 1, expectedDate: inDays(1) }) },
      AS.donor,
    );
    const start = b.clock.now;
    b.clock.now = new Date(start.getTime() + 9 * DAY);
    try {
      const run = (await b.runTimer('donations', 'lapse')) as any;
      expect(run.ok).toBe(true);
      expect(run.data.lapsed).toBeGreaterThanOrEqual(1);
    } finally {
      b.clock.now = start;
    }
    const mine = (await b.ok('donations', 'myPledges', {}, AS.donor)).items.find((i: any) => i.pledgeId === p.pledgeId);
    expect(mine.status).toBe('lapsed');
    expect((await b.ok('donations', 'getNeed', { needId: n.needId })).pledgedQuantity).toBe(0);
  });

  it('keeps another station’s pledges out of reach', async () => {
    const other = await need({}, STATION.zhongdai);
    const p = await b.ok(
      'donations',
      'pledge',
      { needId: other.needId, stationId: STATION.zhongdai, data: pledgeData({ quantity: 1 }) },
      AS.donor,
    );
    expect(
      await b.refused('donations', 'confirmArrival', { pledgeId: p.pledgeId, receivedQuantity: 1 }, AS.staff),
    ).toBe('FORBIDDEN');
    expect(await b.refused('donations', 'staffQueue', { stationId: STATION.zhongdai }, AS.staff)).toBe('FORBIDDEN');
  });
});

describe('funds through a charity, never money', () => {
  it('records a funds pledge only through a district charity, and the receipt number as evidence', async () => {
    const charity = await b.ok(
      'donations',
      'addCharity',
      {
        centerId: STATION.center,
        data: {
          name: '临江区慈善总会',
          registrationNo: '53330100MJ0000000X',
          projectName: '冬日暖心',
          projectUrl: 'https://example.org/project/1',
          howToGive: '在项目页面点击“我要捐款”，由慈善总会开具电子捐赠票据',
        },
      },
      AS.admin,
    );
    expect(
      await b.refused(
        'donations',
        'addCharity',
        {
          centerId: STATION.center,
          data: {
            name: 'x',
            registrationNo: '53330100MJ0000002A',
            projectName: 'x',
            projectUrl: 'https://example.org',
            howToGive: 'x',
          },
        },
        AS.staff,
      ),
    ).toBe('FORBIDDEN');
    expect(
      (await b.ok('donations', 'listCharities', { stationId: STATION.yihe })).items.map((c: any) => c.name),
    ).toContain('临江区慈善总会');
    const n = await need({
      title: '困难老人助餐',
      kind: 'funds_via_charity',
      unit: '元',
      targetQuantity: 10000,
      unitValueFen: 100,
      charityId: charity.charityId,
    });
    expect(
      await b.refused(
        'donations',
        'pledge',
        {
          needId: n.needId,
          stationId: STATION.jiangbin,
          data: pledgeData({ quantity: 500, deliveryMethod: 'drop_off' }),
        },
        AS.donor,
      ),
    ).toBe('CHARITY_REQUIRED');
    const p = await b.ok(
      'donations',
      'pledge',
      {
        needId: n.needId,
        stationId: STATION.jiangbin,
        data: pledgeData({ quantity: 500, deliveryMethod: 'online_via_charity' }),
      },
      AS.donor,
    );
    expect(p).toMatchObject({
      estimatedValueFen: 50000,
      charity: { name: '临江区慈善总会', projectUrl: 'https://example.org/project/1' },
    });
    expect(
      await b.ok('donations', 'recordCharityReceipt', { pledgeId: p.pledgeId, receiptNo: 'ZJ2026-000123' }, AS.donor),
    ).toMatchObject({ receiptNo: 'ZJ2026-000123' });
    expect(
      await b.refused(
        'donations',
        'recordCharityReceipt',
        { pledgeId: p.pledgeId, receiptNo: '6222 0212 3456 7890' },
        AS.donor,
      ),
    ).toBe('INVALID_INPUT');
    const stored = JSON.stringify(await b.all('pledges'));
    expect(stored).not.toMatch(/cardNo|bankAccount|6222021234567890/);
  });
});

describe('public ledger', () => {
  it('shows arrivals by month and kind in fen and distributions, with anonymous donors as 爱心人士', async () => {
    const n = await need({ title: '儿童绘本', unit: '本', targetQuantity: 50, unitValueFen: 2500 }, STATION.yihe);
    const p = await b.ok(
      'donations',
      'pledge',
      {
        needId: n.needId,
        stationId: STATION.yihe,
        data: pledgeData({ quantity: 20, anonymous: true, donorName: '匿名的张女士' }),
      },
      'anon-donor',
    );
    await b.ok('donations', 'confirmArrival', { pledgeId: p.pledgeId, receivedQuantity: 20 }, AS.staff);
    await b.ok(
      'donations',
      'distribute',
      { pledgeId: p.pledgeId, quantity: 20, beneficiaryGroup: '留守儿童' },
      AS.staff,
    );
    const ledger = await b.ok('donations', 'ledger', { stationId: STATION.yihe });
    expect(ledger.months).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'goods', receivedQuantity: 20, receivedValueFen: 50000 }),
      ]),
    );
    expect(ledger.distributions[0]).toMatchObject({
      donorName: '爱心人士',
      quantity: 20,
      beneficiaryGroup: '留守儿童',
    });
    const text = JSON.stringify(ledger);
    expect(text).not.toContain('匿名的张女士');
    expect(text).not.toContain('13800003333');
    // 500 元 of this test's books, after the demo history's 50 本 绘本 at 25 元 (1,250 元) at 颐和.
    expect(ledger.totalReceivedValueFen).toBe(50000 + 125000);
  });
});
