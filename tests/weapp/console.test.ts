/**
 * The REAL weapp build (dist/weapp) rendered by miniprogram-simulate, `wx.cloud.callFunction`
 * routed to the REAL cloud functions on the database emulator: 王社工 (`dev-staff`) opens the
 * console (工作台) and sees today's activity, its seats and check-ins, and the queue counts.
 */
import type { Backend } from '../service/support';
import { byId, nodeText, openPage, recorder, textOf, waitFor, useWeapp } from './simulate-env';

jest.setTimeout(60_000);

const STAFF = 'dev-staff';
let backend: Backend;

useWeapp(STAFF, (started) => (backend = started));

test('console home: today’s activity with seats and check-ins, the scan entry and the queue counts', async () => {
  const activity = (await backend.all('activities')).find((doc) => doc.title === '长者茶话会（今天）');
  expect(activity).toBeDefined();

  const page = await openPage('packages/console/pages/index/index');
  await waitFor(() => textOf(page).includes('长者茶话会（今天）'), 'today’s activity', page);

  expect(nodeText(byId(page, 'console-station-picker'))).toContain('江滨街道社工站');
  expect(nodeText(byId(page, `seats-${activity._id}`))).toBe('已报名 0 / 名额 30');
  expect(nodeText(byId(page, `checked-in-${activity._id}`))).toBe('已签到 0 人');
  expect(nodeText(byId(page, 'console-scan-entry'))).toContain('扫码签到');
  expect(byId(page, `console-scan-${activity._id}`)).toBeDefined();
  expect(byId(page, `console-roster-${activity._id}`)).toBeDefined();

  const queues: Record<string, string> = {
    pendingClaims: '待审核补录',
    autoClosedToReview: '自动签退待复核',
    pledgesExpectedThisWeek: '本周待收捐赠',
    pledgesOverdue: '逾期捐赠',
    offersPending: '候补待确认',
  };
  for (const [key, name] of Object.entries(queues)) {
    const text = nodeText(byId(page, `queue-${key}`));
    expect(text).toContain(name);
    expect(text).toMatch(/^\d+/); // the count, written out
  }
  expect(nodeText(byId(page, 'figure-attendances'))).toContain('人次');
  expect(recorder.calls).toEqual(expect.arrayContaining(['accounts.me', 'reports.today']));
  expect(recorder.modals).toEqual([]);
});
