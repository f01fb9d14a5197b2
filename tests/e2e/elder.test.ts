/**
 * 适老化 on the REAL stack (H5 build + gateway + functions + emulator): the largest system font is
 * a 195-CSS-px-wide window (200 % of a 390-wide phone). With 大字模式 saved in the profile only —
 * this device never chose — a check-in code opened directly (a shared link) is in 大字模式, the
 * whole QR code and its six digits fit on one screen, and no date or time breaks across lines;
 * the activity page stacks labels over values. Text areas use the body font at ≥ 18 px in
 * 大字模式. H5 sub-pages carry their own back control.
 */
import type { Page } from 'playwright-core';
import {
  activityByTitle,
  apiOk,
  type E2E,
  expectText,
  goto,
  httpLogin,
  inFreshPage,
  SCREENSHOT_CODE_200,
  shouldWriteScreenshot,
  signInAs,
  useE2E,
  visible,
} from './support';

jest.setTimeout(120_000);

let e2e: E2E;
useE2E((started) => (e2e = started));

const NARROW = { width: 195, height: 422 };

/** Forget every 大字模式 setting this browser holds, as a device that never chose. */
async function forgetDeviceChoice(p: Page): Promise<void> {
  await p.evaluate(() => {
    window.localStorage.removeItem('station-link.elderMode');
    window.localStorage.removeItem('station-link.elderMode.profile');
  });
}

/** Every date/time piece on screen, with how many line boxes it takes and where it ends. */
async function timeChunks(p: Page): Promise<{ text: string; lines: number; right: number }[]> {
  return p.evaluate(() =>
    Array.from(document.querySelectorAll('.time-chunk'))
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .map((el) => ({
        text: el.textContent ?? '',
        lines: el.getClientRects().length,
        right: el.getBoundingClientRect().right,
      })),
  );
}

async function fontSizeOf(p: Page, selector: string): Promise<{ size: number; family: string }> {
  return visible(p, selector).evaluate((el) => {
    const style = getComputedStyle(el);
    return { size: parseFloat(style.fontSize), family: style.fontFamily };
  });
}

test('200 % with 大字模式 from the profile: the code and its digits fit one screen, no time wraps', async () => {
  const token = await httpLogin(e2e.gateway, 'dev-resident');
  await apiOk(e2e.gateway, 'accounts', 'updateProfile', { data: { elderMode: true } }, token);
  const tea = await activityByTitle(e2e.db, '长者茶话会（今天）');
  await apiOk(e2e.gateway, 'activities', 'signUp', { activityId: tea._id }, token);

  await inFreshPage(e2e, 'elder-200', async (p) => {
    await p.setViewportSize(NARROW);
    await signInAs(p, e2e.gateway, 'resident');
    await forgetDeviceChoice(p);

    // A sub-page opened directly (a shared link, a reload): no page that loads the profile came first.
    await goto(p, e2e.gateway, `/packages/activity/pages/check-in-code/index?activityId=${tea._id}`);
    await visible(p, '.page-shell--elder').waitFor();
    await expectText(p, '#code-activity-title', '长者茶话会（今天）', { exact: true });
    expect((await fontSizeOf(p, '#code-opens')).size).toBeGreaterThanOrEqual(18);

    // The whole QR code on screen (its white quiet zone too), never below a scannable size.
    const qr = visible(p, '#check-in-qr');
    await p.waitForFunction(() =>
      Array.from(document.querySelectorAll('#check-in-qr img')).some(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
    const box = (await qr.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(120);
    expect(Math.abs(box.width - box.height)).toBeLessThanOrEqual(1);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(NARROW.width);
    expect(box.y + box.height).toBeLessThanOrEqual(NARROW.height);
    // …and the six digits on the same screen, below it.
    const digits = (await visible(p, '#short-code').boundingBox())!;
    expect(digits.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(digits.y + digits.height).toBeLessThanOrEqual(NARROW.height);
    expect(digits.x + digits.width).toBeLessThanOrEqual(NARROW.width);
    expect((await visible(p, '#short-code').innerText()).trim()).toMatch(/^\d{3} \d{3}$/);

    if (shouldWriteScreenshot(SCREENSHOT_CODE_200)) {
      await p.waitForTimeout(300);
      await p.screenshot({ path: SCREENSHOT_CODE_200 });
    }

    // No time string wraps on this page (签到时间：… 起).
    const onCode = await timeChunks(p);
    expect(onCode.map((c) => c.text)).toEqual(expect.arrayContaining([expect.stringMatching(/^\d{2}:\d{2}$/)]));
    for (const chunk of onCode) {
      expect({ chunk: chunk.text, lines: chunk.lines }).toEqual({ chunk: chunk.text, lines: 1 });
      expect(chunk.right).toBeLessThanOrEqual(NARROW.width);
    }

    // The activity page, opened directly too: labels stacked over values, "14:00–15:30" whole.
    await goto(p, e2e.gateway, `/packages/activity/pages/detail/index?activityId=${tea._id}`);
    await visible(p, '.page-shell--elder').waitFor();
    await visible(p, '#activity-time').waitFor();
    const row = await visible(p, '#activity-time').evaluate((value) => {
      const label = value.closest('.meta-row')!.querySelector('.meta-label')!.getBoundingClientRect();
      const box = value.getBoundingClientRect();
      return { labelBottom: label.bottom, valueTop: box.top };
    });
    expect(row.valueTop).toBeGreaterThanOrEqual(row.labelBottom - 1);
    const onDetail = await timeChunks(p);
    expect(onDetail.map((c) => c.text)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d{2}:\d{2}–\d{2}:\d{2}$/),
        expect.stringMatching(/^\d+月\d+日$/),
      ]),
    );
    for (const chunk of onDetail) {
      expect({ chunk: chunk.text, lines: chunk.lines }).toEqual({ chunk: chunk.text, lines: 1 });
      expect(chunk.right).toBeLessThanOrEqual(NARROW.width);
    }
  });
});

test('text areas use the body font at the body size: ≥ 18 px in 大字模式, never 13 px monospace', async () => {
  await inFreshPage(e2e, 'elder-textarea', async (p) => {
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/staff/pages/edit/index?stationId=st_LJ01');
    await visible(p, '#input-description textarea').waitFor();
    const normal = await fontSizeOf(p, '#input-description textarea');
    expect(normal.size).toBeGreaterThanOrEqual(16);
    expect(normal.family).not.toMatch(/monospace/i);

    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#elder-mode-entry').click();
    await expectText(p, '#elder-mode-state', '已开启', { exact: true });
    await goto(p, e2e.gateway, '/packages/staff/pages/edit/index?stationId=st_LJ01');
    await visible(p, '.page-shell--elder #input-description textarea').waitFor();
    const elder = await fontSizeOf(p, '#input-description textarea');
    expect(elder.size).toBeGreaterThanOrEqual(18);
    expect(elder.family).toBe(normal.family);
    // The body text around it is the same size.
    expect(elder.size).toBe((await fontSizeOf(p, '.page-shell--elder')).size);
  });
});

test('H5 sub-pages have their own back control; opened directly it leads to 首页', async () => {
  const tea = await activityByTitle(e2e.db, '长者茶话会（今天）');
  await inFreshPage(e2e, 'back-control', async (p) => {
    // Signed in: 首页 reads the profile, and without a session it would hand over to the sign-in
    // page before the URL could be read.
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, `/packages/activity/pages/detail/index?activityId=${tea._id}`);
    await expectText(p, '#page-back', '‹ 返回', { exact: true });
    await visible(p, '#page-back').click();
    await p.waitForURL(/pages\/home\/index/);
    // A tab page has the tab bar, not a back control.
    expect(await p.locator('#page-back').filter({ visible: true }).count()).toBe(0);

    // Opened from the list, it goes back to the list.
    await goto(p, e2e.gateway, '/packages/activity/pages/list/index');
    await visible(p, `#activity-card-${tea._id}`).click();
    await p.waitForURL(/activity\/pages\/detail\/index/);
    await visible(p, '#page-back').click();
    await p.waitForURL(/activity\/pages\/list\/index/);
  });
});
