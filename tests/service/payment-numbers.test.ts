import { loadManifest } from '../../emulator/db';
import { PAYMENT_NUMBER_MESSAGE, RECEIPT_NUMBER_MESSAGE } from '../../shared/domain/payment-numbers';
import { AS, createNeed, pledgeData, publishedActivity, startBackend, STATION, type Backend } from './support';
import { orderRequest } from './orders-support';
import { targetInput, visitInput } from './targets-support';

/**
 * 《慈善法》 and our own rule: no card or account number is stored anywhere. Every free-text field
 * of every function is screened by one rule that folds width and separators first; a refusal
 * writes nothing at all — not the record, not the audit log.
 */
let b: Backend;
const COLLECTIONS = Object.keys(loadManifest().collections);

beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

/** The same card number written the ways the issue reproduced (and a few more). */
const CARD = {
  fullWidth: '６２２２０２１２３４５６７８９０',
  spaced: '6222 0212 3456 7890',
  dashed: '6222-0212-3456-7890',
  dotted: '6222.0212.3456.7890',
  mixed: '６２２２ 0212－3456·7890',
};

async function snapshot(): Promise<string> {
  const parts: Record<string, unknown[]> = {};
  for (const name of COLLECTIONS) {
    parts[name] = (await b.all(name)).sort((x, y) => String(x._id).localeCompare(String(y._id)));
  }
  return JSON.stringify(parts);
}

/** The call is refused as INVALID_INPUT with the payment-number message on `field`. */
async function expectScreened(
  fn: Parameters<Backend['call']>[0],
  action: string,
  data: unknown,
  as: string | undefined,
  field: string,
) {
  const answer = await b.call(fn, action, data, as);
  expect({ action, field, answer }).toMatchObject({
    action,
    field,
    answer: { ok: false, error: { code: 'INVALID_INPUT', fields: { [field]: PAYMENT_NUMBER_MESSAGE } } },
  });
}

it('keeps card numbers out of pledges, arrivals, distributions and the public ledger, writing nothing', async () => {
  const need = await createNeed(b);
  const pledge = await b.ok(
    'donations',
    'pledge',
    { needId: need.needId, stationId: STATION.jiangbin, data: pledgeData(b) },
    AS.donor,
  );
  await b.ok('donations', 'confirmArrival', { pledgeId: pledge.pledgeId, receivedQuantity: 4, note: '' }, AS.staff);
  const before = await snapshot();

  const pledgeWith = (overrides: Record<string, unknown>) => ({
    needId: need.needId,
    stationId: STATION.jiangbin,
    data: pledgeData(b, overrides),
  });
  await expectScreened('donations', 'pledge', pledgeWith({ donorName: CARD.fullWidth }), AS.donor, 'data.donorName');
  await expectScreened('donations', 'pledge', pledgeWith({ message: `请转 ${CARD.spaced}` }), AS.donor, 'data.message');
  await expectScreened(
    'donations',
    'confirmArrival',
    { pledgeId: pledge.pledgeId, receivedQuantity: 4, note: `退款至 ${CARD.dashed}` },
    AS.staff,
    'note',
  );
  await expectScreened(
    'donations',
    'distribute',
    { pledgeId: pledge.pledgeId, quantity: 1, beneficiaryGroup: '困难老人', note: `卡 ${CARD.dotted}` },
    AS.staff,
    'note',
  );
  await expectScreened(
    'donations',
    'distribute',
    { pledgeId: pledge.pledgeId, quantity: 1, beneficiaryGroup: CARD.mixed },
    AS.staff,
    'beneficiaryGroup',
  );
  await expectScreened('donations', 'thank', { pledgeId: pledge.pledgeId, note: CARD.mixed }, AS.staff, 'note');
  await expectScreened('donations', 'closeNeed', { needId: need.needId, reason: CARD.spaced }, AS.staff, 'reason');

  expect(await snapshot()).toBe(before);
  const ledger = await b.ok('donations', 'ledger', { stationId: STATION.jiangbin });
  expect(JSON.stringify(ledger)).not.toMatch(/6222|６２２２/);
});

it('screens every other free-text field of every function the same way', async () => {
  const activityId = await publishedActivity(b, STATION.jiangbin);
  const before = await snapshot();
  const fake = 'x0000000000000000';
  const cases: [Parameters<Backend['call']>[0], string, unknown, string, string][] = [
    ['accounts', 'updateProfile', { data: { nickname: CARD.fullWidth } }, AS.resident, 'data.nickname'],
    [
      'donations',
      'createNeed',
      {
        stationId: STATION.jiangbin,
        data: {
          title: `棉被 ${CARD.dashed}`,
          kind: 'goods',
          unit: '床',
          targetQuantity: 1,
          unitValueFen: 100,
          deadline: new Date(b.clock.now.getTime() + 86400_000).toISOString(),
          beneficiaryGroup: '困难老人',
        },
      },
      AS.staff,
      'data.title',
    ],
    [
      'donations',
      'addCharity',
      {
        centerId: STATION.center,
        data: {
          name: '临江区慈善总会',
          registrationNo: '53330100MJ0000003B',
          projectName: '冬日暖阳',
          projectUrl: 'https://example.org/p',
          howToGive: `对公账户 ${CARD.spaced}`,
        },
      },
      AS.admin,
      'data.howToGive',
    ],
    [
      'activities',
      'update',
      { activityId, data: { description: `报名费转 ${CARD.fullWidth}` } },
      AS.staff,
      'data.description',
    ],
    ['activities', 'cancelActivity', { activityId, reason: CARD.dotted }, AS.staff, 'reason'],
    ['activities', 'rate', { activityId, score: 5, comment: CARD.mixed }, AS.resident, 'comment'],
    [
      'activities',
      'bookOnBehalf',
      { activityId, name: '李奶奶', phone: '13700001111', reason: `卡号${CARD.spaced}` },
      AS.staff,
      'reason',
    ],
    [
      'volunteering',
      'claimHours',
      {
        data: {
          stationId: STATION.jiangbin,
          startAt: new Date(b.clock.now.getTime() - 3 * 3600_000).toISOString(),
          minutes: 60,
          description: `补贴打到 ${CARD.dashed}`,
        },
      },
      AS.volunteer,
      'data.description',
    ],
    ['volunteering', 'adjustHours', { entryId: fake, minutes: 30, reason: CARD.fullWidth }, AS.staff, 'reason'],
    ['volunteering', 'reviewClaim', { claimId: fake, decision: 'reject', reason: CARD.spaced }, AS.staff, 'reason'],
  ];
  for (const [fn, action, data, as, field] of cases) await expectScreened(fn, action, data, as, field);
  expect(await snapshot()).toBe(before);
});

it('screens the targets function’s free text — record notes, visit notes, follow-ups, reasons', async () => {
  // Registered two days ago, so a visit an hour ago is after the record began.
  const now = b.clock.now;
  b.clock.now = new Date(now.getTime() - 2 * 86_400_000);
  const created = await b.ok('targets', 'createTarget', { stationId: STATION.yihe, data: targetInput() }, AS.staff);
  b.clock.now = now;
  const targetId = created.targetId as string;
  const visit = (change: Record<string, unknown>) => ({
    clientId: 'draft-card',
    targetId,
    data: visitInput(b.clock.now, change),
  });
  const followUp = (note: string) => ({
    checklist: { gas: 'abnormal' },
    followUp: { note, dueDate: '2026-11-25' },
  });
  const before = await snapshot();
  const cases: [Parameters<Backend['call']>[0], string, unknown, string, string][] = [
    [
      'targets',
      'createTarget',
      { stationId: STATION.yihe, data: targetInput({ name: '钱奶奶', notes: `低保金打到 ${CARD.fullWidth}` }) },
      AS.staff,
      'data.notes',
    ],
    [
      'targets',
      'updateTarget',
      { targetId, rev: 0, data: targetInput({ tierReason: `存折 ${CARD.mixed}` }) },
      AS.staff,
      'data.tierReason',
    ],
    ['targets', 'recordVisit', visit({ summary: `代缴卡 ${CARD.dotted}` }), AS.staff, 'data.summary'],
    ['targets', 'recordVisit', visit({ notes: { food: CARD.fullWidth } }), AS.staff, 'data.notes.food'],
    ['targets', 'recordVisit', visit(followUp(`帮她挂失 ${CARD.spaced}`)), AS.staff, 'data.followUp.note'],
    ['targets', 'recordVisit', visit({ companions: [CARD.dashed] }), AS.staff, 'data.companions.0'],
    [
      'targets',
      'moveTarget',
      { targetId, rev: 0, toStationId: STATION.jiangbin, reason: CARD.dashed },
      AS.staff,
      'reason',
    ],
    ['targets', 'closeTarget', { targetId, rev: 0, reason: 'moved_away', note: CARD.mixed }, AS.staff, 'note'],
    ['targets', 'flagEvent', { targetId, event: 'hospitalised', note: `住院押金卡 ${CARD.spaced}` }, AS.staff, 'note'],
    [
      'targets',
      'confirmVisit',
      { visitId: 'vNoSuchVisit', decision: 'reject', reason: CARD.fullWidth },
      AS.staff,
      'reason',
    ],
  ];
  for (const [fn, action, data, as, field] of cases) await expectScreened(fn, action, data, as, field);
  expect(await snapshot()).toBe(before);

  // The same fields keep the numbers a visit really needs: phones, dates, amounts.
  const ok = await b.ok(
    'targets',
    'recordVisit',
    visit({
      ...followUp('１１月２５日前联系 0571-86002101 换燃气软管，约 120 元'),
      summary: '女儿电话 138 0000 1234，2026-12-01 复查',
    }),
    AS.staff,
  );
  expect(ok.status).toBe('counted');
});

it('screens the orders function’s free text — descriptions, reasons, records, comments, replies', async () => {
  // Harmless numbers in an order go through: a phone, a date, an address with a house number.
  const placed = await b.ok(
    'orders',
    'placeOrder',
    orderRequest({
      clientKey: 'pay-ok-0001',
      description: '１２月３日上午送餐，女儿电话 138 0000 1234',
      timeNote: '2026-12-03 上午',
    }),
    AS.resident,
  );
  const orderId = placed.orderId as string;
  const record = {
    startAt: new Date(b.clock.now.getTime() - 70 * 60_000).toISOString(),
    minutes: 60,
    method: 'home_visit',
    note: `代缴水费，卡号 ${CARD.mixed}`,
  };
  const before = await snapshot();
  const cases: [Parameters<Backend['call']>[0], string, unknown, string, string][] = [
    [
      'orders',
      'placeOrder',
      orderRequest({ clientKey: 'pay-card-01', description: `退款打到 ${CARD.fullWidth}` }),
      AS.resident,
      'description',
    ],
    [
      'orders',
      'placeOrder',
      orderRequest({ clientKey: 'pay-card-02', timeNote: CARD.dashed }),
      AS.resident,
      'timeNote',
    ],
    [
      'orders',
      'createMenuItem',
      {
        stationId: STATION.jiangbin,
        data: { name: '代缴费', category: 'elder_care', description: `汇款至 ${CARD.spaced}`, delivery: ['home'] },
      },
      AS.staff,
      'data.description',
    ],
    ['orders', 'dispatchOrder', { orderId, assigneeId: 'someone', note: CARD.dotted }, AS.staff, 'note'],
    ['orders', 'declineOrder', { orderId, reason: `请转账 ${CARD.fullWidth} 后再办` }, AS.staff, 'reason'],
    ['orders', 'referOrder', { orderId, to: '街道民政办', note: CARD.spaced }, AS.staff, 'note'],
    ['orders', 'returnOrder', { orderId, reason: CARD.mixed }, AS.staff, 'reason'],
    ['orders', 'cancelOrder', { orderId, reason: CARD.dashed }, AS.resident, 'reason'],
    ['orders', 'closeOrder', { orderId, outcome: 'done', record }, AS.staff, 'record.note'],
    ['orders', 'reopenOrder', { orderId, reason: CARD.fullWidth }, AS.resident, 'reason'],
    ['orders', 'rateOrder', { orderId, score: 1, comment: `钱退到 ${CARD.dotted}` }, AS.resident, 'comment'],
    ['orders', 'replyToRating', { orderId, reply: `已退至 ${CARD.spaced}` }, AS.staff, 'reply'],
  ];
  for (const [fn, action, data, as, field] of cases) await expectScreened(fn, action, data, as, field);
  expect(await snapshot()).toBe(before);
});

it('lets phone numbers, dates and quantities through', async () => {
  const need = await createNeed(b, {
    title: '冬季棉被 20 床',
    description: '2026-12-01 前送到，联系 0571-86002101 或 138 0000 1234',
  });
  const pledge = await b.ok(
    'donations',
    'pledge',
    {
      needId: need.needId,
      stationId: STATION.jiangbin,
      data: pledgeData(b, { message: '１２月３日送到，电话 13800001234，共 4 床' }),
    },
    AS.donor,
  );
  expect(pledge.message).toBe('１２月３日送到，电话 13800001234，共 4 床');
});

it('screens the 捐赠票据 number and the charity’s project page by the same rule: real receipts pass, cards and accounts do not', async () => {
  const charityData = (projectUrl: string) => ({
    centerId: STATION.center,
    data: {
      name: '临江区慈善协会',
      registrationNo: '53330100MJ0000004C',
      projectName: '助餐行动',
      projectUrl,
      howToGive: '在项目页面捐款，慈善协会开具电子捐赠票据',
    },
  });
  const before = await snapshot();
  const card = '6222021234567890128'; // 19 digits, Luhn-valid
  const addCharity = await b.call(
    'donations',
    'addCharity',
    charityData(`https://example.org/give?to=${card}`),
    AS.admin,
  );
  expect(addCharity).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', fields: { 'data.projectUrl': PAYMENT_NUMBER_MESSAGE } },
  });
  expect(await snapshot()).toBe(before);

  // A project page with a long id of its own is a project page.
  const charity = await b.ok(
    'donations',
    'addCharity',
    charityData('https://gongyi.example.org/detail.htm?id=202611220000012345'),
    AS.admin,
  );
  const need = await createNeed(b, {
    title: '助餐资金',
    kind: 'funds_via_charity',
    unit: '元',
    targetQuantity: 10000,
    unitValueFen: 100,
    charityId: charity.charityId,
  });
  const pledge = await b.ok(
    'donations',
    'pledge',
    {
      needId: need.needId,
      stationId: STATION.jiangbin,
      data: pledgeData(b, { quantity: 500, deliveryMethod: 'online_via_charity' }),
    },
    AS.donor,
  );
  const beforeReceipt = await snapshot();
  for (const receiptNo of [
    card,
    '6222-0212-3456-7890-128',
    '4367421234567896',
    '1202021209000012345',
    '330101200000012349',
  ]) {
    const answer = await b.call(
      'donations',
      'recordCharityReceipt',
      { pledgeId: pledge.pledgeId, receiptNo },
      AS.donor,
    );
    expect({ receiptNo, answer }).toMatchObject({
      receiptNo,
      answer: { ok: false, error: { code: 'INVALID_INPUT', fields: { receiptNo: RECEIPT_NUMBER_MESSAGE } } },
    });
  }
  expect(await snapshot()).toBe(beforeReceipt);

  // A real receipt: 票据代码 and 票据号码, apart or together.
  for (const receiptNo of ['330101200000012345', '33010120-0000012349']) {
    const saved = await b.ok('donations', 'recordCharityReceipt', { pledgeId: pledge.pledgeId, receiptNo }, AS.donor);
    expect(saved.receiptNo).toBe(receiptNo);
    expect(saved.timeline.at(-1).label).toContain(receiptNo);
  }
});
