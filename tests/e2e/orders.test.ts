/**
 * Browser E2E of service orders on the REAL stack (the H5 build served by the local gateway running
 * the real cloud functions on the database emulator, demo district seeded), several phones at once:
 *
 * 1. 张阿姨 in 大字模式 orders 助餐送餐 from 首页 → 我要点单 in three taps (tap targets ≥ 60 px);
 *    王社工 dispatches it to volunteer 小李 from 服务单管理; 小李 takes it under 我的工单 and, after
 *    the visit, records it and closes it; 张阿姨 sees 小李's name (never the staff member's) and
 *    rates it 5.
 * 2. 陈先生 orders 上门探访陪伴 for his father from the station page's menu (为家人点单).
 * 3. An order nobody answered in time shows on the 中心's console; 刘主任 opens it.
 */
import type { Page } from 'playwright-core';
import { setClock } from '../../cloudfunctions/core/deps';
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import type { Gateway } from '../../emulator/gateway/server';
import { idCheckChar } from '../../shared/domain/identity';
import { api, goto, httpLogin, signInAs, startPhones, visible, withFailureScreenshot, type Phones } from './support';

jest.setTimeout(180_000);

let phones: Phones;
let gateway: Gateway;
let db: Phones['db'];

beforeAll(async () => {
  phones = await startPhones();
  gateway = phones.gateway;
  db = phones.db;
  // 小李 is a registered volunteer of 江滨街道社工站.
  const token = await httpLogin(gateway, 'dev-volunteer');
  const first17 = '33010219850412777';
  const registered = await api(
    gateway,
    'volunteering',
    {
      action: 'register',
      data: {
        data: {
          realName: '李志远',
          idNumber: first17 + idCheckChar(first17),
          phone: '13800002222',
          emergencyContact: { name: '李母', phone: '13833334444' },
          homeStationId: 'st_LJ01',
        },
      },
    },
    token,
  );
  if (!registered.ok) throw new Error(JSON.stringify(registered));
});

afterAll(async () => {
  setClock();
  await phones?.close();
});

async function phoneOf(persona: 'resident' | 'staff' | 'volunteer' | 'donor' | 'admin'): Promise<Page> {
  const page = await phones.newPhone();
  await signInAs(page, gateway, persona);
  return page;
}

async function expectText(p: Page, selector: string, text: string, timeout = 20_000): Promise<void> {
  await p.locator(selector).filter({ visible: true }).filter({ hasText: text }).first().waitFor({ timeout });
}

/** The visible element's size in CSS pixels. */
async function sizeOf(p: Page, selector: string): Promise<{ width: number; height: number }> {
  const box = await visible(p, selector).boundingBox();
  if (!box) throw new Error(`${selector} has no box`);
  return { width: box.width, height: box.height };
}

async function orderDoc(orderId: string): Promise<any> {
  const { data } = await db.collection('orders').doc(orderId).get();
  return (data as any[])[0];
}

const orderIdOf = (url: string) => /orderId=([A-Za-z0-9_-]+)/.exec(url)?.[1] ?? '';

test('大字模式 点单 → 派单 → 接单 → 办结 → 评单, each on its own phone', async () => {
  let current: Page | undefined;
  await withFailureScreenshot(
    () => current,
    'orders-journey',
    async () => {
      // The order goes in "three hours ago", so the visit can have happened before 小李 records it.
      setClock(() => new Date(Date.now() - 3 * 3600_000));

      const r = (current = await phoneOf('resident'));
      await goto(r, gateway, '/pages/mine/index');
      await visible(r, '#elder-mode-entry').click();
      await expectText(r, '#elder-mode-state', '已开启');
      await goto(r, gateway, '/pages/home/index');
      await visible(r, '.page-shell--elder').waitFor();
      await visible(r, '#home-order-button').click(); // tap 1: 我要点单
      await r.waitForURL(/orders\/pages\/menu\/index/);
      await visible(r, '#menu-item-mi_lj_meal').waitFor();
      expect((await sizeOf(r, '#menu-item-mi_lj_meal')).height).toBeGreaterThanOrEqual(60);
      await visible(r, '#menu-item-mi_lj_meal').click(); // tap 2: the item
      await r.waitForURL(/orders\/pages\/order\/index/);
      await expectText(r, '#phone-masked', '138****1111');
      // Her last home-service address (the seed's 助餐送餐) is already there.
      await r.waitForFunction(() =>
        Array.from(document.querySelectorAll<HTMLInputElement>('#address-input input')).some(
          (i) => i.value === '颐和社区 3 幢 2 单元 401',
        ),
      );
      for (const selector of [
        '#time-anytime',
        '#time-weekday_morning',
        '#submit-order-button',
        '#for-other-entry',
        '#urgent-entry',
      ]) {
        const size = await sizeOf(r, selector);
        expect([selector, size.width >= 60 && size.height >= 60]).toEqual([selector, true]);
      }
      await visible(r, '#submit-order-button').click(); // tap 3: 提交 (when suits: 都可以, the default)
      await r.waitForURL(/orders\/pages\/detail\/index\?orderId=/);
      const orderId = orderIdOf(r.url());
      await expectText(r, '#order-status', '待接单');
      expect(await orderDoc(orderId)).toMatchObject({
        channel: 'self',
        itemName: '助餐送餐',
        address: '颐和社区 3 幢 2 单元 401',
        contactPhone: '13800001111',
        status: 'pending',
      });

      // 王社工: 我的 → 服务单管理 → the order → 派单 → 小李.
      const s = (current = await phoneOf('staff'));
      await goto(s, gateway, '/pages/mine/index');
      await visible(s, '#order-queue-entry').click();
      await s.waitForURL(/orders\/pages\/queue\/index/);
      await visible(s, `#order-${orderId}`).click();
      await s.waitForURL(/orders\/pages\/detail\/index/);
      await expectText(s, '#order-phone', '138****1111');
      await visible(s, '#dispatch-order-button').click();
      await visible(s, `#worker-${userIdForOpenid('dev-volunteer')}`).click();
      await visible(s, '#confirm-dispatch-button').click();
      await expectText(s, '#order-status', '已派单');
      await expectText(s, '#order-assignee', '小李');

      // 小李: 我的 → 我的工单 → the order → 接单; after the visit, 记录服务并办结.
      setClock();
      const v = (current = await phoneOf('volunteer'));
      await goto(v, gateway, '/pages/mine/index');
      await visible(v, '#order-work-entry').click();
      await v.waitForURL(/orders\/pages\/work\/index/);
      await visible(v, `#order-${orderId}`).click();
      await v.waitForURL(/orders\/pages\/detail\/index/);
      await visible(v, '#take-order-button').click();
      await expectText(v, '#order-status', '办理中');
      await expectText(v, '#order-phone', '13800001111');
      await visible(v, '#close-order-button').click();
      await visible(v, '#method-home_visit').click();
      await visible(v, '#record-note-input textarea').fill('午餐送到家，老人精神不错');
      await expectText(v, '#hours-note', '服务时长将提交给社工站核实');
      await visible(v, '#confirm-close-button').click();
      await expectText(v, '#order-status', '已办结');
      const closed = await orderDoc(orderId);
      expect(closed).toMatchObject({ status: 'done', assigneeName: '小李', assigneeKind: 'volunteer' });
      const { data: claims } = await db.collection('hourClaims').where({ orderId }).get();
      expect(claims).toMatchObject([{ status: 'pending', minutes: 60 }]);

      // 张阿姨: the order's page names 小李, never the staff member; she rates it 5.
      current = r;
      await r.reload();
      await expectText(r, '#order-status', '已办结，待您确认');
      await expectText(r, '#order-timeline', '小李 已接单');
      await expectText(r, '#order-timeline', '社工站 派单给 小李');
      expect(await visible(r, '.page-shell--elder').innerText()).not.toContain('王社工');
      const star = await sizeOf(r, '#star-5');
      expect(star.width >= 60 && star.height >= 60).toBe(true);
      await visible(r, '#star-5').click();
      await expectText(r, '#rating-words', '非常满意');
      await visible(r, '#submit-rating-button').click();
      await expectText(r, '#order-status', '已完成');
      expect((await orderDoc(orderId)).rating).toMatchObject({ score: 5, bad: false });
    },
  );
});

test('a family member orders for his father from the station page’s menu', async () => {
  let current: Page | undefined;
  await withFailureScreenshot(
    () => current,
    'orders-family',
    async () => {
      const d = (current = await phoneOf('donor'));
      await goto(d, gateway, '/packages/station/pages/detail/index?stationId=st_LJ0202');
      await visible(d, '#station-menu-mi_lj_visit').click();
      await d.waitForURL(/orders\/pages\/order\/index/);
      await expectText(d, '#phone-masked', '138****3333');
      await visible(d, '#for-other-entry').click();
      await visible(d, '#recipient-name-input input').fill('陈老伯');
      await visible(d, '#relationship-child').click();
      await visible(d, '#address-input input').fill('沈家村 12 组 3 号');
      await visible(d, '#description-input textarea').fill('父亲一个人住，想请人每周去看看');
      await visible(d, '#submit-order-button').click();
      await d.waitForURL(/orders\/pages\/detail\/index\?orderId=/);
      const orderId = orderIdOf(d.url());
      await expectText(d, '#order-recipient', '陈老伯（子女代为点单）');
      expect(await orderDoc(orderId)).toMatchObject({
        channel: 'family',
        recipientName: '陈老伯',
        recipientUserId: null,
        relationship: 'child',
        orderedByName: '陈先生',
        stationId: 'st_LJ0202',
        address: '沈家村 12 组 3 号',
      });
      // It is his to follow under 我的服务单.
      await goto(d, gateway, '/packages/orders/pages/mine/index');
      await visible(d, `#order-${orderId}`).waitFor();
    },
  );
});

test('an order nobody answered in time shows on the 中心’s console', async () => {
  let current: Page | undefined;
  await withFailureScreenshot(
    () => current,
    'orders-overdue-console',
    async () => {
      // An urgent order placed three hours ago (2 hours to answer), left in the pool.
      setClock(() => new Date(Date.now() - 3 * 3600_000));
      const token = await httpLogin(gateway, 'e2e-urgent-resident');
      const placed = await api(
        gateway,
        'orders',
        {
          action: 'placeOrder',
          data: {
            stationId: 'st_LJ0301',
            itemId: 'mi_lj_counsel',
            delivery: 'phone',
            contactPhone: '13900001212',
            urgent: true,
            description: '情绪低落，想找人聊聊',
          },
        },
        token,
      );
      setClock();
      if (!placed.ok) throw new Error(JSON.stringify(placed));
      const orderId = (placed.data as { orderId: string }).orderId;

      const a = (current = await phoneOf('admin'));
      await goto(a, gateway, '/packages/console/pages/index/index');
      await visible(a, `#console-overdue-${orderId}`).waitFor();
      await expectText(a, `#console-overdue-${orderId}`, '新桥社区社工室 · 心理疏导');
      // The seed's 农忙托老 has waited four days.
      await visible(a, '#console-overdue-o_demo_06').waitFor();
      const overdue = Number((await visible(a, '#orders-overdue').innerText()).match(/\d+/)?.[0]);
      expect(overdue).toBeGreaterThanOrEqual(2);
      await visible(a, `#console-overdue-${orderId}`).click();
      await a.waitForURL(/orders\/pages\/detail\/index/);
      await expectText(a, '#order-status', '⚠ 已超时');
      await expectText(a, '#order-due', '已超时');
    },
  );
});
