/**
 * The REAL weapp build (dist/weapp) rendered by miniprogram-simulate, `wx.cloud.callFunction`
 * routed to the REAL cloud functions on the database emulator: 王社工 (`dev-staff`) opens the
 * console (工作台) and sees today's activity, its seats and check-ins, and the queue counts.
 */
import { idCheckChar } from '../../shared/domain/identity';
import type { Backend } from '../service/support';
import { byId, expectText, openPage, recorder, textOf, useWeapp, waitFor } from './simulate-env';

jest.setTimeout(60_000);

const STAFF = 'dev-staff';
let backend: Backend;

useWeapp(STAFF, (started) => (backend = started));

async function ok(fn: 'activities' | 'volunteering', action: string, data: unknown, as: string): Promise<any> {
  const answer = (await backend.call(fn, action, data, as)) as { ok: boolean; data?: unknown; error?: unknown };
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

beforeAll(async () => {
  // Known figures on top of the seed: one resident booked on today's tea, one claim (补录) waiting.
  const tea = (await backend.all('activities')).find((doc) => doc.title === '长者茶话会（今天）');
  await ok('activities', 'signUp', { activityId: tea._id }, 'dev-resident');
  const first17 = '11010519880615012';
  await ok(
    'volunteering',
    'register',
    {
      data: {
        realName: '李小红',
        idNumber: first17 + idCheckChar(first17),
        phone: '13812345678',
        emergencyContact: { name: '李妈妈', phone: '13887654321' },
        homeStationId: tea.stationId,
      },
    },
    'dev-volunteer',
  );
  await ok(
    'volunteering',
    'claimHours',
    {
      data: {
        stationId: tea.stationId,
        startAt: new Date(backend.clock.now.getTime() - 2 * 86_400_000).toISOString(),
        minutes: 60,
        description: '协助布置场地',
      },
    },
    'dev-volunteer',
  );
});

test('console home: today’s activity with seats and check-ins, the scan entry and the queue counts', async () => {
  const activity = (await backend.all('activities')).find((doc) => doc.title === '长者茶话会（今天）');
  expect(activity).toBeDefined();

  const page = await openPage('packages/console/pages/index/index');
  await waitFor(() => textOf(page).includes('长者茶话会（今天）'), 'today’s activity', page);

  await expectText(page, 'console-station-picker', '江滨街道社工站');
  await expectText(page, `seats-${activity._id}`, '已报名 1 / 名额 30', { exact: true });
  await expectText(page, `checked-in-${activity._id}`, '已签到 0 人', { exact: true });
  await expectText(page, 'console-scan-entry', '扫码签到 · 长者茶话会（今天）', { exact: true });
  expect(byId(page, `console-scan-${activity._id}`)).toBeDefined();
  expect(byId(page, `console-roster-${activity._id}`)).toBeDefined();

  // Each card: the count, its name, and where a tap goes (the data tree joins the three texts).
  await expectText(page, 'queue-pendingClaims', '1待审核补录去处理 ›', { exact: true });
  await expectText(page, 'queue-autoClosedToReview', '0自动签退待复核查看 ›', { exact: true });
  await expectText(page, 'queue-pledgesExpectedThisWeek', '0本周待收捐赠查看 ›', { exact: true });
  await expectText(page, 'queue-pledgesOverdue', '0逾期捐赠查看 ›', { exact: true });
  await expectText(page, 'queue-offersPending', '0候补待确认查看 ›', { exact: true });
  await expectText(page, 'figure-attendances', '0 人次参加人次（签到）', { exact: true });
  expect(recorder.calls).toEqual(expect.arrayContaining(['accounts.me', 'reports.today']));
  expect(recorder.modals).toEqual([]);
});
