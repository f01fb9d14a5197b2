/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `orders` function on
 * the emulator: a daughter orders 上门探访陪伴 for her father at his station — she switches on
 * 为家人点单, names him and their relationship, gives his address, and the order serves him while
 * staying hers to follow.
 */
import type { Backend } from '../service/support';
import { uid } from '../service/orders-support';
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

const DAUGHTER = 'weapp-family-daughter';
let backend: Backend;

addWxApis({ createSelectorQuery: layoutlessSelectorQuery });
useWeapp(DAUGHTER, (started) => (backend = started));

/** Types into a text field as WeChat would: an `input` event carrying the value. */
function typeInto(page: RenderedPage, id: string, value: string): void {
  const element = page.querySelector(`#${id}`);
  if (!element) throw new Error(`#${id} is not on the page`);
  element.dispatchEvent('input', { detail: { value, cursor: value.length, keyCode: 0 } });
}

test('为家人点单: she names her father and their relationship; the order serves him and stays hers', async () => {
  const answer = await backend.call(
    'accounts',
    'updateProfile',
    { data: { nickname: '刘女士', phone: '13900006666' } },
    DAUGHTER,
  );
  expect(answer.ok).toBe(true);
  const form = await openPage('packages/orders/pages/order/index', { stationId: 'st_LJ0102', itemId: 'mi_lj_visit' });
  await waitFor(() => nodeText(byId(form, 'phone-masked')) === '139****6666', 'her phone prefilled', form);

  tap(form, 'for-other-switch');
  await waitFor(() => byId(form, 'recipient-name-input'), 'the family fields', form);
  typeInto(form, 'recipient-name-input', '刘大爷');
  tap(form, 'relationship-child');
  typeInto(form, 'address-input', '望江社区 8 幢 101');
  typeInto(form, 'description-input', '父亲独居，想请人每周去看看');
  await waitFor(() => nodeText(byId(form, 'relationship-child')) === '✓ 子女', 'the relationship chosen', form);
  tap(form, 'submit-order-button');
  await waitFor(
    () => recorder.navigations.some((n) => n.startsWith('redirectTo /packages/orders/pages/detail/index?orderId=')),
    'the order placed',
    form,
  );
  const orders = (await backend.all('orders')).filter((o) => o.orderedBy === uid(DAUGHTER));
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({
    channel: 'family',
    recipientName: '刘大爷',
    recipientUserId: null,
    relationship: 'child',
    orderedByName: '刘女士',
    address: '望江社区 8 幢 101',
    description: '父亲独居，想请人每周去看看',
    contactPhone: '13900006666',
    stationId: 'st_LJ0102',
    status: 'pending',
  });
  expect(recorder.modals).toEqual([]);
});
