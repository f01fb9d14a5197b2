/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `orders` function on
 * the emulator: volunteer 小李 finds the order the station dispatched to him under 我的工单, takes it
 * (one conditional write), sets a time, and after the visit records it with a few taps and closes
 * it — his hour goes to the station's review queue, not to his ledger.
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
  type RenderedPage,
} from './simulate-env';

jest.setTimeout(90_000);

const VOLUNTEER = 'dev-volunteer';
let backend: Backend;

addWxApis({ createSelectorQuery: layoutlessSelectorQuery, makePhoneCall: () => undefined });
useWeapp(VOLUNTEER, (started) => (backend = started));

async function ok(fn: string, action: string, data: unknown, as: string): Promise<any> {
  const answer = await backend.call(fn as never, action, data, as);
  if (!answer.ok) throw new Error(`${fn}.${action} as ${as} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

function typeInto(page: RenderedPage, id: string, value: string): void {
  const element = page.querySelector(`#${id}`);
  if (!element) throw new Error(`#${id} is not on the page`);
  element.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
}

test('我的工单 → 接单 → 约时间 → 记录服务并办结; the hour waits for the station', async () => {
  await ok('accounts', 'updateProfile', { data: { nickname: '小李' } }, VOLUNTEER);
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
    VOLUNTEER,
  );
  // Placed and dispatched three hours ago (the visit happens in between).
  const now = new Date();
  backend.clock.now = new Date(now.getTime() - 3 * 3600_000);
  const placed = await ok('orders', 'placeOrder', orderRequest({ itemId: 'mi_lj_visit' }), 'dev-resident');
  await ok('orders', 'dispatchOrder', { orderId: placed.orderId, assigneeId: uid(VOLUNTEER), note: '' }, 'dev-staff');
  backend.clock.now = new Date();

  const work = await openPage('packages/orders/pages/work/index');
  await waitFor(() => byId(work, `order-${placed.orderId}`), 'the dispatched order under 我的待办', work);
  expect(nodeText(byId(work, `order-${placed.orderId}`))).toContain('已派单，待接单');

  const page = await openPage('packages/orders/pages/detail/index', { orderId: placed.orderId });
  await waitFor(() => byId(page, 'take-order-button'), 'the take button', page);
  tap(page, 'take-order-button');
  await waitFor(() => nodeText(byId(page, 'order-status')).includes('办理中'), 'taken', page);
  // Now his to serve: the full phone and a call button.
  expect(nodeText(byId(page, 'order-phone'))).toBe('13800001111');
  expect(byId(page, 'call-resident-button')).toBeDefined();

  const chip = ['schedule-tomorrow-am', 'schedule-tomorrow-pm', 'schedule-after-am'].find((id) => byId(page, id))!;
  tap(page, chip);
  await waitFor(() => byId(page, 'order-scheduled'), 'the appointment', page);

  backend.clock.now = new Date();
  tap(page, 'close-order-button');
  await waitFor(() => byId(page, 'minutes-60'), 'the close dialog', page);
  expect(nodeText(byId(page, 'hours-note'))).toBe('服务时长将提交给社工站核实，核实后计入志愿服务时长。');
  tap(page, 'method-home_visit');
  typeInto(page, 'record-note-input', '陪老人聊天，检查了燃气和电源');
  await waitFor(() => nodeText(byId(page, 'method-home_visit')).startsWith('✓'), 'the method chosen', page);
  tap(page, 'confirm-close-button');
  await waitFor(() => nodeText(byId(page, 'order-status')).includes('已办结'), 'closed', page);
  expect(textOf(page)).toContain('陪老人聊天，检查了燃气和电源');
  expect(textOf(page)).toContain('志愿时长已提交社工站核实');

  const claim = (await backend.all('hourClaims')).find((c) => c.orderId === placed.orderId);
  expect(claim).toMatchObject({ status: 'pending', minutes: 60, volunteerId: uid(VOLUNTEER) });
  expect((await backend.all('hourEntries')).filter((e) => e.volunteerId === uid(VOLUNTEER))).toEqual([]);
  expect(recorder.calls).toEqual(
    expect.arrayContaining(['orders.listMyWork', 'orders.takeOrder', 'orders.closeOrder']),
  );
  expect(recorder.modals).toEqual([]);
});
