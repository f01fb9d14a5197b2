/**
 * Issue 16's journeys on the REAL weapp build (dist/weapp) in miniprogram-simulate, cloud calls
 * routed to the REAL functions on the emulator: 首页's 我的下一场活动 with 出示签到码 and the card's
 * own state; booking for a family member and that member's check-in code; a volunteer cancels a
 * shift from 我的岗位; staff cards with 更多; a certificate with no hours said in the app's own
 * dialog, never a system box.
 */
import { idCheckChar } from '../../shared/domain/identity';
import type { Backend } from '../service/support';
import {
  addWxApis,
  byId,
  expectText,
  layoutlessSelectorQuery,
  openPage,
  recorder,
  tap,
  textOf,
  useWeapp,
  waitFor,
} from './simulate-env';

jest.setTimeout(60_000);

addWxApis({ createSelectorQuery: layoutlessSelectorQuery });

const RESIDENT = 'dev-resident';
let backend: Backend;
/** WeChat's platform carries the caller; tests switch phones by changing it. */
let caller = RESIDENT;

useWeapp(
  () => caller,
  (started) => (backend = started),
);

async function ok(
  fn: 'activities' | 'volunteering' | 'accounts',
  action: string,
  data: unknown,
  as: string,
): Promise<any> {
  const answer = (await backend.call(fn, action, data, as)) as { ok: boolean; data?: unknown; error?: unknown };
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

async function activity(title: string): Promise<any> {
  const doc = (await backend.all('activities')).find((a) => a.title === title);
  if (!doc) throw new Error(`no seeded activity ${title}`);
  return doc;
}

async function register(openid: string, realName: string, serial: string): Promise<void> {
  const first17 = `11010519900101${serial}`;
  await ok(
    'volunteering',
    'register',
    {
      data: {
        realName,
        idNumber: first17 + idCheckChar(first17),
        phone: '13800002222',
        emergencyContact: { name: '家人', phone: '13887654321' },
        homeStationId: 'st_LJ01',
      },
    },
    openid,
  );
}

test('首页: 我的下一场活动 with 出示签到码, and the card says 已报名', async () => {
  const health = await activity('健康义诊进社区');
  await ok('activities', 'signUp', { activityId: health._id }, RESIDENT);
  const page = await openPage('pages/home/index');
  await expectText(page, 'next-activity-title', '健康义诊进社区', { exact: true });
  await expectText(page, 'next-activity-state', '✓ 已报名', { exact: true });
  await expectText(page, `my-state-${health._id}`, '✓ 已报名', { exact: true });
  tap(page, 'next-activity-code-button');
  await waitFor(
    () =>
      recorder.navigations.includes(`navigateTo /packages/activity/pages/check-in-code/index?activityId=${health._id}`),
    'the check-in code page',
    page,
  );
  expect(recorder.modals).toEqual([]);
});

test('family: book for her mother on the activity page; the member’s code names her', async () => {
  const tea = await activity('长者茶话会（今天）');
  const me = await ok(
    'accounts',
    'addFamilyMember',
    { data: { name: '王秀英', relation: 'mother', consent: true } },
    RESIDENT,
  );
  const memberId = me.family[0].memberId as string;
  const page = await openPage('packages/activity/pages/detail/index', { activityId: tea._id });
  await expectText(page, `family-status-${memberId}`, '未报名', { exact: true });
  // 张阿姨 never registered as a volunteer: the tea's volunteer slots are not hers to see.
  expect(byId(page, 'volunteer-panel')).toBeUndefined();
  tap(page, `family-book-${memberId}`);
  await waitFor(() => byId(page, 'confirm-family-book-button'), 'the confirmation', page);
  tap(page, 'confirm-family-book-button');
  await expectText(page, `family-status-${memberId}`, '✓ 已报名成功', { exact: true });
  const rows = (await backend.all('bookings')).filter((b) => b.activityId === tea._id);
  expect(rows).toEqual([
    expect.objectContaining({
      _id: `${tea._id}_${rows[0].userId}_${memberId}`,
      attendeeName: '王秀英',
      status: 'confirmed',
    }),
  ]);

  const code = await openPage('packages/activity/pages/check-in-code/index', { activityId: tea._id, memberId });
  await expectText(code, 'code-for', '为母亲 王秀英签到', { exact: true });
  await waitFor(() => byId(code, 'short-code'), 'the short code', code);
  expect(recorder.modals).toEqual([]);
});

test('我的岗位: a volunteer cancels a shift before the deadline, after a confirmation', async () => {
  const health = await activity('健康义诊进社区');
  await register('dev-volunteer', '李小红', '101');
  await ok('volunteering', 'signUpShift', { activityId: health._id }, 'dev-volunteer');
  caller = 'dev-volunteer';
  try {
    const page = await openPage('packages/volunteer/pages/shifts/index');
    await waitFor(() => byId(page, `cancel-shift-${health._id}`), 'the cancel button', page);
    await expectText(page, `shift-cancel-deadline-${health._id}`, '取消截止：');
    tap(page, `cancel-shift-${health._id}`);
    await waitFor(() => byId(page, 'confirm-cancel-shift-button'), 'the confirmation', page);
    tap(page, 'confirm-cancel-shift-button');
    await waitFor(
      async () => (await backend.all('shifts')).find((s) => s.activityId === health._id)?.status === 'cancelled',
      'the cancelled shift',
      page,
    );
    expect((await activity('健康义诊进社区')).volunteersSignedUp).toBe(0);
  } finally {
    caller = RESIDENT;
  }
});

test('staff: a published card has 扫码签到, 名单 and 更多; the sheet holds the rest', async () => {
  const tea = await activity('长者茶话会（今天）');
  caller = 'dev-staff';
  try {
    const page = await openPage('packages/staff/pages/activities/index');
    await waitFor(() => byId(page, `more-${tea._id}`), 'the 更多 button', page);
    expect(byId(page, `scan-${tea._id}`)).toBeDefined();
    expect(byId(page, `roster-${tea._id}`)).toBeDefined();
    expect(byId(page, `cancel-activity-${tea._id}`)).toBeUndefined();
    tap(page, `more-${tea._id}`);
    await waitFor(() => byId(page, `copy-${tea._id}`), 'the 更多 sheet', page);
    for (const id of ['view', 'edit', 'ratings', 'volunteers', 'notify', 'copy', 'cancel-activity'])
      expect(byId(page, `${id}-${tea._id}`)).toBeDefined();
    tap(page, `copy-${tea._id}`);
    await waitFor(
      () =>
        recorder.navigations.includes(
          `navigateTo /packages/staff/pages/edit/index?stationId=${tea.stationId}&copyFrom=${tea._id}`,
        ),
      'the copy form',
      page,
    );
  } finally {
    caller = RESIDENT;
  }
});

test('certificate with no hours at a station: the app’s own dialog, not a system box', async () => {
  await register('dev-donor', '陈志强', '202');
  caller = 'dev-donor';
  try {
    const page = await openPage('packages/volunteer/pages/certificate/index');
    await waitFor(() => byId(page, 'station-st_LJ01'), 'the station choices', page);
    tap(page, 'station-st_LJ01');
    tap(page, 'issue-certificate-button');
    await expectText(page, 'notice-dialog-content', '所选时间内在该站点没有服务时长记录');
    expect(recorder.modals).toEqual([]);
    expect(textOf(page)).toContain('暂时不能开具证明');
  } finally {
    caller = RESIDENT;
  }
});
