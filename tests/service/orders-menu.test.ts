/**
 * The service menu (服务清单) through the real `orders` function on the emulator: a 中心's district
 * menu that stations inherit and extend, items paused, edits conditional and audited, and who
 * may edit what.
 */
import { AS, ITEM, STATION, grantRole, orderRequest, snapshotOf } from './orders-support';
import { startBackend, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const ids = (menu: { items: { itemId: string }[] }) => menu.items.map((i) => i.itemId);
const DISTRICT = [
  'mi_lj_meal',
  'mi_lj_visit',
  'mi_lj_policy',
  'mi_lj_errands',
  'mi_lj_counsel',
  'mi_lj_legal',
  'mi_lj_jobs',
  'mi_lj_kids',
  'mi_lj_rehab',
  'mi_lj_repair',
  'mi_lj_adapt',
];

function itemInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '陪同就医',
    category: 'elder_care',
    description: '社工或志愿者陪同老人去医院',
    delivery: ['home'],
    ...overrides,
  };
}

describe('the menu a station shows', () => {
  it('gives a 室 the district menu, then its 站’s items, then its own — never a sibling’s, never paused ones', async () => {
    const menu = await b.ok('orders', 'listMenu', { stationId: STATION.yihe });
    expect(menu.stationName).toBe('颐和社区社工室');
    expect(ids(menu)).toEqual([...DISTRICT, ITEM.phone, ITEM.haircut]);
    expect(ids(await b.ok('orders', 'listMenu', { stationId: STATION.zhongdai }))).toEqual([...DISTRICT, ITEM.farm]);
    expect(ids(await b.ok('orders', 'listMenu', { stationId: STATION.center }))).toEqual(DISTRICT);
  });

  it('states the allowance in force: the policy for the item’s class, or the item’s own hours', async () => {
    const menu = await b.ok('orders', 'listMenu', { stationId: STATION.yihe });
    const byId = new Map(menu.items.map((i: any) => [i.itemId, i]));
    expect(byId.get(ITEM.meal)).toMatchObject({
      responseHours: 24,
      completionHours: 168,
      ownResponseHours: null,
      inherited: true,
      ownerName: '临江区社会工作服务指导中心',
      delivery: ['home', 'station'],
    });
    expect(byId.get(ITEM.legal)).toMatchObject({ timeClass: 'complex', responseHours: 24, completionHours: 360 });
    expect(byId.get(ITEM.haircut)).toMatchObject({ responseHours: 48, ownResponseHours: 48, inherited: false });
    expect(byId.get(ITEM.rehab)).toMatchObject({ audience: 'targets' });
    expect(menu.urgent).toEqual({ responseHours: 2, completionHours: 24 });
  });

  it('shows staff paused items and which items they may edit', async () => {
    const menu = await b.ok('orders', 'listStaffMenu', { stationId: STATION.jiangbin }, AS.staff);
    const byId = new Map(menu.items.map((i: any) => [i.itemId, i]));
    expect(byId.get(ITEM.bath)).toMatchObject({ status: 'paused', canEdit: true, inherited: false });
    expect(byId.get(ITEM.meal)).toMatchObject({ status: 'active', canEdit: false, inherited: true });
    expect(await b.refused('orders', 'listStaffMenu', { stationId: STATION.zhongdai }, AS.staff)).toBe('FORBIDDEN');
  });
});

describe('editing the menu', () => {
  it('lets station staff extend their station’s menu: their 室 inherit it, a sibling does not; audited', async () => {
    const item = await b.ok('orders', 'createMenuItem', { stationId: STATION.jiangbin, data: itemInput() }, AS.staff);
    expect(item).toMatchObject({
      ownerId: STATION.jiangbin,
      status: 'active',
      responseHours: 24,
      completionHours: 168,
    });
    expect(ids(await b.ok('orders', 'listMenu', { stationId: STATION.yihe }))).toContain(item.itemId);
    expect(ids(await b.ok('orders', 'listMenu', { stationId: STATION.zhongdai }))).not.toContain(item.itemId);
    const audit = (await b.all('auditLog')).filter((a) => a.entityId === item.itemId);
    expect(audit.map((a) => a.action)).toEqual(['menu.create']);
  });

  it('lets a 中心 admin publish to the district menu, which every station inherits', async () => {
    const item = await b.ok(
      'orders',
      'createMenuItem',
      { stationId: STATION.center, data: itemInput({ name: '防诈骗咨询', category: 'policy', delivery: ['phone'] }) },
      AS.admin,
    );
    for (const stationId of [STATION.yihe, STATION.zhongdai, STATION.shenjia]) {
      expect(ids(await b.ok('orders', 'listMenu', { stationId }))).toContain(item.itemId);
    }
  });

  it('refuses staff at the district menu or a sibling station, and edits of items they do not own', async () => {
    const before = await snapshotOf(b, ['menuItems', 'auditLog']);
    expect(
      await b.refused('orders', 'createMenuItem', { stationId: STATION.center, data: itemInput() }, AS.staff),
    ).toBe('FORBIDDEN');
    expect(
      await b.refused('orders', 'createMenuItem', { stationId: STATION.zhongdai, data: itemInput() }, AS.staff),
    ).toBe('FORBIDDEN');
    expect(
      await b.refused('orders', 'updateMenuItem', { itemId: ITEM.meal, data: itemInput({ name: '改名' }) }, AS.staff),
    ).toBe('FORBIDDEN');
    expect(await b.refused('orders', 'setMenuItemStatus', { itemId: ITEM.farm, status: 'paused' }, AS.staff)).toBe(
      'FORBIDDEN',
    );
    expect(
      await b.refused('orders', 'createMenuItem', { stationId: STATION.yihe, data: itemInput() }, AS.resident),
    ).toBe('FORBIDDEN');
    expect(await snapshotOf(b, ['menuItems', 'auditLog'])).toBe(before);
  });

  it('refuses an item that would answer after it finishes, writing nothing', async () => {
    const before = await snapshotOf(b, ['menuItems']);
    const answer = await b.call(
      'orders',
      'createMenuItem',
      { stationId: STATION.jiangbin, data: itemInput({ responseHours: 200, completionHours: 100 }) },
      AS.staff,
    );
    expect(answer.ok).toBe(false);
    if (!answer.ok)
      expect(answer.error).toMatchObject({ code: 'INVALID_INPUT', fields: { 'data.responseHours': '最多7天' } });
    // Each within bounds, but a week to answer something due in 100 hours is refused.
    const longer = await b.call(
      'orders',
      'createMenuItem',
      { stationId: STATION.jiangbin, data: itemInput({ responseHours: 168, completionHours: 100 }) },
      AS.staff,
    );
    expect(longer.ok ? 'ok' : longer.error.userMessage).toBe('响应时限不能长于办结时限');
    expect(await snapshotOf(b, ['menuItems'])).toBe(before);
  });

  it('updates an item conditionally on the revision seen, and pauses and resumes it', async () => {
    const item = await b.ok(
      'orders',
      'createMenuItem',
      { stationId: STATION.jiangbin, data: itemInput({ name: '陪同购物' }) },
      AS.staff,
    );
    const updated = await b.ok(
      'orders',
      'updateMenuItem',
      { itemId: item.itemId, data: itemInput({ name: '陪同购物（周末）', delivery: ['home', 'station'] }) },
      AS.staff,
    );
    expect(updated).toMatchObject({ name: '陪同购物（周末）', delivery: ['home', 'station'] });
    const paused = await b.ok('orders', 'setMenuItemStatus', { itemId: item.itemId, status: 'paused' }, AS.staff);
    expect(paused.status).toBe('paused');
    expect(ids(await b.ok('orders', 'listMenu', { stationId: STATION.jiangbin }))).not.toContain(item.itemId);
    expect(
      await b.refused(
        'orders',
        'placeOrder',
        orderRequest({ stationId: STATION.jiangbin, itemId: item.itemId }),
        AS.resident,
      ),
    ).toBe('ITEM_PAUSED');
    await b.ok('orders', 'setMenuItemStatus', { itemId: item.itemId, status: 'active' }, AS.staff);
    expect(ids(await b.ok('orders', 'listMenu', { stationId: STATION.jiangbin }))).toContain(item.itemId);
    const stored = (await b.all('menuItems')).find((i) => i._id === item.itemId);
    expect(stored).toMatchObject({ rev: 3, status: 'active', name: '陪同购物（周末）' });
    const audit = (await b.all('auditLog')).filter((a) => a.entityId === item.itemId).map((a) => a.action);
    expect(audit).toEqual(['menu.create', 'menu.update', 'menu.pause', 'menu.resume']);
  });

  it('lets two staff editing the same item at once land exactly one edit', async () => {
    const item = await b.ok(
      'orders',
      'createMenuItem',
      { stationId: STATION.jiangbin, data: itemInput({ name: '理发' }) },
      AS.staff,
    );
    const colleague = await grantRole(b, 'orders-menu-colleague', STATION.jiangbin, 'staff', '周社工');
    expect(colleague).toBeTruthy();
    const answers = await Promise.all([
      b.call('orders', 'updateMenuItem', { itemId: item.itemId, data: itemInput({ name: '理发A' }) }, AS.staff),
      b.call(
        'orders',
        'updateMenuItem',
        { itemId: item.itemId, data: itemInput({ name: '理发B' }) },
        'orders-menu-colleague',
      ),
    ]);
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code)).sort();
    expect(codes).toEqual(['CONFLICT', 'ok']);
    const stored = (await b.all('menuItems')).find((i) => i._id === item.itemId);
    expect(stored.rev).toBe(1);
  });
});
