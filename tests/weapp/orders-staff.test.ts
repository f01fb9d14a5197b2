/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `orders` function on
 * the emulator. 王社工 finds a new order in 服务单管理 and dispatches it to volunteer 小李 from the
 * order's page; the 中心's 刘主任 sees an overdue order of the district on the console.
 */
import type { Backend } from '../service/support';
import { nextIdNumber, orderRequest, uid } from '../service/orders-support';
import {
  addWxApis,
  byId,
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

let backend: Backend;
let caller = 'dev-staff';

addWxApis({ createSelectorQuery: layoutlessSelectorQuery });
useWeapp(
  () => caller,
  (started) => (backend = started),
);

async function ok(fn: string, action: string, data: unknown, as: string): Promise<any> {
  const answer = await backend.call(fn as never, action, data, as);
  if (!answer.ok) throw new Error(`${fn}.${action} as ${as} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

beforeAll(async () => {
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
});

test('服务单管理: a new order is listed by its deadline; staff dispatch it to a volunteer from its page', async () => {
  const placed = await ok('orders', 'placeOrder', orderRequest({ itemId: 'mi_lj_visit' }), 'dev-resident');
  caller = 'dev-staff';
  const queue = await openPage('packages/orders/pages/queue/index');
  await waitFor(() => byId(queue, `order-${placed.orderId}`), 'the new order in the queue', queue);
  const card = nodeText(byId(queue, `order-${placed.orderId}`));
  expect(card).toContain('上门探访陪伴');
  expect(card).toContain('待接单');
  expect(card).toContain('居民自助点单');
  expect(card).toMatch(/请于 .+ 前响应/);
  expect(nodeText(byId(queue, 'order-station-picker'))).toContain('江滨街道社工站');

  const page = await openPage('packages/orders/pages/detail/index', { orderId: placed.orderId });
  await waitFor(() => byId(page, 'dispatch-order-button'), 'the dispatch button', page);
  // Staff see the phone masked; the address is there to plan the visit.
  expect(nodeText(byId(page, 'order-phone'))).toBe('138****1111');
  expect(nodeText(byId(page, 'order-address'))).toBe('颐和社区 3 幢 2 单元 401');
  tap(page, 'dispatch-order-button');
  await waitFor(() => byId(page, `worker-${uid('dev-volunteer')}`), 'the volunteer among the workers', page);
  expect(nodeText(byId(page, `worker-${uid('dev-volunteer')}`))).toBe('小李（志愿者）');
  expect(nodeText(byId(page, `worker-${uid('dev-staff')}`))).toBe('王社工（社工）');
  tap(page, `worker-${uid('dev-volunteer')}`);
  await waitFor(
    () => nodeText(byId(page, `worker-${uid('dev-volunteer')}`)).startsWith('✓'),
    'the volunteer chosen',
    page,
  );
  tap(page, 'confirm-dispatch-button');
  await waitFor(() => nodeText(byId(page, 'order-status')).includes('已派单'), 'dispatched', page);
  expect(nodeText(byId(page, 'order-assignee'))).toBe('小李');
  expect(nodeText(byId(page, 'order-timeline'))).toContain('王社工 派单给 小李');
  const stored = (await backend.all('orders')).find((o) => o._id === placed.orderId);
  expect(stored).toMatchObject({ status: 'assigned', assigneeId: uid('dev-volunteer'), assigneeKind: 'volunteer' });
  const messages = (await backend.all('messages')).filter((m) => m.orderId === placed.orderId);
  expect(messages.map((m) => `${m.userId} ${m.title}`)).toEqual([`${uid('dev-volunteer')} 您有新的派单`]);
  expect(recorder.modals).toEqual([]);
});

test('工作台 of the 中心: an overdue order of the district shows on the console', async () => {
  caller = 'dev-admin';
  const page = await openPage('packages/console/pages/index/index');
  // The seed's 农忙托老 at 钟埭村 waited four days for an answer due within 24 hours.
  await waitFor(() => byId(page, 'console-overdue-o_demo_06'), 'the overdue order on the console', page);
  expect(nodeText(byId(page, 'console-overdue-o_demo_06'))).toContain('钟埭村社工室 · 农忙托老');
  expect(Number(nodeText(byId(page, 'orders-overdue')).match(/^\d+/)?.[0])).toBeGreaterThanOrEqual(1);
  for (const card of ['orders-todayNew', 'orders-open', 'orders-awaitingRating', 'orders-badRatings']) {
    expect(nodeText(byId(page, card))).toMatch(/^\d+/);
  }
  expect(textOf(page)).toContain('差评待跟进');
  expect(recorder.calls).toContain('orders.getConsole');
});
