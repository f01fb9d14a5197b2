/**
 * The donor's journey on the server. The donor hears back: arrival, each distribution and the
 * station's thanks each put one message in the donor's 消息 (unread until opened), and, where the
 * donor accepted the donation template on weapp, one WeChat subscription message per acceptance
 * that opens 我的捐赠. The timeline says the chosen delivery day as a day; the public ledger adds
 * quantities within one unit only.
 */
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { messageTarget } from '../../shared/domain/message';
import { AS, createNeed, pledgeData, startBackend, STATION, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const donorId = (openid: string) => userIdForOpenid(openid);

async function messagesOf(openid: string) {
  return (await b.all('messages'))
    .filter((m) => m.userId === donorId(openid))
    .sort((x, y) => +new Date(x.createdAt) - +new Date(y.createdAt));
}

async function pledgeAs(openid: string, needId: string, quantity: number) {
  const answer = await b.ok(
    'donations',
    'pledge',
    { needId, stationId: STATION.jiangbin, data: pledgeData(b, { quantity }) },
    openid,
  );
  return answer.pledgeId as string;
}

/** Moves the clock on, so messages written one after another are ordered by time. */
function laterBy(minutes: number): void {
  b.clock.now = new Date(b.clock.now.getTime() + minutes * 60_000);
}

async function wxCalls(): Promise<{ apiName: string; request: any }[]> {
  return (await (await fetch(`${b.emulator.url}/emulator/wx-api-calls`, { headers: b.controlHeaders })).json()) as {
    apiName: string;
    request: any;
  }[];
}

describe('messages to the donor', () => {
  it('tells the donor of the arrival, each distribution and the thanks, in words, unread until read', async () => {
    const need = await createNeed(b, { title: '冬季棉被（消息）' });
    const pledgeId = await pledgeAs('msg-donor', need.needId, 4);
    expect(await messagesOf('msg-donor')).toEqual([]);

    await b.ok('donations', 'confirmArrival', { pledgeId, receivedQuantity: 3 }, AS.staff);
    laterBy(1);
    await b.ok('donations', 'distribute', { pledgeId, quantity: 2, beneficiaryGroup: '独居老人' }, AS.staff);
    laterBy(1);
    await b.ok('donations', 'thank', { pledgeId, note: '棉被已送到老人家中，谢谢您！' }, AS.staff);

    const rows = await messagesOf('msg-donor');
    expect(
      rows.map(({ kind, title, body, activityId, readAt, delivery }) => ({
        kind,
        title,
        body,
        activityId,
        readAt,
        delivery,
      })),
    ).toEqual([
      {
        kind: 'pledge_received',
        title: '站点已收到您的捐赠',
        body: '江滨街道社工站已收到您为「冬季棉被（消息）」捐赠的 3床（您认捐 4床）。每一笔去向都会告诉您，谢谢您的爱心！',
        activityId: null,
        readAt: null,
        delivery: 'skipped',
      },
      {
        kind: 'pledge_distributed',
        title: '您的捐赠已发放',
        body: '您为「冬季棉被（消息）」捐赠的 2床 已由江滨街道社工站发放给独居老人。',
        activityId: null,
        readAt: null,
        delivery: 'skipped',
      },
      {
        kind: 'pledge_thanked',
        title: '江滨街道社工站向您致谢',
        body: '棉被已送到老人家中，谢谢您！',
        activityId: null,
        readAt: null,
        delivery: 'skipped',
      },
    ]);
    // The 消息 list and its unread count (the badge) see them; each opens 我的捐赠.
    const inbox = await b.ok('accounts', 'myMessages', { page: 1, pageSize: 10 }, 'msg-donor');
    expect(inbox.unread).toBe(3);
    expect(inbox.items.map((m: any) => [m.kind, m.read, messageTarget(m)])).toEqual([
      ['pledge_thanked', false, 'pledges'],
      ['pledge_distributed', false, 'pledges'],
      ['pledge_received', false, 'pledges'],
    ]);
    await b.ok('accounts', 'markMessagesRead', {}, 'msg-donor');
    expect((await b.ok('accounts', 'myMessages', { page: 1, pageSize: 1 }, 'msg-donor')).unread).toBe(0);
  });

  it('says the full quantity when everything arrived, and names the activity a distribution served', async () => {
    const need = await createNeed(b, { title: '助老大米' });
    const pledgeId = await pledgeAs('msg-donor-2', need.needId, 2);
    await b.ok('donations', 'confirmArrival', { pledgeId, receivedQuantity: 2 }, AS.staff);
    const activity = (await b.all('activities')).find((a) => a.title === '长者智能手机课堂');
    await b.ok(
      'donations',
      'distribute',
      { pledgeId, quantity: 2, beneficiaryGroup: '困难老人', activityId: activity._id },
      AS.staff,
    );
    expect((await messagesOf('msg-donor-2')).map((m) => m.body)).toEqual([
      '江滨街道社工站已收到您为「助老大米」捐赠的 2床。每一笔去向都会告诉您，谢谢您的爱心！',
      '您为「助老大米」捐赠的 2床 已由江滨街道社工站发放给困难老人（活动：长者智能手机课堂）。',
    ]);
  });

  it('sends nothing when the step is refused (a second arrival, thanks before arrival)', async () => {
    const need = await createNeed(b, { title: '冬衣' });
    const pledgeId = await pledgeAs('msg-donor-3', need.needId, 1);
    expect(await b.refused('donations', 'thank', { pledgeId, note: '谢谢' }, AS.staff)).toBe('ILLEGAL_TRANSITION');
    expect(await messagesOf('msg-donor-3')).toEqual([]);
    await b.ok('donations', 'confirmArrival', { pledgeId, receivedQuantity: 1 }, AS.staff);
    expect(await b.refused('donations', 'confirmArrival', { pledgeId, receivedQuantity: 1 }, AS.staff)).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect((await messagesOf('msg-donor-3')).map((m) => m.kind)).toEqual(['pledge_received']);
  });
});

describe('WeChat subscription messages for donors', () => {
  const DONATION = 'tplDonationProgress01';
  const WAITLIST = 'tplWaitlistPromoted01';
  beforeAll(() => {
    process.env.WX_TEMPLATE_DONATION = DONATION;
    process.env.WX_TEMPLATE_WAITLIST = WAITLIST;
  });
  afterAll(() => {
    delete process.env.WX_TEMPLATE_DONATION;
    delete process.env.WX_TEMPLATE_WAITLIST;
  });

  it('counts an acceptance of the donation template and spends it on the next donor notice, opening 我的捐赠', async () => {
    expect(
      await b.ok('accounts', 'recordSubscription', { templateIds: [DONATION, 'someOtherTemplate'] }, 'sub-donor'),
    ).toEqual({ recorded: 1 });
    const need = await createNeed(b, { title: '图书' });
    const pledgeId = await pledgeAs('sub-donor', need.needId, 2);
    await b.ok('donations', 'confirmArrival', { pledgeId, receivedQuantity: 2 }, AS.staff);
    await b.ok('donations', 'distribute', { pledgeId, quantity: 2, beneficiaryGroup: '留守儿童' }, AS.staff);

    const sent = (await wxCalls()).filter((c) => c.request?.touser === 'sub-donor');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      apiName: 'cgi-bin/message/subscribe/send',
      request: {
        template_id: DONATION,
        page: 'packages/donation/pages/my-pledges/index',
        data: { thing1: { value: '站点已收到您的捐赠' } },
      },
    });
    // One acceptance, one message: the distribution that followed is in the app only.
    expect((await messagesOf('sub-donor')).map((m) => [m.kind, m.delivery])).toEqual([
      ['pledge_received', 'sent'],
      ['pledge_distributed', 'skipped'],
    ]);
  });

  it('never spends a waitlist acceptance on a donation notice', async () => {
    expect(await b.ok('accounts', 'recordSubscription', { templateIds: [WAITLIST] }, 'sub-donor-2')).toEqual({
      recorded: 1,
    });
    const need = await createNeed(b, { title: '文具' });
    const pledgeId = await pledgeAs('sub-donor-2', need.needId, 1);
    await b.ok('donations', 'confirmArrival', { pledgeId, receivedQuantity: 1 }, AS.staff);
    expect((await wxCalls()).filter((c) => c.request?.touser === 'sub-donor-2')).toEqual([]);
    expect((await messagesOf('sub-donor-2')).map((m) => m.delivery)).toEqual(['skipped']);
    const user = (await b.all('users')).find((u) => u._id === donorId('sub-donor-2'));
    expect(user.subscriptions).toEqual({ [WAITLIST]: 1 });
  });
});

describe('what the donor reads', () => {
  it('writes the chosen delivery day as a day — no invented time of day — in the timeline', async () => {
    const need = await createNeed(b, { title: '暖手宝' });
    const answer = await b.ok(
      'donations',
      'pledge',
      {
        needId: need.needId,
        stationId: STATION.jiangbin,
        // The form sends the chosen day at noon Beijing time.
        data: pledgeData(b, { quantity: 4, expectedDate: '2026-11-25T12:00:00+08:00' }),
      },
      'day-donor',
    );
    expect(answer.timeline.map((e: { label: string }) => e.label)).toEqual(['认捐 4床，预计 11月25日 周三 送达']);
  });

  it('adds up a month of the public ledger per unit, never across units', async () => {
    const quilts = await createNeed(b, { title: '棉被（账本）', unit: '床', unitValueFen: 10000 }, STATION.shenjia);
    const rice = await createNeed(b, { title: '大米（账本）', unit: '袋', unitValueFen: 5000 }, STATION.shenjia);
    for (const [needId, quantity] of [
      [quilts.needId, 5],
      [rice.needId, 3],
      [rice.needId, 2],
    ] as const) {
      const p = await b.ok(
        'donations',
        'pledge',
        { needId, stationId: STATION.shenjia, data: pledgeData(b, { quantity }) },
        'ledger-donor',
      );
      await b.ok('donations', 'confirmArrival', { pledgeId: p.pledgeId, receivedQuantity: quantity }, AS.admin);
    }
    const ledger = await b.ok('donations', 'ledger', { stationId: STATION.shenjia });
    expect(ledger.months).toEqual([
      { month: '2026-11', kind: 'goods', unit: '床', receivedQuantity: 5, receivedValueFen: 50000, pledges: 1 },
      { month: '2026-11', kind: 'goods', unit: '袋', receivedQuantity: 5, receivedValueFen: 25000, pledges: 2 },
    ]);
  });
});

describe('the 已接收 queue keeps what still needs staff', () => {
  it('keeps a pledge given out in full until the donor is thanked, then lets it go', async () => {
    const need = await createNeed(b, { title: '冬季棉被（致谢队列）' });
    const pledgeId = await pledgeAs('queue-donor', need.needId, 2);
    const inQueue = async () =>
      (
        (await b.ok('donations', 'staffQueue', { stationId: STATION.jiangbin, view: 'received' }, AS.staff)).items as {
          pledgeId: string;
          status: string;
        }[]
      )
        .filter((p) => p.pledgeId === pledgeId)
        .map((p) => p.status);

    expect(await inQueue()).toEqual([]);
    await b.ok('donations', 'confirmArrival', { pledgeId, receivedQuantity: 2 }, AS.staff);
    expect(await inQueue()).toEqual(['received']);
    await b.ok('donations', 'distribute', { pledgeId, quantity: 2, beneficiaryGroup: '独居老人' }, AS.staff);
    expect(await inQueue()).toEqual(['distributed']);
    await b.ok('donations', 'thank', { pledgeId, note: '谢谢您！' }, AS.staff);
    expect(await inQueue()).toEqual([]);
  });
});
