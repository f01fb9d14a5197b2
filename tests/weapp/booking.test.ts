/**
 * The REAL weapp build (dist/weapp, official wcc compiler) rendered by miniprogram-simulate, with
 * `wx.cloud.callFunction` routed to the REAL cloud functions running against the database
 * emulator: a resident sees the seeded activities, opens one and books it.
 */
import type { Backend } from '../service/support';
import { byId, expectText, openPage, recorder, tap, textOf, useWeapp, waitFor } from './simulate-env';

jest.setTimeout(60_000);

const RESIDENT = 'dev-resident';
let backend: Backend;

useWeapp(RESIDENT, (started) => (backend = started));

test('home: the resident is greeted and sees the seeded activities of her station', async () => {
  const page = await openPage('pages/home/index');
  await waitFor(() => textOf(page).includes('健康义诊进社区'), 'the home feed', page);

  await expectText(page, 'home-greeting', '您好，张阿姨', { exact: true });
  // Her home station is 颐和社区社工室: its two published activities, with seats in words.
  const text = textOf(page);
  expect(text).toContain('健康义诊进社区');
  expect(text).toContain('老年书法班（小班）');
  expect(text).toContain('剩余 100 个名额');
  expect(text).toContain('剩余 2 个名额');
  expect(text).not.toContain('重阳节敬老活动'); // a draft
  expect(recorder.calls).toEqual(expect.arrayContaining(['accounts.me', 'activities.list']));
});

test('detail: the resident books an activity, the booking is stored and the page says so', async () => {
  const activity = (await backend.all('activities')).find((doc) => doc.title === '健康义诊进社区');
  expect(activity).toBeDefined();
  // Taro hands the page its query through onLoad(options) → useRouter().params.
  const page = await openPage('packages/activity/pages/detail/index', { activityId: activity._id });
  await waitFor(() => byId(page, 'book-button'), 'the book button', page);

  await expectText(page, 'activity-title', '健康义诊进社区', { exact: true });
  await expectText(page, 'remaining-seats', '剩余 100 个名额', { exact: true });
  await expectText(page, 'book-button', '立即报名', { exact: true });
  // The demo district's past months have bookings of their own: count this activity's.
  const bookingsOf = async () => (await backend.all('bookings')).filter((b) => b.activityId === activity._id);
  expect(await bookingsOf()).toHaveLength(0);

  tap(page, 'book-button');

  await expectText(page, 'booking-status', '✓ 您已报名成功', { exact: true });
  await expectText(page, 'remaining-seats', '剩余 99 个名额', { exact: true });
  expect(textOf(page)).toContain('✓ 您已报名成功');
  expect(byId(page, 'book-button')).toBeUndefined();
  expect(byId(page, 'cancel-booking-button')).toBeDefined();
  expect(recorder.toasts).toContain('报名成功');
  expect(recorder.modals).toEqual([]);
  // Every element has a template (NutUI's spinner renders as a view: client/lib/nutui-icons.ts).
  expect(recorder.templateWarnings).toEqual([]);

  const bookings = await bookingsOf();
  expect(bookings).toHaveLength(1);
  expect(bookings[0]).toMatchObject({ activityId: activity._id, status: 'confirmed' });
  const resident = (await backend.all('users')).find((user) => user.nickname === '张阿姨');
  expect(bookings[0].userId).toBe(resident._id);
  const stored = (await backend.all('activities')).find((doc) => doc._id === activity._id);
  expect(stored.confirmed).toBe(1);
});
