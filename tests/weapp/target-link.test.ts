/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `targets` and
 * `orders` functions on the emulator: a service target's menu item is closed to him until he
 * links his account — the menu tells him how; he enters the 绑定码 staff gave him under
 * 我的 → 绑定服务对象 as 本人, and then orders 康复指导 himself (ADR 0027). That the menu then
 * stops explaining is service-tested (target-links.test.ts: a page loads once per weapp test file).
 */
import type { Backend } from '../service/support';
import { uid } from '../service/orders-support';
import { targetInput } from '../service/targets-support';
import {
  addWxApis,
  byId,
  layoutlessSelectorQuery,
  nodeText,
  openPage,
  recorder,
  tap,
  waitFor,
  useWeapp,
  type RenderedPage,
} from './simulate-env';

jest.setTimeout(90_000);

const ELDER = 'weapp-link-elder';
let backend: Backend;

addWxApis({ createSelectorQuery: layoutlessSelectorQuery });
useWeapp(ELDER, (started) => (backend = started));

/** Types into a text field as WeChat would: an `input` event carrying the value. */
function typeInto(page: RenderedPage, id: string, value: string): void {
  const element = page.querySelector(`#${id}`);
  if (!element) throw new Error(`#${id} is not on the page`);
  element.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
}

async function ok(fn: 'targets' | 'accounts', action: string, data: unknown, as: string): Promise<any> {
  const answer = await backend.call(fn, action, data, as);
  if (!answer.ok) throw new Error(`${fn}.${action}: ${answer.error.code}`);
  return answer.data;
}

test('绑定码 → 仅限服务对象: the menu explains, he links as 本人 in 我的, then orders the item himself', async () => {
  await ok('accounts', 'updateProfile', { data: { nickname: '周大爷', phone: '13900007777' } }, ELDER);
  const target = await ok('targets', 'createTarget', { stationId: 'st_LJ0101', data: targetInput() }, 'dev-staff');
  const { code } = await ok('targets', 'createTargetLinkCode', { targetId: target.targetId }, 'dev-staff');

  const menu = await openPage('packages/orders/pages/menu/index', { stationId: 'st_LJ0101' });
  await waitFor(
    () => nodeText(byId(menu, 'menu-item-note-mi_lj_rehab')).includes('请向社工索取绑定码'),
    'the 仅限服务对象 explanation',
    menu,
  );
  tap(menu, 'menu-item-mi_lj_rehab');
  await waitFor(
    () => recorder.navigations.some((n) => n.includes('/packages/targets/pages/link/index')),
    'the item leads to 绑定服务对象',
    menu,
  );

  const link = await openPage('packages/targets/pages/link/index');
  await waitFor(() => byId(link, 'link-code-input'), 'the 绑定码 form', link);
  typeInto(link, 'link-code-input', `${code.slice(0, 5)}-${code.slice(5)}`);
  tap(link, 'link-role-self');
  await waitFor(() => nodeText(byId(link, 'link-role-self')).startsWith('✓'), '本人 chosen', link);
  tap(link, 'redeem-link-code-button');
  await waitFor(() => nodeText(byId(link, 'target-linked-as')) === '您的身份：本人', 'linked as 本人', link);

  const form = await openPage('packages/orders/pages/order/index', { stationId: 'st_LJ0101', itemId: 'mi_lj_rehab' });
  await waitFor(() => nodeText(byId(form, 'phone-masked')) === '139****7777', 'his phone prefilled', form);
  typeInto(form, 'address-input', '颐和社区 3 幢 2 单元 301');
  tap(form, 'submit-order-button');
  await waitFor(
    () => recorder.navigations.some((n) => n.startsWith('redirectTo /packages/orders/pages/detail/index?orderId=')),
    'the order placed',
    form,
  );
  const orders = (await backend.all('orders')).filter((o) => o.orderedBy === uid(ELDER));
  expect(orders).toMatchObject([
    { itemId: 'mi_lj_rehab', channel: 'self', recipientName: '周大爷', status: 'pending' },
  ]);
  expect(recorder.modals).toEqual([]);
});
