/**
 * Browser E2E of resource linking (链接社会资源) on the REAL stack: the H5 build served by the
 * local gateway running the real `donations` cloud function against the database emulator.
 * Staff publish a goods need, a donor pledges anonymously, staff confirm arrival and record a
 * distribution, the donor follows the timeline, and the public ledger shows 爱心人士 only.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { api, type E2E, goto, httpLogin, inFreshPage, signInAs, useE2E, visible, visibleText } from './support';

jest.setTimeout(180_000);

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

  // 2. A donor finds it on the 公益 tab and pledges 5 床 anonymously.
  await inFreshPage(e2e, 'donation-donor-pledge', async (p) => {
    await signInAs(p, e2e.gateway, 'donor');
    await goto(p, e2e.gateway, '/pages/donate/index');
    await visibleText(p, '本平台不经手任何款项').waitFor();
    await visibleText(p, TITLE).click();
    await visible(p, '#need-progress').waitFor();
    expect(await visible(p, '#need-progress').innerText()).toContain('已接收 0 / 目标 20 床');
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
    expect(await visible(p, '#pledge-anonymous-state').innerText()).toContain('匿名');
    await visible(p, '#pledge-submit-button').click();
    await visible(p, '#pledge-result').waitFor();
    expect(await visible(p, '#pledge-result-status').innerText()).toContain('已认捐，待送达');
  });
  const pledge = await pledgeOf(TITLE);
  expect(pledge).toMatchObject({ status: 'pledged', anonymous: true });

  // 3. Staff confirm arrival, then record a distribution.
  await inFreshPage(e2e, 'donation-staff-receive', async (p) => {
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/donation/pages/staff/index');
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
    await visibleText(p, '已接收').click(); // the 已接收 queue tab
    await expectImageLoaded(p, `#staff-photo-${pledge._id}`);
    await visible(p, `#distribute-${pledge._id}`).click();
    await visible(p, '#staff-quantity-input input').fill('5');
    await visible(p, '#group-独居老人').click();
    await visible(p, '#submit-staff-action-button').click();
    await p.locator(`#distribute-${pledge._id}`).filter({ visible: true }).waitFor({ state: 'detached' });
  });
  const delivered = await pledgeOf(TITLE);
  expect(delivered.status).toBe('distributed');
  expect(delivered.photoFileId).toMatch(new RegExp(`/arrivals/${STATION}/${pledge._id}/[0-9a-f]+\\.jpg$`));

  // 4. The donor follows the timeline under 我的捐赠.
  await inFreshPage(e2e, 'donation-donor-timeline', async (p) => {
    await signInAs(p, e2e.gateway, 'donor');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#my-pledges-entry').click();
    const timeline = visible(p, `#pledge-timeline-${pledge._id}`);
    await timeline.waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('认捐 5床');
    expect(text).toContain('站点已接收 5床');
    expect(text).toContain('发放 5床 给独居老人');
    expect(await visible(p, `#pledge-status-${pledge._id}`).innerText()).toContain('已全部发放');
    expect(await p.locator(`#cancel-pledge-${pledge._id}`).count()).toBe(0);
    await expectImageLoaded(p, `#pledge-photo-${pledge._id}`);
    await p.screenshot({ path: '/tmp/donation-timeline.png', fullPage: true });
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
    expect(await visible(p, '#ledger-total').innerText()).toContain('¥400.00');
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
    expect(await visible(p, '#open-charity-link-button').innerText()).toContain('打开慈善组织项目页面');
    await visible(p, '#pledge-button').click();
    // Only 通过慈善组织线上捐赠 is offered, already chosen; the amount is in 元.
    expect(await visible(p, '#delivery-online_via_charity').innerText()).toContain('✓');
    expect(await p.locator('#delivery-drop_off').count()).toBe(0);
    await visibleText(p, '认捐金额（元）').waitFor();
    await visible(p, '#pledge-quantity-input input').fill('200');
    await visible(p, '#pledge-donor-name-input input').fill('陈先生');
    await visible(p, '#pledge-phone-input input').fill('13800003333');
    await visible(p, '#pledge-submit-button').click();
    await visible(p, '#pledge-result').waitFor();
    expect(await visible(p, '#pledge-result').innerText()).toContain('¥200.00');
    await p.screenshot({ path: '/tmp/donation-funds-result.png', fullPage: true });
    await visible(p, '[id^="charity-receipt-input-"] input').fill('ZJ2026-000123');
    await visible(p, '[id^="record-charity-receipt-"]').click();
    await visible(p, '#pledge-receipt-no').waitFor();
    expect(await visible(p, '#pledge-receipt-no').innerText()).toContain('ZJ2026-000123');
  });
  const { data } = await e2e.db.collection('pledges').where({ needId }).get();
  expect(data).toMatchObject([
    { receiptNo: 'ZJ2026-000123', estimatedValueFen: 20000, deliveryMethod: 'online_via_charity' },
  ]);
});
