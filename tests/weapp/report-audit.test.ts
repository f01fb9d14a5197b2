/**
 * The REAL weapp build in miniprogram-simulate, cloud calls routed to the REAL functions on the
 * emulator (demo district with its five months of history), as the district admin (`dev-admin`):
 * the 中心's 月报 lists each station's figures with "（本级）" once, a tap on a station opens its
 * report for the same month, and the 操作记录 reads in words (whom a role was granted to, states as
 * words, no JSON). A month with nothing before it: report-empty-month.test.ts (a page loads once
 * per file in simulate).
 * Layout (boxes that never collide) is checked on H5: tests/e2e/report-layout.test.ts.
 */
import type { Backend } from '../service/support';
import {
  addWxApis,
  byId,
  layoutlessSelectorQuery,
  nodeText,
  openPage,
  recorder,
  tap,
  textOf,
  waitFor,
  useWeapp,
} from './simulate-env';

jest.setTimeout(60_000);

addWxApis({ createSelectorQuery: layoutlessSelectorQuery });

const ADMIN = 'dev-admin';
let backend: Backend;

useWeapp(ADMIN, (started) => (backend = started));

/** `YYYY-MM`, `back` months before this one (Asia/Shanghai). */
function monthBack(back: number): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const index = now.getUTCFullYear() * 12 + now.getUTCMonth() - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const label = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;

test('the 中心 report: each station with its figures, （本级） once, and a tap opens that station’s report', async () => {
  const month = monthBack(1);
  const page = await openPage('packages/console/pages/report/index', { month });
  await waitFor(() => nodeText(byId(page, 'child-st_LJ01-attendances')) === '15 人次', 'the children', page);
  expect(nodeText(byId(page, 'report-station-name'))).toBe(`临江区社会工作服务指导中心 · ${label(month)}月报`);
  expect(nodeText(byId(page, 'child-st_LJ01-name'))).toBe('江滨街道社工站');
  expect(nodeText(byId(page, 'child-st_LJ01-activitiesHeld'))).toBe('3 场');
  expect(nodeText(byId(page, 'child-st_LJ01-residentsServed'))).toBe('7 人');
  expect(nodeText(byId(page, 'child-st_LJ01-verifiedMinutes'))).toBe('5.5 小时');
  expect(nodeText(byId(page, 'child-st_LJ02-attendances'))).toBe('3 人次');
  expect(nodeText(byId(page, 'child-self-name'))).toBe('临江区社会工作服务指导中心（本级）');
  expect(nodeText(byId(page, 'report-children')).split('（本级）')).toHaveLength(2);
  expect(nodeText(byId(page, 'indicator-attendances-change'))).toBe('↑ 2 人次');

  tap(page, 'child-st_LJ02');
  await waitFor(
    () =>
      recorder.navigations.includes(`navigateTo /packages/console/pages/report/index?stationId=st_LJ02&month=${month}`),
    'opening 钟埭镇社工站’s report',
    page,
  );
  expect(recorder.modals).toEqual([]);
});

test('操作记录 in words: the role granted, to whom, where — no JSON', async () => {
  await backend.ok('accounts', 'updateProfile', { data: { phone: '13600007777' } }, 'weapp-new-head');
  const invite = await backend.ok('accounts', 'createRoleInvite', { stationId: 'st_LJ02', role: 'head' }, ADMIN);
  await backend.ok('accounts', 'redeemRoleInvite', { code: invite.code }, 'weapp-new-head');
  await backend.ok('accounts', 'confirmRoleInvite', { inviteId: invite.inviteId }, ADMIN);
  const granted = await backend.ok('accounts', 'me', {}, 'weapp-new-head');
  const page = await openPage('packages/console/pages/audit/index', { stationId: 'st_LJ' });
  await waitFor(() => textOf(page).includes('授予权限'), 'the audit entry', page);
  // The invitation, its redemption and the grant share one clock time: find the grant's entry.
  const entries: string[] = [];
  for (let i = 0; byId(page, `audit-entry-${i}`); i++) entries.push(nodeText(byId(page, `audit-entry-${i}`)));
  const entry = entries.find((text) => text.startsWith('授予权限')) ?? '';
  expect(entry).toContain('授予权限 · 刘主任');
  expect(entry).toContain('· 钟埭镇社工站');
  expect(entry).toContain(`对象：${granted.nickname}（136****7777）`);
  expect(entry).toContain('角色：站长');
  expect(textOf(page)).not.toMatch(/[{}"]|role\.|status/);
  expect(recorder.modals).toEqual([]);
});
