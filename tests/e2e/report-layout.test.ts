/**
 * Browser E2E of the 月报 as a district admin reads it, on the REAL stack (H5 build, local
 * gateway, real functions, the demo district with its five months of history). The 下级站点明细
 * of the 中心 report: every label and figure inside its own box, none overlapping another, at the
 * normal size and in 大字模式 (bounding boxes, not text); "（本级）" once; a tap opens that station's
 * report for the same month. Against a month with no data before it, the report says so instead
 * of claiming "↑ 100.0%".
 */
import type { Page } from 'playwright-core';
import { type E2E, goto, inFreshPage, signInAs, useE2E, visible, visibleText } from './support';

jest.setTimeout(120_000);

let e2e: E2E;

useE2E((started) => (e2e = started));

/** `YYYY-MM`, `back` months before this one (Asia/Shanghai). */
function monthBack(back: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `2026年10月`. */
const label = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

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

interface Box {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text is wider than its box (it would spill into a neighbour). */
  overflows: boolean;
}

/** Every text of a child block and the block itself, as laid out on screen. */
async function childLayout(p: Page): Promise<{ row: Box; texts: Box[] }[]> {
  return visible(p, '#report-children').evaluate((list) => {
    const boxOf = (el: Element) => {
      const r = el.getBoundingClientRect();
      const html = el as HTMLElement;
      return {
        text: (el.textContent ?? '').trim(),
        x: r.x,
        y: r.y,
        width: r.width,
        height: r.height,
        overflows: html.scrollWidth > html.clientWidth + 1,
      };
    };
    return Array.from(list.querySelectorAll('.child-row')).map((row) => ({
      row: boxOf(row),
      texts: Array.from(
        row.querySelectorAll('.child-row__name, .child-row__open, .child-row__label, .child-row__value'),
      ).map(boxOf),
    }));
  });
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

/** No text spills out of its box, none overlaps another, all lie inside the block and the screen. */
async function expectNoCollision(p: Page): Promise<void> {
  const width = p.viewportSize()!.width;
  const rows = await childLayout(p);
  expect(rows.length).toBe(4);
  for (const { row, texts } of rows) {
    expect(texts.length).toBeGreaterThanOrEqual(9);
    for (const t of texts) {
      expect([t.text, t.overflows]).toEqual([t.text, false]);
      expect([t.text, t.x >= row.x - 0.5, t.x + t.width <= row.x + row.width + 0.5]).toEqual([t.text, true, true]);
      expect([t.text, t.x + t.width <= width]).toEqual([t.text, true]);
    }
    for (let i = 0; i < texts.length; i += 1)
      for (let j = i + 1; j < texts.length; j += 1)
        expect([texts[i]!.text, texts[j]!.text, overlap(texts[i]!, texts[j]!)]).toEqual([
          texts[i]!.text,
          texts[j]!.text,
          false,
        ]);
  }
}

test('the 中心 report: child blocks that never collide, （本级） once, and a tap opens a station’s report', async () => {
  const month = monthBack(1);
  await inFreshPage(e2e, 'report-children', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'admin');
    await goto(p, e2e.gateway, `/packages/console/pages/report/index?month=${month}`);
    await exactly(p, '#report-station-name', `临江区社会工作服务指导中心 · ${label(month)}月报`);

    // The demo history of last month, station by station; the 中心's own work last.
    await exactly(p, '#child-st_LJ01-name', '江滨街道社工站');
    for (const [key, text] of [
      ['activitiesHeld', '3 场'],
      ['attendances', '15 人次'],
      ['residentsServed', '7 人'],
      ['verifiedMinutes', '5.5 小时'],
    ])
      await exactly(p, `#child-st_LJ01-${key}`, text);
    await exactly(p, '#child-st_LJ02-attendances', '3 人次');
    await exactly(p, '#child-st_LJ02-verifiedMinutes', '2.5 小时');
    await exactly(p, '#child-st_LJ03-attendances', '0 人次');
    await exactly(p, '#child-self-name', '临江区社会工作服务指导中心（本级）');
    expect((await visible(p, '#report-children').innerText()).split('（本级）')).toHaveLength(2);
    expect(await p.locator('#child-self .child-row__open').count()).toBe(0); // its own work: nothing to open

    // Compared with the month before, which has data too: changes in words with an arrow.
    await exactly(p, '#indicator-attendances-change', '↑ 2 人次');
    expect(await p.locator('#report-no-previous').count()).toBe(0);

    await expectNoCollision(p);

    // A tap on a station opens its own report for the same month.
    await visible(p, '#child-st_LJ01').click();
    await p.waitForURL(new RegExp(`console/pages/report/index\\?stationId=st_LJ01&month=${month}`));
    await exactly(p, '#report-station-name', `江滨街道社工站 · ${label(month)}月报`);
    await exactly(p, '#child-st_LJ0101-name', '颐和社区社工室');
    await exactly(p, '#child-st_LJ0101-attendances', '4 人次');
    await exactly(p, '#child-self-name', '江滨街道社工站（本级）');
  });
});

test('大字模式: the child blocks still never collide', async () => {
  await inFreshPage(e2e, 'report-children-elder', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'admin');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#elder-mode-entry').click();
    await exactly(p, '#elder-mode-state', '已开启');
    await goto(p, e2e.gateway, `/packages/console/pages/report/index?month=${monthBack(1)}`);
    await visible(p, '.page-shell--elder').waitFor();
    await exactly(p, '#child-st_LJ01-verifiedMinutes', '5.5 小时');
    await expectNoCollision(p);
    // Elder text really is larger: a figure at 19 px, not 16.
    const size = await visible(p, '#child-st_LJ01-attendances').evaluate((el) => getComputedStyle(el).fontSize);
    expect(size).toBe('19px');
  });
});

test('against an empty month the report says so, and claims no change', async () => {
  const month = monthBack(5); // the oldest month of the demo history: nothing before it
  await inFreshPage(e2e, 'report-empty-previous', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'admin');
    await goto(p, e2e.gateway, `/packages/console/pages/report/index?month=${month}`);
    await exactly(p, '#report-no-previous', `${label(monthBack(6))}没有数据，本月不作环比。`);
    await exactly(p, '#indicator-attendances-value', '13 人次');
    await exactly(p, '#indicator-attendances-previous', '无数据');
    await exactly(p, '#indicator-attendanceRatePermille-value', '86.7%');
    await exactly(p, '#indicator-attendanceRatePermille-change', '—');
    const changes = await p.locator('[id$="-change"]').filter({ visible: true }).allInnerTexts();
    expect(changes.length).toBe(20);
    expect(new Set(changes.map((c) => c.trim()))).toEqual(new Set(['—']));
    expect(await visible(p, '#report-indicators').innerText()).not.toMatch(/↑|↓/);
    await visibleText(p, `${label(month)}月报`).waitFor();
  });
});
