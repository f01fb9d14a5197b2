/**
 * The REAL weapp build (dist/weapp) rendered by miniprogram-simulate, with cloud calls routed to
 * the REAL `donations` and `accounts` functions on the database emulator (demo district seeded):
 * a need published by staff shows on the 公益 tab with its progress in its own unit and no
 * no-money notice; the need page says where and when to deliver and opens WeChat's map of the
 * station; once staff confirm the arrival, the donor sees the unread count on the 我的 tab, the
 * message under 消息, and a tap opens 我的捐赠.
 */
import type { Backend } from '../service/support';
import { addWxApis, byId, nodeText, openPage, recorder, tap, textOf, waitFor, useWeapp } from './simulate-env';

jest.setTimeout(60_000);

const maps: Record<string, unknown>[] = [];
const badges: string[] = [];
addWxApis({
  openLocation: (o: Record<string, unknown> & { success?: (r: unknown) => void }) => {
    const {
      success,
      fail: _f,
      complete: _c,
      ...place
    } = o as Record<string, unknown> & {
      success?: (r: unknown) => void;
      fail?: unknown;
      complete?: unknown;
    };
    maps.push(place);
    setTimeout(() => success?.({ errMsg: 'openLocation:ok' }), 0);
  },
  setTabBarBadge: (o: { index: number; text: string; success?: (r: unknown) => void }) => {
    badges.push(`${o.index}:${o.text}`);
    setTimeout(() => o.success?.({ errMsg: 'setTabBarBadge:ok' }), 0);
  },
  removeTabBarBadge: (o: { index: number; success?: (r: unknown) => void }) => {
    badges.push(`${o.index}:-`);
    setTimeout(() => o.success?.({ errMsg: 'removeTabBarBadge:ok' }), 0);
  },
});

let backend: Backend;
let needId = '';

useWeapp('dev-donor', (started) => (backend = started));

test('公益 tab: a need published by staff shows with its progress in its own unit, and no no-money notice', async () => {
  const need = await backend.ok(
    'donations',
    'createNeed',
    {
      stationId: 'st_LJ01',
      data: {
        title: '助老轮椅（weapp）',
        kind: 'goods',
        unit: '辆',
        targetQuantity: 4,
        unitValueFen: 50_000,
        deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
        beneficiaryGroup: '残疾人',
        description: '',
      },
    },
    'dev-staff',
  );
  needId = need.needId;

  const page = await openPage('pages/donate/index');
  await waitFor(() => byId(page, `need-${needId}`), 'the need on the 公益 tab', page);
  const card = nodeText(byId(page, `need-${needId}`));
  expect(card).toContain('已接收 0 / 目标 4 辆（0%）');
  expect(card).toContain('已认捐 0 辆');
  expect(card).toContain('受益群体：残疾人');
  expect(byId(page, 'no-money-notice')).toBeUndefined();
  expect(textOf(page)).not.toContain('不经手任何款项');
  // The demo district's open needs are there too, each in its own unit.
  expect(textOf(page)).toContain('已接收 20 / 目标 40 袋（50%）');
  expect(recorder.calls).toEqual(expect.arrayContaining(['donations.listNeeds']));
  expect(recorder.modals).toEqual([]);
});

test('need page: where and when to deliver — address, hours, phone — and WeChat’s map of the station', async () => {
  const page = await openPage('packages/donation/pages/need/index', { needId });
  await waitFor(() => byId(page, 'delivery-address'), 'the delivery card', page);
  expect(nodeText(byId(page, 'delivery-station'))).toBe('江滨街道社工站');
  expect(nodeText(byId(page, 'delivery-address'))).toBe('江滨街道滨江路 12 号党群服务中心 1 楼');
  expect(nodeText(byId(page, 'delivery-hours'))).toBe('周一至周五 8:30–17:30，周六 9:00–12:00');
  expect(nodeText(byId(page, 'delivery-phone'))).toBe('0571-86002101');
  expect(byId(page, 'no-money-notice')).toBeUndefined();
  tap(page, 'delivery-map-button');
  await waitFor(() => maps.length > 0, 'wx.openLocation', page);
  expect(maps).toEqual([
    {
      latitude: 30.236,
      longitude: 120.1925,
      name: '江滨街道社工站',
      address: '江滨街道滨江路 12 号党群服务中心 1 楼',
      scale: 16,
    },
  ]);
  expect(recorder.modals).toEqual([]);
});

test('after the station confirms the arrival: a badge on 我的, the message under 消息, a tap opens 我的捐赠', async () => {
  const pledge = await backend.ok(
    'donations',
    'pledge',
    {
      needId,
      stationId: 'st_LJ01',
      data: {
        quantity: 2,
        deliveryMethod: 'drop_off',
        expectedDate: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        anonymous: false,
        donorName: '陈先生',
        contactPhone: '13800003333',
      },
    },
    'dev-donor',
  );
  await backend.ok('donations', 'confirmArrival', { pledgeId: pledge.pledgeId, receivedQuantity: 2 }, 'dev-staff');

  const mine = await openPage('pages/mine/index');
  await waitFor(() => byId(mine, 'messages-entry-badge'), 'the unread count', mine);
  expect(nodeText(byId(mine, 'messages-entry-badge'))).toBe('1 条未读');
  await waitFor(() => badges.includes('3:1'), 'the badge on the 我的 tab', mine);

  const messages = await openPage('packages/messages/pages/list/index');
  await waitFor(() => textOf(messages).includes('站点已收到您的捐赠'), 'the message', messages);
  expect(textOf(messages)).toContain(
    '江滨街道社工站已收到您为「助老轮椅（weapp）」捐赠的 2辆。每一笔去向都会告诉您，谢谢您的爱心！',
  );
  expect(textOf(messages)).toContain('查看我的捐赠 ›');
  const row = (await backend.all('messages')).find((m) => m.kind === 'pledge_received');
  tap(messages, `message-${row._id}`);
  await waitFor(
    () => recorder.navigations.includes('navigateTo /packages/donation/pages/my-pledges/index'),
    'opening 我的捐赠',
    messages,
  );
  expect(recorder.modals).toEqual([]);
});
