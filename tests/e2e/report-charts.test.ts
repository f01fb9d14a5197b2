/**
 * Browser E2E of the 月报 charts (F2 on a canvas) on the REAL stack: the H5 build served by the
 * local gateway running the real cloud functions on the database emulator, with the demo
 * district's five months of history. A resident is checked in today and a volunteer's hours are
 * approved in three different months; 王社工 opens the report and the pixels read back from each
 * canvas show the drawn bars and line, next to the same figures written as text. Changing month
 * redraws on a new canvas; a month with nothing in its twelve shows 暂无数据 with no canvas;
 * 大字模式 draws a taller chart.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { idCheckChar } from '../../shared/domain/identity';
import {
  api,
  ARTIFACTS_DIR,
  type E2E,
  expectText,
  goto,
  httpLogin,
  inFreshPage,
  ROOT,
  signInAs,
  useE2E,
  visible,
} from './support';

jest.setTimeout(120_000);

const SCREENSHOT_REPORT = path.join(ROOT, 'docs/screenshot-report.png');
const TODAY_TITLE = '长者茶话会（今天）';
/** Chart colours of the report page (`CHART_COLORS`), as RGB. */
const ATTENDANCES_RGB: Rgb = [0x0a, 0x5a, 0xa8];
const HOURS_RGB: Rgb = [0x1d, 0x6b, 0x34];
const CATEGORIES_RGB: Rgb = [0x0b, 0x6e, 0x75];
const DAY = 24 * 3_600_000;

type Rgb = [number, number, number];

interface Ink {
  /** Backing-store size (CSS size × devicePixelRatio). */
  width: number;
  height: number;
  cssHeight: number;
  /** Pixels that are neither transparent nor white: anything drawn. */
  inked: number;
  /** Pixels of the mark colour: the bars or the line themselves. */
  marked: number;
}

let e2e: E2E;

useE2E((started) => (e2e = started));

async function call(fn: string, action: string, data: unknown, token: string) {
  const answer = await api(e2e.gateway, fn, { action, data }, token);
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${JSON.stringify(answer.error)}`);
  return answer.data as Record<string, unknown>;
}

/** `YYYY-MM` in Asia/Shanghai. */
function beijingMonth(at: number = Date.now()): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** The first instant of the Asia/Shanghai month holding `at`. */
function monthStart(at: number): number {
  return Date.parse(`${beijingMonth(at)}-01T00:00:00+08:00`);
}

/** Reads the canvas back and counts drawn pixels and pixels of the mark colour. */
async function inkOf(p: Page, id: string, rgb: Rgb): Promise<Ink> {
  return visible(p, `#${id}`).evaluate((el, [r, g, b]) => {
    const canvas = el as HTMLCanvasElement;
    const context = canvas.getContext('2d');
    if (!context || canvas.width === 0 || canvas.height === 0) {
      return { width: canvas.width, height: canvas.height, cssHeight: canvas.clientHeight, inked: 0, marked: 0 };
    }
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inked = 0;
    let marked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [pr, pg, pb, pa] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
      if (pa > 0 && !(pr > 240 && pg > 240 && pb > 240)) inked += 1;
      if (pa > 200 && Math.abs(pr - r) < 20 && Math.abs(pg - g) < 20 && Math.abs(pb - b) < 20) marked += 1;
    }
    return { width: canvas.width, height: canvas.height, cssHeight: canvas.clientHeight, inked, marked };
  }, rgb);
}

/** Waits until the canvas shows marks of its colour (F2 draws on the next frame), then reads it. */
async function drawn(p: Page, id: string, rgb: Rgb): Promise<Ink> {
  let ink = await inkOf(p, id, rgb);
  for (let tries = 0; ink.marked < 50 && tries < 50; tries += 1) {
    await p.waitForTimeout(100);
    ink = await inkOf(p, id, rgb);
  }
  return ink;
}

async function pixelsOf(p: Page, id: string): Promise<string> {
  return visible(p, `#${id}`).evaluate((el) => (el as HTMLCanvasElement).toDataURL());
}

test('staff: the report draws attendances, hours and categories on canvases, with the figures as text', async () => {
  const { data: activities } = await e2e.db.collection('activities').where({ title: TODAY_TITLE }).get();
  const activity = activities[0] as { _id: string; stationId: string };
  const resident = await httpLogin(e2e.gateway, 'dev-resident');
  const staff = await httpLogin(e2e.gateway, 'dev-staff');
  const volunteer = await httpLogin(e2e.gateway, 'dev-volunteer');

  // 张阿姨 is checked in today: 1 参加人次 this month, in 养老服务.
  await call('activities', 'signUp', { activityId: activity._id }, resident);
  const code = await call('activities', 'myCheckInCode', { activityId: activity._id }, resident);
  await call('activities', 'checkIn', { activityId: activity._id, shortCode: code.shortCode }, staff);

  // 李志远's hours, approved, in three months: today, ~45 and ~100 days ago.
  const first17 = '11010119900101123';
  await call(
    'volunteering',
    'register',
    {
      data: {
        realName: '李志远',
        idNumber: first17 + idCheckChar(first17),
        phone: '13800002222',
        emergencyContact: { name: '李母', phone: '13833334444' },
        homeStationId: activity.stationId,
      },
    },
    volunteer,
  );
  const now = Date.now();
  const claims = [
    { at: now - 4 * 3_600_000, minutes: 120 },
    { at: now - 45 * DAY, minutes: 300 },
    { at: now - 100 * DAY, minutes: 90 },
  ];
  for (const claim of claims) {
    const made = await call(
      'volunteering',
      'claimHours',
      {
        data: {
          stationId: activity.stationId,
          startAt: new Date(claim.at).toISOString(),
          minutes: claim.minutes,
          description: '协助活动布置场地',
        },
      },
      volunteer,
    );
    await call('volunteering', 'reviewClaim', { claimId: made.claimId, decision: 'approve' }, staff);
  }

  const month = beijingMonth();
  await inFreshPage(e2e, 'report-charts', async (p) => {
    const pageErrors: string[] = [];
    p.on('pageerror', (error) => pageErrors.push(error.message));
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/console/pages/report/index');
    await expectText(p, '#report-station-name', '江滨街道社工站');

    // Attendances: bars drawn in the primary colour; the month's figure written out.
    await expectText(p, `#trend-attendances-${month}`, '1 人次');
    const attendances = await drawn(p, 'trend-attendances-canvas', ATTENDANCES_RGB);
    expect(attendances.marked).toBeGreaterThan(50);
    expect(attendances.inked).toBeGreaterThan(attendances.marked); // axes and labels too
    expect(attendances.cssHeight).toBe(200);
    expect(attendances.width).toBeGreaterThanOrEqual(2 * 300); // full card width at 2× pixels

    // Hours: a line in green, every month's hours written out (2 小时 this month). The history
    // months hold 6.5 小时 each at 江滨 (5.5 scanned + 1 补录) before this test's claims.
    await expectText(p, `#trend-hours-${month}`, '2 小时');
    await expectText(p, `#trend-hours-${beijingMonth(now - 45 * DAY)}`, '11.5 小时');
    await expectText(p, `#trend-hours-${beijingMonth(now - 100 * DAY)}`, '8 小时');
    const hours = await drawn(p, 'trend-hours-canvas', HOURS_RGB);
    expect(hours.marked).toBeGreaterThan(50);

    // Categories: horizontal bars, and 养老服务 in words.
    await expectText(p, '#category-chart-elder_care', '· 1 人次');
    const categories = await drawn(p, 'category-chart-canvas', CATEGORIES_RGB);
    expect(categories.marked).toBeGreaterThan(50);

    // The canvases are decoration for screen readers: the figures are the text under them.
    for (const id of ['trend-attendances-canvas', 'trend-hours-canvas', 'category-chart-canvas']) {
      await expect(visible(p, `#${id}`).getAttribute('aria-hidden')).resolves.toBe('true');
    }
    await expect(visible(p, '#trend-attendances-figures').locator('.f2-chart__figure').count()).resolves.toBe(12);

    // Pictures to look at (git-ignored); docs/screenshot-report.png when missing or asked for.
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await p.waitForTimeout(300); // fonts and the last paint
    for (const id of ['category-chart', 'trend-attendances', 'trend-hours']) {
      await visible(p, `#${id}`).screenshot({ path: path.join(ARTIFACTS_DIR, `report-${id}.png`) });
    }
    if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT_REPORT)) {
      await visible(p, '#category-chart').evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await p.waitForTimeout(300);
      await p.screenshot({ path: SCREENSHOT_REPORT });
    }

    // The previous month: the hours chart is drawn afresh on a new canvas (the old chart is
    // destroyed with its canvas) and the line moves one month left; so are the attendances.
    const before = await pixelsOf(p, 'trend-hours-canvas');
    await visible(p, '#trend-hours-canvas').evaluate((el) => el.setAttribute('data-marker', 'kept'));
    await visible(p, '#report-prev-month').click();
    await p.locator(`#trend-hours-${month}`).filter({ visible: true }).waitFor({ state: 'detached' });
    await expectText(p, `#trend-attendances-${beijingMonth(monthStart(now) - DAY)}`, '15 人次');
    await expectText(p, `#trend-hours-${beijingMonth(now - 45 * DAY)}`, '11.5 小时');
    await expect(visible(p, '#trend-hours-canvas').getAttribute('data-marker')).resolves.toBeNull();
    expect((await drawn(p, 'trend-hours-canvas', HOURS_RGB)).marked).toBeGreaterThan(50);
    expect(await pixelsOf(p, 'trend-hours-canvas')).not.toBe(before);

    // Twelve months before the history began: nothing to draw, 暂无数据 and no canvas at all.
    await goto(
      p,
      e2e.gateway,
      `/packages/console/pages/report/index?month=${beijingMonth(monthStart(now) - 170 * DAY)}`,
    );
    await expectText(p, '#trend-attendances-empty', '暂无数据');
    await expectText(p, '#trend-hours-empty', '暂无数据');
    await expect(p.locator('#trend-attendances-canvas').filter({ visible: true }).count()).resolves.toBe(0);
    await goto(p, e2e.gateway, '/packages/console/pages/report/index');

    // This month again: the attendances chart is drawn again on a new canvas.
    await expectText(p, `#trend-attendances-${month}`, '1 人次');
    expect((await drawn(p, 'trend-attendances-canvas', ATTENDANCES_RGB)).marked).toBeGreaterThan(50);
    expect(pageErrors).toEqual([]);
  });
});

test('大字模式: the charts are taller and still drawn', async () => {
  await inFreshPage(e2e, 'report-charts-elder', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#elder-mode-entry').click();
    await expectText(p, '#elder-mode-state', '已开启');

    await goto(p, e2e.gateway, '/packages/console/pages/report/index');
    await visible(p, '.page-shell--elder').waitFor();
    await expectText(p, `#trend-attendances-${beijingMonth()}`, '1 人次');
    const attendances = await drawn(p, 'trend-attendances-canvas', ATTENDANCES_RGB);
    expect(attendances.cssHeight).toBe(240);
    expect(attendances.marked).toBeGreaterThan(50);
    await visible(p, '#trend-attendances').screenshot({
      path: path.join(ARTIFACTS_DIR, 'report-elder-attendances.png'),
    });
    await visible(p, '#category-chart').screenshot({ path: path.join(ARTIFACTS_DIR, 'report-elder-categories.png') });
  });
});
