/**
 * Browser E2E on the REAL stack: the H5 build (dist/h5) served by the local gateway, which runs
 * the real cloud functions against the database emulator (demo district seeded). Chromium signs
 * in through the dev persona page like a person would.
 */
import { ERROR_MESSAGES } from '../../shared/errors';
import {
  activityByTitle,
  api,
  type E2E,
  expectText,
  goto,
  httpLogin,
  inFreshPage,
  signInAs,
  useE2E,
  visible,
  visibleText,
} from './support';

jest.setTimeout(120_000);

let e2e: E2E;

useE2E((started) => (e2e = started));

async function bookingsOf(activityId: string) {
  const { data } = await e2e.db.collection('bookings').where({ activityId }).get();
  return data as { userId: string; status: string }[];
}

async function userIdOf(nickname: string): Promise<string> {
  const { data } = await e2e.db.collection('users').where({ nickname }).get();
  expect(data).toHaveLength(1);
  return (data[0] as { _id: string })._id;
}

/** Beijing date `YYYY-MM-DD`, `days` from today. */
function beijingDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

test('a resident signs in, books an activity from the home page and finds it under 我的报名', async () => {
  await inFreshPage(e2e, 'resident-books', async (p) => {
    // Home asks who you are first (accounts.me → UNAUTHENTICATED → the local sign-in page).
    await goto(p, e2e.gateway, '/pages/home/index');
    await p.waitForURL(/packages\/dev\/pages\/sign-in/);
    await signInAs(p, e2e.gateway, 'resident');
    await p.waitForURL(/pages\/home\/index/);
    await visibleText(p, '您好，张阿姨').waitFor();
    // Her station (颐和社区社工室) and its upcoming activities.
    await visibleText(p, '健康义诊进社区').waitFor();
    await visibleText(p, '老年书法班（小班）').waitFor();

    await visibleText(p, '健康义诊进社区').click();
    await p.waitForURL(/activity\/pages\/detail\/index\?activityId=/);
    await visible(p, '#book-button').waitFor();
    await expectText(p, '#activity-title', '健康义诊进社区');
    await expectText(p, '#remaining-seats', '剩余 100 个名额');

    await visible(p, '#book-button').click();
    await expectText(p, '#booking-status', '✓ 您已报名成功');
    await expectText(p, '#remaining-seats', '剩余 99 个名额');
    await visible(p, '#cancel-booking-button').waitFor();

    // Stored: one confirmed booking for 张阿姨, one seat taken.
    const activity = await activityByTitle(e2e.db, '健康义诊进社区');
    expect(activity.confirmed).toBe(1);
    const bookings = await bookingsOf(activity._id);
    expect(bookings).toEqual([expect.objectContaining({ userId: await userIdOf('张阿姨'), status: 'confirmed' })]);

    // Back to 首页 (WeChat's back button; the browser's here), then the tab bar: 我的 → 我的报名.
    await p.goBack();
    await p.waitForURL(/pages\/home\/index/);
    await visible(p, '.weui-tabbar__label:text-is("我的")').click();
    await p.waitForURL(/pages\/mine\/index/);
    await visible(p, '#my-bookings-entry').click();
    await p.waitForURL(/activity\/pages\/my-bookings\/index/);
    await visibleText(p, '共 1 条报名记录').waitFor();
    await visibleText(p, '健康义诊进社区').waitFor();
    await visibleText(p, /^报名成功（/).waitFor();
  });
});

test('a full activity: the last seat goes to someone else first, the resident is told 名额已满', async () => {
  const title = '老年书法班（小班）';
  const activity = await activityByTitle(e2e.db, title);
  expect(activity.capacity).toBe(2);
  const signUp = async (openid: string) =>
    api(
      e2e.gateway,
      'activities',
      { action: 'signUp', data: { activityId: activity._id } },
      await httpLogin(e2e.gateway, openid),
    );

  await inFreshPage(e2e, 'full-activity', async (p) => {
    // Another resident takes the first seat over HTTP.
    expect(await signUp('e2e-neighbour-a')).toMatchObject({ ok: true });

    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, `/packages/activity/pages/detail/index?activityId=${activity._id}`);
    await expectText(p, '#remaining-seats', '剩余 1 个名额');
    await visible(p, '#book-button').waitFor();

    // While the page is open, a second resident takes the last seat.
    expect(await signUp('e2e-neighbour-b')).toMatchObject({ ok: true });

    // The page still offers the seat; the server refuses with ACTIVITY_FULL, shown in Chinese.
    await visible(p, '#book-button').click();
    // Taro's H5 showModal (the app's error dialog): its root has no box of its own; the content does.
    const dialog = visible(p, '.taro-modal__content');
    await dialog.waitFor();
    await expect(dialog.locator('.taro-modal__text').innerText()).resolves.toContain(ERROR_MESSAGES.ACTIVITY_FULL);
    await dialog.getByText('知道了').click();
    await dialog.waitFor({ state: 'hidden' });

    // …and the page refreshed behind the dialog: full, in words, with booking turned off.
    await expectText(p, '#booking-refusal', '名额已满');
    await expectText(p, '#remaining-seats', '已满');
    await expectText(p, '#book-button', '暂不能报名');
    await expect(visible(p, '#book-button').evaluate((el) => el.className)).resolves.toMatch(/disabled/);

    // A fresh visit shows the same.
    await p.reload();
    await expectText(p, '#booking-refusal', '名额已满');

    // The database: two confirmed bookings, none for 张阿姨.
    const stored = await activityByTitle(e2e.db, title);
    expect(stored.confirmed).toBe(2);
    const bookings = await bookingsOf(activity._id);
    expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(2);
    expect(bookings.map((b) => b.userId)).not.toContain(await userIdOf('张阿姨'));
  });
});

test('staff create a draft through the form and publish it; a resident then finds it in the list', async () => {
  const title = `E2E 手工编织课 ${Date.now() % 100_000}`;
  const day = beijingDate(2);
  await inFreshPage(e2e, 'staff-publishes', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'staff');

    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#staff-entry').click();
    await p.waitForURL(/staff\/pages\/activities\/index/);
    await visible(p, '#new-activity-button').click();
    await p.waitForURL(/staff\/pages\/edit\/index\?stationId=/);

    await visible(p, '#input-title input').fill(title);
    await visible(p, '#category-culture').click();
    await visible(p, '#method-group').click();
    await visible(p, '#input-location input').fill('江滨街道党群服务中心 手工室');
    await visible(p, '#startAt-input').fill(`${day}T08:00`);
    await visible(p, '#endAt-input').fill(`${day}T09:30`);
    await visible(p, '#input-capacity input').fill('12');
    await visible(p, '#input-description textarea').fill('毛线和针由社工站提供。');
    await visible(p, '#save-activity-button').click();

    // Saved as a draft: the page reopens as the editor of that activity.
    await p.waitForURL(/staff\/pages\/edit\/index\?activityId=/);
    await expectText(p, '#activity-status', '当前状态：草稿');
    const draft = await activityByTitle(e2e.db, title);
    expect(draft).toMatchObject({
      status: 'draft',
      capacity: 12,
      stationId: 'st_LJ01',
      createdBy: await userIdOf('王社工'),
    });

    // Not visible to the public yet.
    const before = await api(e2e.gateway, 'activities', { action: 'get', data: { activityId: draft._id } });
    expect(before.ok).toBe(false);

    await visible(p, '#publish-activity-button').click();
    await visible(p, '#confirm-publish-button').click();
    await p.waitForURL(/activity\/pages\/detail\/index\?activityId=/);
    await expectText(p, '#activity-title', title);
    await visible(p, '#edit-activity-button').waitFor();
    expect((await activityByTitle(e2e.db, title)).status).toBe('published');

    // A resident now finds it among all upcoming activities and can open it.
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, '/packages/activity/pages/list/index');
    await visibleText(p, title).click();
    await p.waitForURL(new RegExp(`activityId=${draft._id}`));
    await expectText(p, '#remaining-seats', '剩余 12 个名额');
    await expectText(p, '#book-button', '立即报名');
  });
});
