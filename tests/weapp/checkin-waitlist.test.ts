/**
 * The REAL weapp build (dist/weapp, official wcc compiler) in miniprogram-simulate, with
 * `wx.cloud.callFunction` routed to the REAL cloud functions on the database emulator: the
 * check-in code page of a confirmed booking (QR image as a data URL + 6-digit short code), the
 * staff scanner driven by `wx.scanCode`, and the waitlist state of a full activity.
 */
import type { Backend } from '../service/support';
import {
  addWxApis,
  attributeValues,
  byId,
  expectText,
  layoutlessSelectorQuery,
  nodeText,
  openPage,
  recorder,
  tap,
  textOf,
  useWeapp,
  waitFor,
} from './simulate-env';

jest.setTimeout(60_000);

const RESIDENT = 'dev-resident';
let backend: Backend;
/** WeChat's platform carries the caller; tests switch phones by changing it. */
let caller = RESIDENT;

/**
 * `wx.scanCode`, which simulate-env does not define: answers with `nextScan`. Taro binds `wx.*`
 * when app.js loads, so it is added the moment simulate-env assigns the global `wx`.
 */
let nextScan = '';
const scans: { scanType?: string[] }[] = [];
function scanCode(options: {
  scanType?: string[];
  success?: (res: unknown) => void;
  complete?: (res: unknown) => void;
}) {
  scans.push({ scanType: options.scanType });
  const answer = { result: nextScan, scanType: 'QR_CODE', charSet: 'utf-8', errMsg: 'scanCode:ok' };
  setTimeout(() => {
    options.success?.(answer);
    options.complete?.(answer);
  }, 0);
}
addWxApis({ scanCode, createSelectorQuery: layoutlessSelectorQuery });

useWeapp(
  () => caller,
  (started) => (backend = started),
);

type Doc = Record<string, unknown> & { _id: string };

async function activityId(title: string): Promise<string> {
  const doc = ((await backend.all('activities')) as Doc[]).find((a) => a.title === title);
  if (!doc) throw new Error(`no seeded activity ${title}`);
  return doc._id;
}

async function bookingOf(activity: string, openid: string): Promise<Doc | undefined> {
  const user = ((await backend.all('users')) as Doc[]).find((u) => u.openid === openid);
  return ((await backend.all('bookings')) as Doc[]).find((b) => b.activityId === activity && b.userId === user?._id);
}

/** `activities.<action>` as `openid`, straight to the function; fails loudly unless ok. */
async function act(openid: string, action: string, data: unknown): Promise<Record<string, unknown>> {
  const answer = (await backend.call('activities', action, data, openid)) as {
    ok: boolean;
    data?: Record<string, unknown>;
    error?: unknown;
  };
  if (!answer.ok) throw new Error(`activities.${action} as ${openid} refused: ${JSON.stringify(answer.error)}`);
  return answer.data ?? {};
}

test('check-in code: a confirmed booking shows a QR image (data URL) and the short code; staff scan it', async () => {
  const tea = await activityId('长者茶话会（今天）');
  await act(RESIDENT, 'signUp', { activityId: tea });

  const page = await openPage('packages/activity/pages/check-in-code/index', { activityId: tea });
  await waitFor(() => byId(page, 'short-code'), 'the short code', page);

  await expectText(page, 'code-activity-title', '长者茶话会（今天）', { exact: true });
  // `<image src>` is not mirrored into the DOM: the data URL is in the page's data tree.
  const qr = byId(page, 'check-in-qr');
  expect(qr).toBeDefined();
  const src = attributeValues(qr).find((value) => value.startsWith('data:image/'));
  expect(src).toMatch(/^data:image\/gif;base64,[A-Za-z0-9+/]+=*$/);
  expect(Buffer.from(src!.split(',')[1], 'base64').subarray(0, 6).toString('latin1')).toMatch(/^GIF8[79]a$/);

  // The short code on screen is the one the server issued for this caller's booking, shown "123 456".
  const shown = nodeText(byId(page, 'short-code')).trim();
  const issued = await act(RESIDENT, 'myCheckInCode', { activityId: tea });
  // The backend's clock stands still in these tests: the same 30-second window, the same code.
  expect(shown).toBe(`${String(issued.shortCode).slice(0, 3)} ${String(issued.shortCode).slice(3)}`);
  await expectText(page, 'code-refresh', '二维码每30秒自动刷新');
  expect(recorder.calls).toContain('activities.myCheckInCode');
  expect(recorder.modals).toEqual([]);

  // 王社工's phone: 扫码签到 → wx.scanCode (QR only) answers with the code's text → 签到成功.
  nextScan = String(issued.code);
  caller = 'dev-staff';
  try {
    const scan = await openPage('packages/staff/pages/scan/index', { activityId: tea });
    await waitFor(() => byId(scan, 'scan-button'), 'the scan button', scan);
    tap(scan, 'scan-button');
    await expectText(scan, 'scan-result-headline', '✓ 签到成功', { exact: true });
    await expectText(scan, 'scan-result-name', '张**（尾号 1111）', { exact: true });
    expect(scans.at(-1)?.scanType).toEqual(['qrCode']);
  } finally {
    caller = RESIDENT;
  }
  expect(await bookingOf(tea, RESIDENT)).toMatchObject({ status: 'checked_in' });
});

test('waitlist: a full activity offers 加入候补; after confirming she is 候补第 2 位, also under 我的报名', async () => {
  const knit = await activityId('手工编织小组（可候补）');
  // 陈先生 takes the only seat; 小李 queues first.
  expect(await act('dev-donor', 'signUp', { activityId: knit })).toMatchObject({ status: 'confirmed' });
  expect(await act('dev-volunteer', 'signUp', { activityId: knit })).toMatchObject({ status: 'waitlisted' });

  const page = await openPage('packages/activity/pages/detail/index', { activityId: knit });
  await expectText(page, 'book-button', '加入候补', { exact: true });
  await expectText(page, 'remaining-seats', '已满', { exact: true });

  tap(page, 'book-button');
  await waitFor(() => byId(page, 'confirm-waitlist-button'), 'the waitlist dialog', page);
  tap(page, 'confirm-waitlist-button');
  await expectText(page, 'booking-status', '候补第 2 位', { exact: true });
  expect(byId(page, 'cancel-booking-button')).toBeDefined();
  expect(byId(page, 'show-code-button')).toBeUndefined(); // no seat, no check-in code
  expect(recorder.modals).toEqual([]);
  expect(await bookingOf(knit, RESIDENT)).toMatchObject({ status: 'waitlisted' });

  // 我的报名 lists it with the same words.
  const mine = await openPage('packages/activity/pages/my-bookings/index');
  await waitFor(() => textOf(mine).includes('手工编织小组（可候补）'), 'my bookings', mine);
  await waitFor(() => textOf(mine).includes('候补第 2 位'), 'the waitlist position in the list', mine);
});
