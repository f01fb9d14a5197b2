/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `orders` function on
 * the emulator. 张阿姨's WeChat font is at its largest and her profile keeps 大字模式 on. She orders
 * 助餐送餐 from her station's menu in three taps (item, a time, 提交) with her phone and last
 * address prefilled; the station dispatches it, 小李 takes it and closes it; she rates it on the
 * order's page, where the timeline names 小李 and never the staff member.
 */
import type { Backend } from '../service/support';
import { nextIdNumber, uid } from '../service/orders-support';
import {
  addWxApis,
  byId,
  dataTree,
  findNode,
  layoutlessSelectorQuery,
  nodeText,
  openPage,
  recorder,
  tap,
  textOf,
  waitFor,
  useWeapp,
} from './simulate-env';

jest.setTimeout(90_000);

const RESIDENT = 'dev-resident';
let backend: Backend;

// WeChat's largest font setting: 大字模式 starts on by itself (client/lib/elder-mode.ts).
addWxApis({
  getAppBaseInfo: () => ({ SDKVersion: '3.5.0', fontSizeScaleFactor: 1.4, theme: 'light', language: 'zh_CN' }),
  createSelectorQuery: layoutlessSelectorQuery,
});

useWeapp(RESIDENT, (started) => (backend = started));

beforeAll(async () => {
  // She also keeps 大字模式 on in her profile (pages that read the profile follow it).
  await ok('accounts', 'updateProfile', { data: { elderMode: true } }, RESIDENT);
});

async function ok(fn: string, action: string, data: unknown, as: string): Promise<any> {
  const answer = await backend.call(fn as never, action, data, as);
  if (!answer.ok) throw new Error(`${fn}.${action} as ${as} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

const isElder = (page: Parameters<typeof dataTree>[0]) =>
  Boolean(
    findNode(dataTree(page), (n) =>
      Object.values(n).some((v) => typeof v === 'string' && v.includes('page-shell--elder')),
    ),
  );

let orderId = '';

test('in 大字模式 she orders from the menu in three taps, phone and address prefilled', async () => {
  const menu = await openPage('packages/orders/pages/menu/index', { stationId: 'st_LJ0101' });
  await waitFor(() => byId(menu, 'menu-item-mi_lj_meal'), 'the menu', menu);
  expect(isElder(menu)).toBe(true);
  expect(nodeText(byId(menu, 'menu-station-name'))).toBe('颐和社区社工室');
  expect(nodeText(byId(menu, 'menu-item-mi_lj_meal'))).toContain('24 小时内响应，7 天内办结');
  // The district's items, her 站's and her 室's own; the paused 助浴 is not offered.
  expect(byId(menu, 'menu-item-mi_lj0101_haircut')).toBeDefined();
  expect(byId(menu, 'menu-item-mi_lj01_bath')).toBeUndefined();

  const started = Date.now();
  tap(menu, 'menu-item-mi_lj_meal'); // tap 1
  await waitFor(
    () =>
      recorder.navigations.includes(
        'navigateTo /packages/orders/pages/order/index?stationId=st_LJ0101&itemId=mi_lj_meal',
      ),
    'the order form opened',
  );
  const form = await openPage('packages/orders/pages/order/index', { stationId: 'st_LJ0101', itemId: 'mi_lj_meal' });
  await waitFor(() => nodeText(byId(form, 'phone-masked')) === '138****1111', 'her phone prefilled, masked', form);
  expect(isElder(form)).toBe(true);
  tap(form, 'time-weekday_morning'); // tap 2
  await waitFor(() => nodeText(byId(form, 'time-weekday_morning')) === '✓ 工作日上午', 'the time chosen', form);
  tap(form, 'submit-order-button'); // tap 3
  await waitFor(
    () => recorder.navigations.some((n) => n.startsWith('redirectTo /packages/orders/pages/detail/index?orderId=')),
    'the order placed',
    form,
  );
  const placed = (await backend.all('orders')).filter(
    (o) => o.orderedBy === uid(RESIDENT) && o.itemId === 'mi_lj_meal' && o.createdAt.getTime() >= started - 5_000,
  );
  expect(placed).toHaveLength(1);
  expect(placed[0]).toMatchObject({
    status: 'pending',
    channel: 'self',
    delivery: 'home',
    preferredTime: 'weekday_morning',
    contactPhone: '13800001111',
    // Her last home-service order's address (the seed's 助餐送餐), prefilled.
    address: '颐和社区 3 幢 2 单元 401',
    recipientName: '张阿姨',
  });
  orderId = placed[0]._id;
  expect(recorder.modals).toEqual([]);
});

test('after the station dispatches and 小李 does it, she rates it on the order’s page', async () => {
  expect(orderId).not.toBe('');
  await ok('accounts', 'updateProfile', { data: { nickname: '小李' } }, 'dev-volunteer');
  await ok(
    'volunteering',
    'register',
    {
      data: {
        realName: '李志远',
        idNumber: nextIdNumber(),
        phone: '13800002222',
        emergencyContact: { name: '李母', phone: '13833334444' },
        homeStationId: 'st_LJ01',
      },
    },
    'dev-volunteer',
  );
  await ok('orders', 'dispatchOrder', { orderId, assigneeId: uid('dev-volunteer'), note: '' }, 'dev-staff');
  await ok('orders', 'takeOrder', { orderId }, 'dev-volunteer');
  const later = new Date(backend.clock.now.getTime() + 3 * 3600_000);
  backend.clock.now = later;
  await ok(
    'orders',
    'closeOrder',
    {
      orderId,
      outcome: 'done',
      record: {
        startAt: new Date(later.getTime() - 90 * 60_000).toISOString(),
        minutes: 60,
        method: 'home_visit',
        note: '午餐送到家',
      },
    },
    'dev-volunteer',
  );

  const page = await openPage('packages/orders/pages/detail/index', { orderId });
  await waitFor(() => nodeText(byId(page, 'order-status')).includes('已办结，待您确认'), 'the closed order', page);
  expect(nodeText(byId(page, 'order-assignee'))).toBe('小李');
  expect(nodeText(byId(page, 'order-phone'))).toBe('13800001111');
  const timeline = nodeText(byId(page, 'order-timeline'));
  expect(timeline).toContain('您 提交服务单');
  expect(timeline).toContain('社工站 派单给 小李');
  expect(timeline).toContain('小李 已接单');
  expect(timeline).toContain('小李 已办结');
  expect(textOf(page)).not.toContain('王社工');
  expect(byId(page, 'confirm-order-button')).toBeDefined();

  tap(page, 'star-5');
  await waitFor(() => nodeText(byId(page, 'rating-words')) === '非常满意', 'five stars chosen', page);
  tap(page, 'submit-rating-button');
  await waitFor(() => nodeText(byId(page, 'order-status')).includes('已完成'), 'rated and closed', page);
  const stored = (await backend.all('orders')).find((o) => o._id === orderId);
  expect(stored).toMatchObject({ status: 'closed', rating: { score: 5, bad: false } });
  expect(recorder.calls).toEqual(expect.arrayContaining(['orders.listMenu', 'orders.placeOrder', 'orders.rateOrder']));
  expect(recorder.modals).toEqual([]);
});
