/**
 * A resident's journeys on the REAL stack (H5 build + gateway + functions + emulator): 首页 shows
 * 我的下一场活动 with 出示签到码 one tap away; cards say her own state; 查看全部活动 covers her 站 and
 * its rooms, with a title search; booking after the cancel deadline asks first and says why; a
 * full activity shows no "报名中"; a resident who never registered as a volunteer sees no volunteer
 * slots; 我的 edits her name and phone; a family member is added, booked for, and named on the
 * booking, the check-in code and 我的报名.
 */
import {
  activityByTitle,
  api,
  apiOk,
  type E2E,
  expectText,
  goto,
  httpLogin,
  inFreshPage,
  SCREENSHOT_HOME,
  shouldWriteScreenshot,
  signInAs,
  useE2E,
  visible,
} from './support';

jest.setTimeout(150_000);

let e2e: E2E;
useE2E((started) => (e2e = started));

async function userOf(openid: string): Promise<any> {
  const { data } = await e2e.db.collection('users').where({ openid }).get();
  expect(data).toHaveLength(1);
  return data[0];
}

test('首页: 我的下一场活动 with 出示签到码 one tap away; cards and lists say her own state', async () => {
  const token = await httpLogin(e2e.gateway, 'dev-resident');
  const health = await activityByTitle(e2e.db, '健康义诊进社区');
  const knit = await activityByTitle(e2e.db, '手工编织小组（可候补）');
  await apiOk(e2e.gateway, 'activities', 'signUp', { activityId: health._id }, token);
  // The knitting group's only seat goes to a neighbour; she waits first in line.
  await apiOk(e2e.gateway, 'activities', 'signUp', { activityId: knit._id }, await httpLogin(e2e.gateway, 'e2e-knit'));
  await apiOk(e2e.gateway, 'activities', 'signUp', { activityId: knit._id }, token);

  await inFreshPage(e2e, 'resident-next', async (p) => {
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, '/pages/home/index');
    await expectText(p, '#next-activity-title', '健康义诊进社区', { exact: true });
    await expectText(p, '#next-activity-state', '✓ 已报名', { exact: true });
    await expectText(p, `#my-state-${health._id}`, '✓ 已报名', { exact: true });
    if (shouldWriteScreenshot(SCREENSHOT_HOME)) {
      await p.waitForTimeout(500); // let fonts and the last paint settle
      await p.screenshot({ path: SCREENSHOT_HOME });
    }

    // One tap from 首页 to the code.
    await visible(p, '#next-activity-code-button').click();
    await p.waitForURL(new RegExp(`check-in-code/index\\?activityId=${health._id}`));
    await expectText(p, '#code-activity-title', '健康义诊进社区', { exact: true });
    await expectText(p, '#short-code', /^\d{3} \d{3}$/);

    // 查看全部活动: her 站 (江滨) and its rooms, not only her own 室 (颐和).
    await goto(p, e2e.gateway, '/pages/home/index');
    await visible(p, '#all-activities-button').click();
    await p.waitForURL(/activity\/pages\/list\/index\?stationId=st_LJ01/);
    await expectText(p, '#activity-list-scope', '江滨街道社工站及下属社工室的活动', { exact: true });
    await visible(p, `#activity-card-${knit._id}`).waitFor(); // 望江社区 (another room)
    await expectText(p, `#my-state-${knit._id}`, '候补第 1 位', { exact: true });
    await expectText(p, `#my-state-${health._id}`, '✓ 已报名', { exact: true });

    // Search by title.
    await visible(p, '#activity-search input').fill('书法');
    await expectText(p, '#activity-list-total', '共 1 个活动', { exact: true });
    await visible(p, `#activity-card-${(await activityByTitle(e2e.db, '老年书法班（小班）'))._id}`).waitFor();
  });
});

test('booking after the cancel deadline asks first and says so; a full activity shows no 报名中', async () => {
  const staff = await httpLogin(e2e.gateway, 'dev-staff');
  const start = new Date(Date.now() + 3 * 3600_000);
  const late = await apiOk(
    e2e.gateway,
    'activities',
    'create',
    {
      stationId: 'st_LJ0101',
      data: {
        title: '截止后报名测试',
        category: 'culture',
        method: 'group',
        location: '颐和社区活动室',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 3600_000).toISOString(),
        capacity: 10,
        cancelDeadline: new Date(Date.now() - 60_000).toISOString(),
      },
    },
    staff,
  );
  await apiOk(e2e.gateway, 'activities', 'publish', { activityId: late.activityId }, staff);
  const small = await activityByTitle(e2e.db, '老年书法班（小班）');
  for (const neighbour of ['e2e-full-a', 'e2e-full-b'])
    await apiOk(
      e2e.gateway,
      'activities',
      'signUp',
      { activityId: small._id },
      await httpLogin(e2e.gateway, neighbour),
    );

  await inFreshPage(e2e, 'late-booking', async (p) => {
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, `/packages/activity/pages/detail/index?activityId=${late.activityId}`);
    await visible(p, '#book-button').click();
    await expectText(p, '.nut-dialog', '确认报名？');
    await expectText(p, '.nut-dialog', '报名后不能在线取消');
    await visible(p, '#confirm-book-button').click();
    await expectText(p, '#booking-status', '✓ 您已报名成功', { exact: true });
    await expectText(p, '.status-line--warn', '已过取消截止时间，如需取消请联系社工站', { exact: true });

    // Full: "已满" and no "报名中" beside it.
    await goto(p, e2e.gateway, `/packages/activity/pages/detail/index?activityId=${small._id}`);
    await expectText(p, '#remaining-seats', '已满', { exact: true });
    expect(await p.locator('#activity-phase').filter({ visible: true }).count()).toBe(0);
    expect(
      await visible(p, '.activity-detail__title').evaluate((el) => el.closest('.card')!.textContent),
    ).not.toContain('报名中');
  });
});

test('a resident who never registered as a volunteer sees no volunteer slots; the promotion says a seat opened up', async () => {
  const health = await activityByTitle(e2e.db, '健康义诊进社区');
  expect(health.volunteerSlots).toBe(6);
  const knit = await activityByTitle(e2e.db, '手工编织小组（可候补）');
  await inFreshPage(e2e, 'no-volunteer-slots', async (p) => {
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, `/packages/activity/pages/detail/index?activityId=${health._id}`);
    await expectText(p, '#activity-title', '健康义诊进社区', { exact: true });
    await visible(p, '#family-bookings').waitFor(); // signed in: the page is complete
    expect(await p.locator('#volunteer-panel').filter({ visible: true }).count()).toBe(0);
    expect(await p.locator('body').innerText()).not.toContain('志愿者名额');

    // The neighbour gives the knitting seat back: she (first in line) is offered it.
    const neighbour = await httpLogin(e2e.gateway, 'e2e-knit');
    await apiOk(e2e.gateway, 'activities', 'cancelBooking', { activityId: knit._id }, neighbour);
    await goto(p, e2e.gateway, '/packages/messages/pages/list/index');
    await expectText(p, '.page-shell', '有空位了，请确认参加');
  });
});

test('我的: she changes her display name and phone', async () => {
  await inFreshPage(e2e, 'edit-profile', async (p) => {
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await expectText(p, '#profile-name', '张阿姨', { exact: true });
    await visible(p, '#edit-profile-button').click();
    await visible(p, '#profile-phone-input input').fill('1380000');
    await visible(p, '#save-profile-button').click();
    await expectText(p, '#field-profile-phone-error', '！请输入11位手机号', { exact: true });
    await visible(p, '#profile-nickname-input input').fill('张秀兰');
    await visible(p, '#profile-phone-input input').fill('13900007777');
    await visible(p, '#save-profile-button').click();
    await expectText(p, '#profile-name', '张秀兰', { exact: true });
    await expectText(p, '#profile-phone', '13900007777', { exact: true });
    expect(await userOf('dev-resident')).toMatchObject({ nickname: '张秀兰', phone: '13900007777' });
    // Back to her seeded name for the other tests' words.
    await visible(p, '#edit-profile-button').click();
    await visible(p, '#profile-nickname-input input').fill('张阿姨');
    await visible(p, '#save-profile-button').click();
    await expectText(p, '#profile-name', '张阿姨', { exact: true });
  });
});

test('family: she adds her mother, books for her, and the booking, the code and 我的报名 say whom it is for', async () => {
  const tea = await activityByTitle(e2e.db, '长者茶话会（今天）');
  await inFreshPage(e2e, 'family', async (p) => {
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#family-entry').click();
    await p.waitForURL(/activity\/pages\/family\/index/);
    await expectText(p, '#family-privacy-note', '只保存姓名、关系和（可不填的）手机号');
    await visible(p, '#add-family-button').click();
    await visible(p, '#family-name-input input').fill('王秀英');
    await visible(p, '#submit-family-button').click();
    await expectText(p, '#field-family-relation-error', '！请选择与您的关系', { exact: true });
    await expectText(p, '#field-family-consent-error', '！请先确认已征得家人同意', { exact: true });
    await visible(p, '#family-relation-mother').click();
    await visible(p, '#family-consent').click();
    await visible(p, '#submit-family-button').click();
    await visible(p, '#family-list').waitFor();
    const mother = (await userOf('dev-resident')).family[0];
    expect(mother).toMatchObject({ name: '王秀英', relation: 'mother', phone: null, consentAt: expect.any(Date) });
    await expectText(p, `#family-member-${mother.memberId}`, '母亲 王秀英');

    // Book for her on the activity page.
    await goto(p, e2e.gateway, `/packages/activity/pages/detail/index?activityId=${tea._id}`);
    await expectText(p, `#family-status-${mother.memberId}`, '未报名', { exact: true });
    await visible(p, `#family-book-${mother.memberId}`).click();
    await expectText(p, '.nut-dialog', '为母亲 王秀英报名。');
    await visible(p, '#confirm-family-book-button').click();
    await expectText(p, `#family-status-${mother.memberId}`, '✓ 已报名成功', { exact: true });
    const zhang = await userOf('dev-resident');
    const { data: rows } = await e2e.db.collection('bookings').where({ activityId: tea._id, userId: zhang._id }).get();
    expect(rows).toEqual([
      expect.objectContaining({
        _id: `${tea._id}_${zhang._id}_${mother.memberId}`,
        attendeeName: '王秀英',
        status: 'confirmed',
        forMember: { memberId: mother.memberId, name: '王秀英', relation: 'mother' },
      }),
    ]);
    // Her own booking panel is untouched: she has not booked for herself.
    await expectText(p, '#book-button', '立即报名', { exact: true });

    // Her mother's code names her.
    await visible(p, `#family-code-${mother.memberId}`).click();
    await p.waitForURL(/check-in-code\/index\?activityId=.*memberId=/);
    await expectText(p, '#code-for', '为母亲 王秀英签到', { exact: true });
    await expectText(p, '#short-code', /^\d{3} \d{3}$/);

    // 我的报名 lists it as hers to manage, for her mother.
    await goto(p, e2e.gateway, '/packages/activity/pages/my-bookings/index');
    await expectText(p, `#booking-for-${tea._id}-${mother.memberId}`, '为母亲 王秀英报名', { exact: true });
    await expectText(p, `#show-code-${tea._id}-${mother.memberId}`, '出示王秀英的签到码', { exact: true });

    // Booking her twice is refused by the booking id itself.
    const again = await api(
      e2e.gateway,
      'activities',
      { action: 'signUp', data: { activityId: tea._id, memberId: mother.memberId } },
      await httpLogin(e2e.gateway, 'dev-resident'),
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'ALREADY_BOOKED' } });
  });
});
