/**
 * The REAL weapp build (dist/weapp) rendered by miniprogram-simulate, with `wx.cloud.callFunction`
 * routed to the REAL cloud functions: a volunteer with verified hours (scanned in and out by
 * staff) and an approved top-up (补录) opens 服务时长 and sees the totals kept apart and every
 * entry with its provenance, in words.
 */
import { idCheckChar } from '../../shared/domain/identity';
import type { Backend } from '../service/support';
import { byId, expectText, nodeText, openPage, recorder, textOf, useWeapp, waitFor } from './simulate-env';

jest.setTimeout(60_000);

const VOLUNTEER = 'dev-volunteer';
const STAFF = 'dev-staff';
let backend: Backend;

async function ok(fn: string, action: string, data: unknown, as: string): Promise<any> {
  const answer = (await backend.call(fn as Parameters<Backend['call']>[0], action, data, as)) as {
    ok: boolean;
    data?: unknown;
    error?: { code: string; userMessage: string };
  };
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${answer.error?.code} ${answer.error?.userMessage}`);
  return answer.data;
}

useWeapp(VOLUNTEER, (started) => (backend = started));

beforeAll(async () => {
  // Her hours, made through the real functions: register, a shift scanned in and out, a top-up.
  const stations = await backend.all('stations');
  const jiangbin = stations.find((s) => s.code === 'LJ01');
  const tea = (await backend.all('activities')).find((a) => a.title === '长者茶话会（今天）');
  const first17 = '11010519880615012';
  await ok(
    'volunteering',
    'register',
    {
      data: {
        realName: '李小红',
        idNumber: first17 + idCheckChar(first17),
        phone: '13812345678',
        skills: ['陪伴聊天'],
        serviceAreas: ['elder_care'],
        emergencyContact: { name: '李妈妈', phone: '13887654321' },
        homeStationId: jiangbin._id,
        leaderboardOptIn: true,
      },
    },
    VOLUNTEER,
  );
  await ok('volunteering', 'signUpShift', { activityId: tea._id }, VOLUNTEER);
  const start = backend.clock.now;
  const arrival = await ok('volunteering', 'myShiftCode', { activityId: tea._id }, VOLUNTEER);
  await ok('volunteering', 'scanShift', { activityId: tea._id, code: arrival.code }, STAFF);
  // 110 minutes on: the activity started 20 minutes after the seed, so 90 verified minutes.
  backend.clock.now = new Date(start.getTime() + 110 * 60_000);
  const departure = await ok('volunteering', 'myShiftCode', { activityId: tea._id }, VOLUNTEER);
  const out = await ok('volunteering', 'scanShift', { activityId: tea._id, code: departure.code }, STAFF);
  expect(out).toMatchObject({ result: 'checked_out', minutes: 90 });
  backend.clock.now = start;
  const claim = await ok(
    'volunteering',
    'claimHours',
    {
      data: {
        stationId: jiangbin._id,
        startAt: new Date(start.getTime() - 2 * 86_400_000).toISOString(),
        minutes: 60,
        description: '协助布置场地',
      },
    },
    VOLUNTEER,
  );
  await ok('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'approve', reason: '情况属实' }, STAFF);
});

test('服务时长: totals (签到核实 vs 补录), by month and station, and every entry with its provenance', async () => {
  const page = await openPage('packages/volunteer/pages/hours/index');
  await waitFor(() => byId(page, 'total-hours'), 'the totals', page);

  await expectText(page, 'total-hours', '2.5 小时（150 分钟）', { exact: true });
  await expectText(page, 'verified-hours', '签到核实：1.5 小时（90 分钟）', { exact: true });
  await expectText(page, 'topup-hours', '补录：1 小时（60 分钟）', { exact: true });
  const text = textOf(page);
  expect(text).toContain('按月份');
  expect(text).toContain('江滨街道社工站：共 2.5 小时（150 分钟）');
  expect(text).toContain('全部记录（共 2 条）');
  expect(text).toContain('长者茶话会（今天）');
  expect(text).toContain('来源：扫码签到签退');
  expect(text).toMatch(/来源：补录/);
  // The kind of every entry is a word on a tag, not a colour.
  const entries = nodeText(byId(page, 'hours-entries'));
  expect(entries).toContain('签到核实');
  expect(entries).toContain('补录');
  expect(recorder.calls).toContain('volunteering.myHours');
  expect(recorder.modals).toEqual([]);
});
