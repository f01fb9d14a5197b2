/**
 * Browser E2E of resource linking (链接社会资源) on the REAL stack: the H5 build served by the
 * local gateway running the real `donations` cloud function against the database emulator.
 * Staff publish a goods need, a donor sees where and when to deliver and pledges anonymously,
 * staff confirm arrival (the need's figures move on the same screen), record a distribution and
 * thank the donor; the donor hears of each step in 消息 (a badge on the 我的 tab), follows the
 * timeline in one date format, and the public ledger shows 爱心人士 only, in the need's unit.
 * The no-money notice shows only with the funds option.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  api,
  type E2E,
  expectText,
  goto,
  httpLogin,
  inFreshPage,
  signInAs,
  useE2E,
  visible,
  visibleText,
} from './support';

jest.setTimeout(180_000);

const WEEKDAYS = '日一二三四五六';

/** "11月25日 周三": the Beijing day `days` from today, written as the app writes a day. */
function chineseDay(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 周${WEEKDAYS[d.getUTCDay()]}`;
}

/** Waits until the visible element for `selector` reads exactly `text` (whitespace collapsed). */
async function exactly(p: Page, selector: string, text: string): Promise<void> {
  const el = visible(p, selector);
  await el.waitFor();
  let seen = '';
  for (let tries = 0; tries < 100; tries += 1) {
    seen = (await el.innerText()).replace(/\s+/g, ' ').trim();
    if (seen === text) return;
    await p.waitForTimeout(100);
  }
  throw new Error(`Expected ${selector} to read exactly ${JSON.stringify(text)}; it said ${JSON.stringify(seen)}`);
}

/** How many no-money notices the page shows. */
const notices = (p: Page) => p.locator('#no-money-notice').filter({ visible: true }).count();

/** The badge on the 我的 tab (Taro H5's tab bar), or '' when none shows. */
async function mineTabBadge(p: Page): Promise<string> {
  const badge = p.locator('.weui-tabbar__item').nth(3).locator('.taro-tabbar-badge').filter({ visible: true });
  return (await badge.count()) ? (await badge.innerText()).trim() : '';
}

/** Waits until the 我的 tab's badge reads `text` ('' = none). */
async function expectMineBadge(p: Page, text: string): Promise<void> {
  let seen = '';
  for (let tries = 0; tries < 100; tries += 1) {
    seen = await mineTabBadge(p);
    if (seen === text) return;
    await p.waitForTimeout(100);
  }
  throw new Error(`Expected the 我的 tab badge to read ${JSON.stringify(text)}; it read ${JSON.stringify(seen)}`);
}

let e2e: E2E;
const STATION = 'st_LJ01'; // 江滨街道社工站
const TITLE = '冬季棉被（e2e）';

useE2E((started) => (e2e = started));

async function pledgeOf(title: string) {
  const { data: needs } = await e2e.db.collection('needs').where({ title }).get();
  expect(needs).toHaveLength(1);
  const needId = (needs[0] as { _id: string })._id;
  const { data } = await e2e.db.collection('pledges').where({ needId }).get();
  expect(data).toHaveLength(1);
  return data[0] as { _id: string; status: string; anonymous: boolean; photoFileId: string | null };
}

/** A real photo to hand the file chooser (the app's own screenshot, 750 px wide). */
const PHOTO = readFileSync(join(__dirname, '..', '..', 'docs', 'screenshot-home.png'));

/** Waits until the Taro <Image> with this id shows a decoded picture (served from cloud storage). */
async function expectImageLoaded(p: Page, selector: string): Promise<void> {
  const img = visible(p, `${selector} img`);
  await img.waitFor();
  await p.waitForFunction((el) => (el as HTMLImageElement).complete, await img.elementHandle());
  const { width, src } = await img.evaluate((el: HTMLImageElement) => ({ width: el.naturalWidth, src: el.src }));
  expect(src).toContain('/emulator/storage/file/arrivals/');
  expect(width).toBeGreaterThan(100);
}

test('staff publish a need, a donor pledges anonymously, staff receive and distribute, the ledger shows 爱心人士', async () => {
  // 1. Staff publish a goods need at 江滨街道社工站.
  await inFreshPage(e2e, 'donation-staff-publish', async (p) => {
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#donation-staff-entry').click();
    await visibleText(p, '✓ 江滨街道社工站').waitFor();
    await visible(p, '#new-need-button').click();
    await visible(p, '#need-title-input input').fill(TITLE);
    await visible(p, '#need-kind-goods').click();
    await visible(p, '#need-unit-input input').fill('床');
    await visible(p, '#need-unitValueYuan-input input').fill('80');
    await visible(p, '#need-targetQuantity-input input').fill('20');
    // Validated on the client with ZNeedInput first: no beneficiary group yet.
    await visible(p, '#publish-need-button').click();
    await visible(p, '#field-beneficiaryGroup-error').waitFor();
    await visible(p, '#need-group-独居老人').click();
    await visible(p, '#publish-need-button').click();
    await visible(p, '#new-need-button').waitFor();
    await expect(e2e.db.collection('needs').where({ title: TITLE }).count()).resolves.toMatchObject({ total: 1 });
    await visibleText(p, TITLE).waitFor();
  });

  // 2. A donor finds it on the 公益 tab, sees where and when to bring it, and pledges 5 床 anonymously.
  await inFreshPage(e2e, 'donation-donor-pledge', async (p) => {
    await signInAs(p, e2e.gateway, 'donor');
    await goto(p, e2e.gateway, '/pages/donate/index');
    await visibleText(p, TITLE).waitFor();
    expect(await notices(p)).toBe(0); // money is not the question for goods: no notice here
    await visibleText(p, TITLE).click();
    await visible(p, '#need-progress').waitFor();
    expect(await visible(p, '#need-progress').innerText()).toContain('已接收 0 / 目标 20 床');
    expect(await notices(p)).toBe(0);
    // Where and when to deliver, before pledging: the station's address, hours, phone, map.
    await exactly(p, '#delivery-info .section-title', '送到哪里');
    await exactly(p, '#delivery-address', '江滨街道滨江路 12 号党群服务中心 1 楼');
    await exactly(p, '#delivery-hours', '周一至周五 8:30–17:30，周六 9:00–12:00');
    await exactly(p, '#delivery-phone', '0571-86002101');
    await p.context().route('https://apis.map.qq.com/**', (route) => route.fulfill({ body: 'map' }));
    const [map] = await Promise.all([p.waitForEvent('popup'), visible(p, '#delivery-map-button').click()]);
    expect(decodeURIComponent(map.url())).toBe(
      'https://apis.map.qq.com/uri/v1/marker?marker=coord:30.236,120.1925;title:江滨街道社工站;addr:江滨街道滨江路 12 号党群服务中心 1 楼&referer=station-link',
    );
    await map.close();
    await visible(p, '#pledge-button').click();
    await visible(p, '#pledge-quantity-input input').fill('5');
    await visible(p, '#delivery-drop_off').click();
    await visible(p, '#pledge-donor-name-input input').fill('陈先生');
    await visible(p, '#pledge-phone-input input').fill('13800003333');
    // The contract refuses card numbers in the message, in Chinese.
    await visible(p, '#pledge-message-input textarea').fill('卡号 6222 0212 3456 7890 123');
    await visible(p, '#pledge-submit-button').click();
    await visibleText(p, '！请勿填写银行卡号、账号等支付信息').waitFor();
    await visible(p, '#pledge-message-input textarea').fill('祝老人们冬天温暖');
    await expectText(p, '#pledge-anonymous-state', '匿名');
    await visible(p, '#pledge-submit-button').click();
    await visible(p, '#pledge-result').waitFor();
    expect(await visible(p, '#pledge-result-status').innerText()).toContain('已认捐，待送达');
    // The confirmation says what to do, on which day (the day chosen, no invented time), and where.
    await exactly(
      p,
      '#pledge-result-next',
      `请在 ${chineseDay(3)}（开放时间内）把 5床 送到江滨街道社工站，地址见下方。站点接收后会在「消息」里通知您，发放和致谢也会告诉您。`,
    );
    await exactly(p, '#delivery-info .section-title', '送达地点');
    await exactly(p, '#delivery-address', '江滨街道滨江路 12 号党群服务中心 1 楼');
    expect(await notices(p)).toBe(0);
  });
  const pledge = await pledgeOf(TITLE);
  expect(pledge).toMatchObject({ status: 'pledged', anonymous: true });

  // 3. Staff confirm arrival — the need card's figures move at once — record a distribution, thank the donor.
  const { data: needRows } = await e2e.db.collection('needs').where({ title: TITLE }).get();
  const needId = (needRows[0] as { _id: string })._id;
  await inFreshPage(e2e, 'donation-staff-receive', async (p) => {
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/donation/pages/staff/index');
    await exactly(p, `#staff-need-progress-${needId} .progress__text`, '已接收 0 / 目标 20 床（0%）');
    await visible(p, `#confirm-arrival-${pledge._id}`).click();
    await visible(p, '#staff-quantity-input input').fill('5');
    await visible(p, '#staff-note-input input').fill('完好');
    // 拍照留证: a real photo, scaled and re-encoded in the page, uploaded to cloud storage.
    const takePhoto = async (button: string) => {
      const [chooser] = await Promise.all([p.waitForEvent('filechooser'), visible(p, button).click()]);
      await chooser.setFiles({ name: 'delivery.png', mimeType: 'image/png', buffer: PHOTO });
      await expectImageLoaded(p, '#arrival-photo-preview');
    };
    await takePhoto('#take-arrival-photo');
    // 移除照片 takes it off the arrival; 重拍 after taking another replaces it.
    await visible(p, '#remove-arrival-photo').click();
    await p.locator('#arrival-photo-preview').waitFor({ state: 'detached' });
    await takePhoto('#take-arrival-photo');
    await takePhoto('#retake-arrival-photo');
    await visible(p, '#submit-staff-action-button').click();
    // Same screen, no pull-down: the need now says what arrived.
    await exactly(p, `#staff-need-progress-${needId} .progress__text`, '已接收 5 / 目标 20 床（25%）');
    await visibleText(p, '已接收').click(); // the 已接收 queue tab
    await expectImageLoaded(p, `#staff-photo-${pledge._id}`);
    await exactly(p, `#staff-pledge-progress-${pledge._id}`, '已接收 5 床，已发放 0 床');
    await visible(p, `#distribute-${pledge._id}`).click();
    await visible(p, '#staff-quantity-input input').fill('5');
    await visible(p, '#group-独居老人').click();
    await visible(p, '#submit-staff-action-button').click();
    await p.locator(`#distribute-${pledge._id}`).filter({ visible: true }).waitFor({ state: 'detached' });
    await visible(p, `#thank-${pledge._id}`).click();
    await visible(p, '#staff-note-input input').fill('棉被已送到独居老人家中，谢谢您！');
    await visible(p, '#submit-staff-action-button').click();
    await p.locator(`#thank-${pledge._id}`).filter({ visible: true }).waitFor({ state: 'detached' });
  });
  const delivered = await pledgeOf(TITLE);
  expect(delivered.status).toBe('distributed');
  expect(delivered.photoFileId).toMatch(new RegExp(`/arrivals/${STATION}/${pledge._id}/[0-9a-f]+\\.jpg$`));

  // 4. The donor hears of each step: a badge on 我的, three messages, each opening 我的捐赠 and its timeline.
  await inFreshPage(e2e, 'donation-donor-timeline', async (p) => {
    await signInAs(p, e2e.gateway, 'donor');
    await goto(p, e2e.gateway, '/pages/home/index');
    await expectMineBadge(p, '3');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await exactly(p, '#messages-entry-badge', '3 条未读');
    await visible(p, '#messages-entry').click();
    await p.waitForURL(/messages\/pages\/list\/index/);
    await visibleText(p, '共 3 条消息').waitFor();
    const messages = p.locator('[id^="message-"]').filter({ visible: true });
    await expect(messages.count()).resolves.toBe(3);
    const read = await messages.evaluateAll((els) =>
      els.map((el) => [
        el.querySelector('.message__title')?.textContent,
        el.querySelector('.message__body')?.textContent,
        el.querySelector('.message__open')?.textContent,
      ]),
    );
    expect(read).toEqual([
      ['江滨街道社工站向您致谢', '棉被已送到独居老人家中，谢谢您！', '查看我的捐赠 ›'],
      ['您的捐赠已发放', `您为「${TITLE}」捐赠的 5床 已由江滨街道社工站发放给独居老人。`, '查看我的捐赠 ›'],
      [
        '站点已收到您的捐赠',
        `江滨街道社工站已收到您为「${TITLE}」捐赠的 5床。每一笔去向都会告诉您，谢谢您的爱心！`,
        '查看我的捐赠 ›',
      ],
    ]);
    await messages.first().click();
    await p.waitForURL(/donation\/pages\/my-pledges\/index/);
    const timeline = visible(p, `#pledge-timeline-${pledge._id}`);
    await timeline.waitFor();
    expect(await notices(p)).toBe(0);
    // What happened, each with its time in the app's one format; the delivery day as a day.
    const steps = await timeline
      .locator('.timeline__item')
      .evaluateAll((items) =>
        items.map((item) => [
          item.querySelector('.timeline__body > :first-child')?.textContent,
          item.querySelector('.timeline__time')?.textContent,
        ]),
      );
    expect(steps.map(([label]) => label)).toEqual([
      `认捐 5床，预计 ${chineseDay(3)} 送达`,
      '站点已接收 5床，价值约 ¥400.00，附到货照片',
      '发放 5床 给独居老人',
      '已全部发放',
      '站点发来感谢',
    ]);
    for (const [, time] of steps) expect(time).toMatch(/^\d{1,2}月\d{1,2}日 周[日一二三四五六] \d{2}:\d{2}$/);
    await exactly(p, `#pledge-status-${pledge._id}`, '状态：已全部发放');
    expect(await p.locator(`#cancel-pledge-${pledge._id}`).count()).toBe(0);
    await expectImageLoaded(p, `#pledge-photo-${pledge._id}`);
    await p.screenshot({ path: '/tmp/donation-timeline.png', fullPage: true });
    // Read: the badge is gone when a tab shows again.
    await goto(p, e2e.gateway, '/pages/home/index');
    await visible(p, '#home-greeting').waitFor();
    await expectMineBadge(p, '');
  });

  // 5. Signed out, the public ledger shows where it went, as 爱心人士, with no name or phone.
  await inFreshPage(e2e, 'donation-ledger', async (p) => {
    await goto(p, e2e.gateway, `/packages/donation/pages/ledger/index?stationId=${STATION}`);
    const list = visible(p, '#ledger-distributions');
    await visibleText(p, '爱心人士 捐赠的 5 床').waitFor();
    const text = await list.innerText();
    expect(text).toContain('独居老人');
    expect(text).not.toContain('陈先生');
    const whole = await p.locator('body').innerText();
    expect(whole).not.toContain('陈先生');
    expect(whole).not.toContain('13800003333');
    expect(await p.locator('img[src*="/emulator/storage/"]').count()).toBe(0);
    // 400 元 of quilts after the demo history's 5,150 元 at 江滨街道社工站 and its rooms.
    await exactly(p, '#ledger-total', '累计接收资源估值：¥5,550.00');
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const rows = await visible(p, '#ledger-months').locator('.meta-row').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toContain(`${month} 物资 1 笔，5 床，估值 ¥400.00`);
    expect((await visible(p, '#ledger-months').innerText()).includes('单位')).toBe(false);
    expect(await notices(p)).toBe(0);
    expect(p.url()).not.toContain('sign-in');
    await p.screenshot({ path: '/tmp/donation-ledger.png', fullPage: true });
  });
});

test('funds go through a registered charity: the donor sees where and how, pledges in 元 and adds the receipt number', async () => {
  // An admin curates a charity for the district; staff publish a funds need through it (over HTTP).
  const admin = await httpLogin(e2e.gateway, 'dev-admin');
  const charity = await api(
    e2e.gateway,
    'donations',
    {
      action: 'addCharity',
      data: {
        centerId: 'st_LJ',
        data: {
          name: '临江区慈善总会',
          registrationNo: '53330100MJ0000000X',
          projectName: '银龄暖冬计划',
          projectUrl: 'https://example.org/projects/warm-winter',
          howToGive: '打开项目页面，选择“银龄暖冬计划”，按页面提示捐赠，慈善总会开具电子捐赠票据。',
        },
      },
    },
    admin,
  );
  expect(charity.ok).toBe(true);
  const staff = await httpLogin(e2e.gateway, 'dev-staff');
  const need = await api(
    e2e.gateway,
    'donations',
    {
      action: 'createNeed',
      data: {
        stationId: STATION,
        data: {
          title: '暖冬助老金（e2e）',
          kind: 'funds_via_charity',
          unit: '元',
          targetQuantity: 5000,
          unitValueFen: 100,
          deadline: new Date(Date.now() + 20 * 86_400_000).toISOString(),
          beneficiaryGroup: '困难老人',
          charityId: (charity.data as { charityId: string }).charityId,
        },
      },
    },
    staff,
  );
  expect(need.ok).toBe(true);
  const needId = (need.data as { needId: string }).needId;

  await inFreshPage(e2e, 'donation-funds', async (p) => {
    await signInAs(p, e2e.gateway, 'donor');
    await goto(p, e2e.gateway, `/packages/donation/pages/need/index?needId=${needId}`);
    const card = visible(p, '#charity-card');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('临江区慈善总会');
    expect(text).toContain('53330100MJ0000000X');
    expect(text).toContain('银龄暖冬计划');
    // The one place the no-money notice shows: with the funds option, inside the charity card.
    expect(await notices(p)).toBe(1);
    expect(await card.locator('#no-money-notice').count()).toBe(1);
    expect(await p.locator('#delivery-info').filter({ visible: true }).count()).toBe(0);
    expect(await visible(p, '#open-charity-link-button').innerText()).toContain('打开慈善组织项目页面');
    await visible(p, '#pledge-button').click();
    // Only 通过慈善组织线上捐赠 is offered, already chosen; the amount is in 元.
    await expectText(p, '#delivery-online_via_charity', '✓');
    expect(await p.locator('#delivery-drop_off').count()).toBe(0);
    await visibleText(p, '认捐金额（元）').waitFor();
    await visible(p, '#pledge-quantity-input input').fill('200');
    await visible(p, '#pledge-donor-name-input input').fill('陈先生');
    await visible(p, '#pledge-phone-input input').fill('13800003333');
    await visible(p, '#pledge-submit-button').click();
    await visible(p, '#pledge-result').waitFor();
    await expectText(p, '#pledge-result', '¥200.00');
    await p.screenshot({ path: '/tmp/donation-funds-result.png', fullPage: true });
    await visible(p, '[id^="charity-receipt-input-"] input').fill('ZJ2026-000123');
    await visible(p, '[id^="record-charity-receipt-"]').click();
    await visible(p, '#pledge-receipt-no').waitFor();
    await expectText(p, '#pledge-receipt-no', 'ZJ2026-000123');
  });
  const { data } = await e2e.db.collection('pledges').where({ needId }).get();
  expect(data).toMatchObject([
    { receiptNo: 'ZJ2026-000123', estimatedValueFen: 20000, deliveryMethod: 'online_via_charity' },
  ]);
});
