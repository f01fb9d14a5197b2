/**
 * WeChat subscription messages for service orders: each acceptance the client records (from the
 * taps docs/client.md lists) pays for exactly one message through the open API, spent on the
 * person's next order notice; every notice also lands in 消息, marked sent or skipped. Observed
 * through the emulator's record of open-API calls, as the waitlist and donation tests do.
 */
import { AS, DAY, HOUR, STATION, advance, orderRequest, registerVolunteer, runTimer, uid } from './orders-support';
import { startBackend, type Backend } from './support';

const TEMPLATE = 'tplOrderUpdate01';
const RESIDENT = 'subs-resident';
const WORKER = 'subs-worker';
let b: Backend;

beforeAll(async () => {
  process.env.WX_TEMPLATE_ORDER = TEMPLATE;
  b = await startBackend();
  await b.ok('accounts', 'updateProfile', { data: { nickname: '钱阿姨', phone: '13800002222' } }, RESIDENT);
  await registerVolunteer(b, WORKER, STATION.jiangbin, '小孙');
});
afterAll(async () => {
  delete process.env.WX_TEMPLATE_ORDER;
  await b.close();
});

/** The subscription messages sent so far, as `openid: title` lines, in the order they went. */
async function sent(): Promise<string[]> {
  const calls = (await (
    await fetch(`${b.emulator.url}/emulator/wx-api-calls`, { headers: b.controlHeaders })
  ).json()) as { apiName: string; request: any }[];
  return calls
    .filter((c) => c.apiName === 'cgi-bin/message/subscribe/send' && c.request?.template_id === TEMPLATE)
    .map((c) => `${c.request.touser}: ${c.request.data.thing1.value}`);
}

/** The order's 消息 rows as `userId title delivery`, in the order they were written. */
async function outbox(orderId: string): Promise<string[]> {
  return (await b.all('messages'))
    .filter((m) => m.orderId === orderId)
    .sort((x, y) => new Date(x.createdAt).getTime() - new Date(y.createdAt).getTime())
    .map((m) => `${m.userId} ${m.title} ${m.delivery}`);
}

/** A tap that asked and was accepted: what `requestOrderNotice` records. */
const accept = (openid: string) => b.ok('accounts', 'recordSubscription', { templateIds: [TEMPLATE] }, openid);

it('sends each order notice through the subscription sender exactly once, while the person has an acceptance', async () => {
  // The order form's 提交 (resident) and two earlier 接单 taps (worker) were accepted.
  await accept(RESIDENT);
  await accept(WORKER);
  await accept(WORKER);
  const placed = await b.ok('orders', 'placeOrder', orderRequest(), RESIDENT);
  const id = placed.orderId as string;

  await b.ok('orders', 'dispatchOrder', { orderId: id, assigneeId: uid(WORKER), note: '' }, AS.staff);
  expect(await sent()).toEqual([`${WORKER}: 您有新的派单`]);

  advance(b, HOUR);
  await b.ok('orders', 'takeOrder', { orderId: id }, WORKER);
  expect(await sent()).toEqual([`${WORKER}: 您有新的派单`, `${RESIDENT}: 您的服务单已被接单`]);

  // Within the last day before the 7-day completion deadline (24:00 Beijing) the worker (and the station's staff) are reminded;
  // a second run of the timer sends nothing more.
  advance(b, 6 * DAY + 14 * HOUR);
  await runTimer(b);
  await runTimer(b);
  expect((await outbox(id)).filter((r) => r.includes('服务单即将到期')).sort()).toEqual(
    [`${uid(AS.staff)} 服务单即将到期 skipped`, `${uid(WORKER)} 服务单即将到期 sent`].sort(),
  );
  const reminded = [`${WORKER}: 您有新的派单`, `${RESIDENT}: 您的服务单已被接单`, `${WORKER}: 服务单即将到期`];
  expect(await sent()).toEqual(reminded);

  // The resident's acceptance is spent: 办结 reaches her in 消息 only.
  await b.ok(
    'orders',
    'closeOrder',
    {
      orderId: id,
      outcome: 'done',
      reason: '',
      record: {
        startAt: new Date(b.clock.now.getTime() - 2 * HOUR).toISOString(),
        minutes: 60,
        method: 'home_visit',
        note: '送餐到家',
      },
    },
    WORKER,
  );
  expect(await sent()).toEqual(reminded);

  // 提交评价 asked again and was accepted: the station's reply goes out by WeChat.
  await accept(RESIDENT);
  await b.ok('orders', 'rateOrder', { orderId: id, score: 3, comment: '还行' }, RESIDENT);
  await b.ok('orders', 'replyToRating', { orderId: id, reply: '谢谢您，我们会改进' }, AS.staff);
  expect(await sent()).toEqual([...reminded, `${RESIDENT}: 社工站回复了您的评价`]);

  const rows = await outbox(id);
  expect(rows.filter((r) => r.endsWith(' sent'))).toEqual([
    `${uid(WORKER)} 您有新的派单 sent`,
    `${uid(RESIDENT)} 您的服务单已被接单 sent`,
    `${uid(WORKER)} 服务单即将到期 sent`,
    `${uid(RESIDENT)} 社工站回复了您的评价 sent`,
  ]);
  expect(rows).toContain(`${uid(RESIDENT)} 服务已办结，请确认并评价 skipped`);
  const users = await b.all('users');
  expect(users.find((u) => u._id === uid(WORKER)).subscriptions).toEqual({ [TEMPLATE]: 0 });
  expect(users.find((u) => u._id === uid(RESIDENT)).subscriptions).toEqual({ [TEMPLATE]: 0 });
});
