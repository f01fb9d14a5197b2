/**
 * Staff and their activity cards on the REAL stack (H5 build + gateway + functions + emulator): a
 * published card keeps three buttons (扫码签到, 名单, 更多) and the rest in the 更多 sheet; an
 * activity under way offers no 取消活动; 复制到新日期 opens a new draft with everything but the
 * dates; 通知报名居民 puts a station notice in every booked resident's 消息, audited.
 */
import type { Page } from 'playwright-core';
import { setClock } from '../../cloudfunctions/core/deps';
import {
  activityByTitle,
  apiOk,
  type E2E,
  expectText,
  goto,
  httpLogin,
  inFreshPage,
  signInAs,
  useE2E,
  visible,
} from './support';

jest.setTimeout(150_000);

let e2e: E2E;
useE2E((started) => (e2e = started));
afterEach(() => setClock());

/** The visible buttons inside an activity's card, by their words. */
async function cardButtons(p: Page, activityId: string): Promise<string[]> {
  return visible(p, `#activity-card-${activityId}`).evaluate((card) =>
    Array.from(card.querySelectorAll('.nut-button'))
      .filter((b) => (b as HTMLElement).offsetParent !== null)
      .map((b) => (b.textContent ?? '').trim()),
  );
}

test('a published card keeps 扫码签到, 名单 and 更多; the rest is in the sheet; no 取消活动 once under way', async () => {
  const tea = await activityByTitle(e2e.db, '长者茶话会（今天）');
  await inFreshPage(e2e, 'staff-more', async (p) => {
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/staff/pages/activities/index');
    await visible(p, `#activity-card-${tea._id}`).waitFor();
    expect(await cardButtons(p, tea._id)).toEqual(['扫码签到', '名单', '更多']);
    await visible(p, `#more-${tea._id}`).click();
    await expectText(p, '#more-sheet', '查看活动');
    const items = await visible(p, '#more-sheet').evaluate((sheet) =>
      Array.from(sheet.querySelectorAll('.nut-button')).map((b) => (b.textContent ?? '').trim()),
    );
    expect(items).toEqual([
      '查看活动',
      '编辑活动',
      '查看评价',
      '志愿者名单',
      '通知报名居民',
      '复制到新日期',
      '取消活动',
    ]);
    await visible(p, '#close-more-button').click();

    // Half an hour on, the tea is under way: the sheet says why it cannot be cancelled.
    // Both clocks move: the functions' and the browser's, which decides what the sheet offers.
    const shift = 30 * 60_000;
    setClock(() => new Date(Date.now() + shift));
    await p.clock.install({ time: new Date(Date.now() + shift) });
    await p.reload();
    await visible(p, `#more-${tea._id}`).click();
    await expectText(p, `#cancel-refusal-${tea._id}`, '！活动已经开始，不能再取消', { exact: true });
    expect(await p.locator(`#cancel-activity-${tea._id}`).filter({ visible: true }).count()).toBe(0);
  });
});

test('复制到新日期: a new draft with the same content and settings, dates left to choose', async () => {
  const source = await activityByTitle(e2e.db, '长者智能手机课堂');
  await inFreshPage(e2e, 'staff-copy', async (p) => {
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/staff/pages/activities/index');
    await visible(p, `#more-${source._id}`).click();
    await visible(p, `#copy-${source._id}`).click();
    await p.waitForURL(/staff\/pages\/edit\/index\?.*copyFrom=/);
    await expectText(p, '#copied-from', '已复制「长者智能手机课堂」的内容和设置，请选择新的开始和结束时间', {
      exact: true,
    });
    expect(await visible(p, '#input-title input').inputValue()).toBe('长者智能手机课堂');
    expect(await visible(p, '#input-location input').inputValue()).toBe(source.location);
    expect(await visible(p, '#startAt-input').inputValue()).toBe('');
    const day = new Date(Date.now() + 9 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    await visible(p, '#startAt-input').fill(`${day}T09:30`);
    await visible(p, '#endAt-input').fill(`${day}T11:00`);
    await visible(p, '#save-activity-button').click();
    await p.waitForURL(/staff\/pages\/edit\/index\?activityId=/);
    const { data } = await e2e.db.collection('activities').where({ title: '长者智能手机课堂' }).get();
    const copy = (data as any[]).find((a) => a._id !== source._id);
    expect(copy).toMatchObject({
      status: 'draft',
      stationId: source.stationId,
      category: source.category,
      method: source.method,
      location: source.location,
      description: source.description,
      capacity: source.capacity,
      startAt: new Date(`${day}T01:30:00.000Z`),
      endAt: new Date(`${day}T03:00:00.000Z`),
    });
  });
});

test('通知报名居民: every booked resident finds the station notice in 消息; the audit log keeps it', async () => {
  const tea = await activityByTitle(e2e.db, '长者茶话会（今天）');
  await apiOk(
    e2e.gateway,
    'activities',
    'signUp',
    { activityId: tea._id },
    await httpLogin(e2e.gateway, 'dev-resident'),
  );
  await inFreshPage(e2e, 'staff-notify', async (p) => {
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/staff/pages/activities/index');
    await visible(p, `#more-${tea._id}`).click();
    await visible(p, `#notify-${tea._id}`).click();
    await visible(p, '#confirm-notify-button').click();
    await expectText(p, '.form-field__error', '！请填写通知内容', { exact: true });
    await visible(p, '#notify-message-input input').fill('茶话会改在二楼会议室，请从东门进');
    await visible(p, '#confirm-notify-button').click();
    await expectText(p, `#notified-${tea._id}`, '✓ 已通知 1 位居民', { exact: true });

    const { data: audit } = await e2e.db.collection('auditLog').where({ action: 'activity.notify' }).get();
    expect(audit).toEqual([
      expect.objectContaining({ entityId: tea._id, reason: '茶话会改在二楼会议室，请从东门进', to: { notified: 1 } }),
    ]);

    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, '/packages/messages/pages/list/index');
    await expectText(p, '.page-shell', '江滨街道社工站通知');
    await expectText(p, '.page-shell', '关于「长者茶话会（今天）」');
    await expectText(p, '.page-shell', '茶话会改在二楼会议室，请从东门进');
  });
});
