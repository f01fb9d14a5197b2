/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL `reports` function
 * on the emulator (demo district with its five months of history), as the district admin: the
 * 月报 of the first month of the history, whose month before holds nothing, says so instead of
 * claiming "↑ 100.0%". (Its own file: simulate loads a page once per test file.)
 */
import { addWxApis, byId, layoutlessSelectorQuery, nodeText, openPage, waitFor, useWeapp } from './simulate-env';

jest.setTimeout(60_000);

addWxApis({ createSelectorQuery: layoutlessSelectorQuery });

useWeapp('dev-admin', () => undefined);

/** `YYYY-MM`, `back` months before this one (Asia/Shanghai). */
function monthBack(back: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const label = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

test('a month with nothing before it: the report says so, and no change is claimed', async () => {
  const page = await openPage('packages/console/pages/report/index', { month: monthBack(5) });
  await waitFor(() => byId(page, 'report-no-previous'), 'the note', page);
  expect(nodeText(byId(page, 'report-no-previous'))).toBe(`${label(monthBack(6))}没有数据，本月不作环比。`);
  expect(nodeText(byId(page, 'indicator-attendances-value'))).toBe('13 人次');
  expect(nodeText(byId(page, 'indicator-attendances-previous'))).toBe('无数据');
  expect(nodeText(byId(page, 'indicator-attendanceRatePermille-change'))).toBe('—');
  expect(nodeText(byId(page, 'report-indicators'))).not.toMatch(/↑|↓/);
});
