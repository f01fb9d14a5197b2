/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL functions on the
 * emulator: the 月报 page renders its F2 charts as `<canvas type="2d">` nodes and asks WeChat for
 * each node (`createSelectorQuery().select('#…-canvas').fields({ node, size })`), with every figure
 * also written as text. simulate has no canvas 2d, so the test holds those queries, checks the
 * canvases while they wait, then answers as a WeChat without the node would (null): the charts
 * step aside, the written figures stay, and nothing throws or opens a dialog. Drawing itself is
 * covered on H5 (tests/e2e/report-charts.test.ts) and by a look in WeChat DevTools.
 */
import type { Backend } from '../service/support';
import {
  addWxApis,
  attributeValues,
  byId,
  expectText,
  nodeText,
  openPage,
  recorder,
  textOf,
  useWeapp,
  waitFor,
} from './simulate-env';

jest.setTimeout(60_000);

const STAFF = 'dev-staff';

interface AskedQuery {
  selector: string;
  fields: unknown;
}

/** Canvas queries asked so far, and their callbacks while held. */
const asked: AskedQuery[] = [];
const held: (() => void)[] = [];
let holdCanvasQueries = true;

/**
 * `wx.createSelectorQuery` that records what the page asks for. Canvas queries are held while
 * `holdCanvasQueries`, then answered null (no node), as WeChat answers for a node it cannot give;
 * any other query is answered null at once (jsdom has no layout).
 */
function recordingSelectorQuery() {
  const selectors: { selector: string; fields: unknown }[] = [];
  const query = {
    in: () => query,
    select: (selector: string) => {
      const entry = { selector, fields: undefined as unknown };
      selectors.push(entry);
      const chain = (options?: unknown) => {
        entry.fields = options;
        return query;
      };
      return { fields: chain, boundingClientRect: chain, node: chain, scrollOffset: chain };
    },
    selectAll: () => ({ boundingClientRect: () => query, fields: () => query }),
    selectViewport: () => ({ scrollOffset: () => query, boundingClientRect: () => query }),
    exec: (cb?: (res: unknown[]) => void) => {
      const answer = () => cb?.(selectors.map(() => null));
      const isCanvas = selectors.some((entry) => entry.selector.endsWith('-canvas'));
      for (const entry of selectors) if (entry.selector.endsWith('-canvas')) asked.push(entry);
      if (isCanvas && holdCanvasQueries) held.push(answer);
      else setTimeout(answer, 0);
    },
  };
  return query;
}

addWxApis({ createSelectorQuery: recordingSelectorQuery });

let backend: Backend;

useWeapp(STAFF, (started) => (backend = started));

/** `YYYY-MM` in Asia/Shanghai. */
function beijingMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

/** `YYYY-MM`, `back` months before this one (Asia/Shanghai). */
function monthBack(back: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** `10月`. */
const shortMonth = (month: string) => `${Number(month.slice(5))}月`;

test('月报 on weapp: 2d canvases for the charts, each queried as a node; without one the figures stay as text', async () => {
  // 张阿姨 is checked in today at the 江滨 station: one 参加人次 this month, in 养老服务.
  const activity = (await backend.all('activities')).find((doc) => doc.title === '长者茶话会（今天）');
  await backend.ok('activities', 'signUp', { activityId: activity._id }, 'dev-resident');
  const code = await backend.ok('activities', 'myCheckInCode', { activityId: activity._id }, 'dev-resident');
  await backend.ok('activities', 'checkIn', { activityId: activity._id, shortCode: code.shortCode }, STAFF);

  const errors: unknown[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
  window.addEventListener('error', onError);
  const month = beijingMonth();

  const page = await openPage('packages/console/pages/report/index', { stationId: activity.stationId });
  await expectText(page, `trend-attendances-${month}`, '1 人次');

  // Canvases for the charts with data: attendances, hours (the demo history's) and categories.
  for (const id of ['trend-attendances-canvas', 'trend-hours-canvas', 'category-chart-canvas']) {
    const canvas = await waitFor(() => byId(page, id), id, page);
    expect(attributeValues(canvas)).toContain('2d');
  }
  // Last month's hours at 江滨: 5.5 scanned and 1 补录, written out under the chart.
  expect(nodeText(byId(page, `trend-hours-${monthBack(1)}`))).toBe(`${shortMonth(monthBack(1))}6.5 小时`);

  // Each canvas was asked for as a node with its size (what F2 draws on).
  await waitFor(() => asked.length >= 3, 'the canvas queries', page);
  expect(asked).toEqual(
    expect.arrayContaining([
      { selector: '#trend-attendances-canvas', fields: { node: true, size: true } },
      { selector: '#trend-hours-canvas', fields: { node: true, size: true } },
      { selector: '#category-chart-canvas', fields: { node: true, size: true } },
    ]),
  );

  // No node comes back: the canvases go, every figure stays readable, and nothing failed.
  holdCanvasQueries = false;
  for (const answer of held.splice(0)) answer();
  await waitFor(
    () =>
      !byId(page, 'trend-attendances-canvas') &&
      !byId(page, 'trend-hours-canvas') &&
      !byId(page, 'category-chart-canvas'),
    'the charts to step aside',
    page,
  );
  await expectText(page, `trend-attendances-${month}`, '1 人次');
  expect(nodeText(byId(page, 'trend-attendances-figures')).match(/人次/g)).toHaveLength(12);
  await expectText(page, 'category-chart-elder_care', '· 1 人次');
  expect(textOf(page)).toContain('参加人次（单位：人次）');
  expect(recorder.modals).toEqual([]);
  window.removeEventListener('error', onError);
  expect(errors).toEqual([]);
});
