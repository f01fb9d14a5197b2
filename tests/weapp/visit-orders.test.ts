/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `targets` and
 * `orders` functions on the emulator: 王社工 opens 异常待跟进, taps 转为服务单 on a visit's
 * abnormal finding, sees for whom and the note in the confirmation, picks a service from the
 * station's menu and confirms; the card then says 已转服务单 and opens the order, the database
 * holds one order linked from the visit, and a second tap elsewhere changes nothing.
 */
import type { Backend } from '../service/support';
import {
  byId,
  layoutlessSelectorQuery,
  addWxApis,
  nodeText,
  openPage,
  recorder,
  tap,
  waitFor,
  useWeapp,
} from './simulate-env';

jest.setTimeout(90_000);

const STAFF = 'dev-staff';
let backend: Backend;

addWxApis({ createSelectorQuery: layoutlessSelectorQuery });
useWeapp(STAFF, (started) => {
  backend = started;
});

async function ok(fn: Parameters<Backend['call']>[0], action: string, data: unknown): Promise<any> {
  const answer = await backend.call(fn, action, data, STAFF);
  if (!answer.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

test('staff turn an abnormal finding into a service order from the 异常待跟进 queue', async () => {
  const now = backend.clock.now;
  // Registered a month ago, visited an hour ago: gas abnormal, with a follow-up.
  backend.clock.now = new Date(now.getTime() - 30 * 86_400_000);
  const { targetId } = await ok('targets', 'createTarget', {
    stationId: 'st_LJ0101',
    data: {
      name: '钱阿公',
      gender: 'male',
      birthYear: 1936,
      phones: ['13700040001'],
      address: { area: '颐和社区', building: '7幢', room: '102' },
      guardian: null,
      categories: ['living_alone', 'dibao'],
      tier: 'high',
      tierReason: '高龄独居',
      notes: '',
      consent: {
        status: 'given',
        by: 'self',
        method: 'verbal_witnessed',
        at: backend.clock.now.toISOString(),
        witness: '网格员小钱',
      },
    },
  });
  backend.clock.now = now;
  const start = new Date(now.getTime() - 60 * 60_000);
  const { visitId } = await ok('targets', 'recordVisit', {
    clientId: 'weapp-visit-order',
    targetId,
    data: {
      method: 'door',
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      checklist: { speech: 'ok', gas: 'abnormal' },
      summary: '',
      followUp: {
        note: '燃气灶打不着火，请上门查看',
        dueDate: new Date(now.getTime() + 3 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10),
      },
    },
  });

  const queue = await openPage('packages/targets/pages/queue/index', { stationId: 'st_LJ01', tab: 'followUps' });
  await waitFor(() => byId(queue, `to-order-${visitId}`), 'the 转为服务单 button', queue);
  expect(nodeText(byId(queue, `to-order-${visitId}`))).toBe('转为服务单');
  tap(queue, `to-order-${visitId}`);
  const summary = await waitFor(() => byId(queue, 'visit-order-summary'), 'the confirmation', queue);
  expect(nodeText(summary)).toContain('服务对象：钱**');
  expect(nodeText(summary)).toContain('需求说明：燃气灶打不着火，请上门查看');
  await waitFor(() => byId(queue, 'visit-order-menu-mi_lj_visit'), 'the station menu', queue);
  tap(queue, 'visit-order-menu-mi_lj_visit');
  await waitFor(
    () => nodeText(byId(queue, 'visit-order-menu-mi_lj_visit')).startsWith('✓'),
    'the chosen service',
    queue,
  );
  // Nothing is created before the confirmation.
  expect((await backend.all('orders')).filter((o) => o.source?.visitId === visitId)).toEqual([]);
  tap(queue, 'confirm-visit-order-button');

  await waitFor(() => byId(queue, `ordered-${visitId}`), '已转服务单 on the card', queue);
  expect(nodeText(byId(queue, `ordered-${visitId}`))).toBe('✓ 已转服务单');
  const orders = (await backend.all('orders')).filter((o) => o.source?.visitId === visitId);
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({
    stationId: 'st_LJ0101',
    itemId: 'mi_lj_visit',
    channel: 'visit',
    recipientName: '钱阿公',
    description: '燃气灶打不着火，请上门查看',
    address: '颐和社区7幢102',
    source: { kind: 'visit', visitId, item: 'gas' },
  });
  expect(JSON.stringify(orders[0])).not.toContain('dibao');
  const visit = (await backend.all('visits')).find((v) => v._id === visitId);
  expect(visit.followUp.orderId).toBe(orders[0]._id);

  tap(queue, `open-order-${visitId}`);
  await waitFor(
    () =>
      recorder.navigations.some((n) => n.includes('packages/orders/pages/detail/index') && n.includes(orders[0]._id)),
    'the order page to open',
    queue,
  );

  // The queue no longer lists it (miniprogram-simulate loads a page once per file: ask the function).
  const queueAgain = await backend.call('targets', 'listFollowUps', { stationId: 'st_LJ01' }, STAFF);
  expect(queueAgain.ok).toBe(true);
  expect(JSON.stringify(queueAgain)).not.toContain(visitId);
  expect(recorder.calls.filter((c) => c === 'orders.createFromVisit')).toHaveLength(1);
  expect(recorder.templateWarnings).toEqual([]);
});
