/**
 * Volunteers and the staff who run their shifts, on the REAL stack (H5 build + gateway + functions
 * + emulator): registration with real placeholders, the profile's phone filled in and the first
 * mistake brought into view; a filter for activities with free volunteer slots; cancelling a
 * shift (asked first); the staff's volunteer-slot field and an activity's volunteer list; a second
 * scan minutes after check-in asks before a check-out that records nothing; the certificate keeps
 * labels and values apart, names the activity and a person as 经办人, and a range with no hours
 * is said in the app's own dialog.
 */
import type { Page } from 'playwright-core';
import { setClock } from '../../cloudfunctions/core/deps';
import type { Gateway } from '../../emulator/gateway/server';
import { idCheckChar } from '../../shared/domain/identity';
import {
  apiOk,
  expectText,
  goto,
  httpLogin,
  signInAs,
  startPhones,
  type Phones,
  visible,
  withFailureScreenshot,
} from './support';

jest.setTimeout(150_000);

let phones: Phones;
let gateway: Gateway;
let db: Phones['db'];

beforeAll(async () => {
  phones = await startPhones();
  ({ gateway, db } = phones);
});

afterAll(async () => {
  setClock();
  await phones?.close();
});

afterEach(async () => {
  setClock();
  await phones.closePhones();
});

async function phoneOf(persona: 'volunteer' | 'staff' | 'resident' | 'donor'): Promise<Page> {
  const page = await phones.newPhone();
  await signInAs(page, gateway, persona);
  return page;
}

async function one(collection: string, where: Record<string, unknown>): Promise<any> {
  const { data } = await db.collection(collection).where(where).get();
  expect(data).toHaveLength(1);
  return data[0];
}

/** 小李 (`dev-volunteer`) registered over HTTP at 江滨街道社工站. */
async function registerXiaoLi(): Promise<string> {
  const token = await httpLogin(gateway, 'dev-volunteer');
  const first17 = '11010519900101012';
  await apiOk(
    gateway,
    'volunteering',
    'register',
    {
      data: {
        realName: '李小红',
        idNumber: first17 + idCheckChar(first17),
        phone: '13800002222',
        emergencyContact: { name: '李妈妈', phone: '13887654321' },
        homeStationId: 'st_LJ01',
      },
    },
    token,
  );
  return token;
}

test('registration: real placeholders, the profile phone filled in, the first mistake brought into view', async () => {
  let v: Page | undefined;
  await withFailureScreenshot(
    () => v,
    'volunteer-register-form',
    async () => {
      v = await phoneOf('volunteer');
      await goto(v, gateway, '/packages/volunteer/pages/register/index');
      const placeholder = (id: string) => visible(v!, `#${id} input`).getAttribute('placeholder');
      expect(await placeholder('input-realName')).toBe('与身份证上的姓名一致');
      expect(await placeholder('input-idNumber')).toBe('18位，最后一位可能是X');
      expect(await placeholder('input-contactName')).toBe('家人或朋友的姓名');
      expect(await placeholder('input-contactPhone')).toBe('11位手机号');
      // 小李's profile phone (13800002222) is already there.
      await v.waitForFunction(
        () => (document.querySelector('#input-phone input') as HTMLInputElement | null)?.value === '13800002222',
      );
      // Everything else left empty: submitting scrolls up to the first problem (the name).
      await v.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await visible(v, '#register-submit-button').click();
      await expectText(v, '#input-realName-error', '！请填写姓名', { exact: true });
      await v.waitForFunction(() => {
        const box = document.querySelector('#field-input-realName')!.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
      });
    },
  );
});

test('a volunteer finds open shifts, signs up and cancels before the deadline, after a confirmation', async () => {
  await registerXiaoLi();
  const health = await one('activities', { title: '健康义诊进社区' });
  let v: Page | undefined;
  await withFailureScreenshot(
    () => v,
    'volunteer-shift-cancel',
    async () => {
      v = await phoneOf('volunteer');
      await goto(v, gateway, '/packages/activity/pages/list/index');
      await visible(v, '#volunteer-slots-filter').click();
      await expectText(v, '#volunteer-slots-filter', '✓ 有志愿岗位', { exact: true });
      await expectText(v, `#volunteer-slots-${health._id}`, '志愿岗位：剩余 6 个（共 6 个）', { exact: true });
      // Only activities that recruit volunteers are listed.
      const listed = await v.locator('[id^="activity-card-"]').filter({ visible: true }).count();
      const slots = await v
        .locator('[id^="volunteer-slots-"]:not(#volunteer-slots-filter)')
        .filter({ visible: true })
        .count();
      expect(slots).toBe(listed);

      await visible(v, `#activity-card-${health._id}`).click();
      await expectText(v, '#volunteer-slots', '志愿者名额 0/6', { exact: true });
      await visible(v, '#shift-signup-button').click();
      await expectText(v, '#shift-status', '✓ 您已报名志愿岗位', { exact: true });
      await expectText(v, '#shift-cancel-deadline', '取消截止：');
      await visible(v, '#cancel-shift-button').click();
      await expectText(v, '.nut-dialog', '确认取消志愿岗位？');
      await visible(v, '#confirm-cancel-shift-button').click();
      await expectText(v, '#volunteer-slots', '志愿者名额 0/6', { exact: true });
      await visible(v, '#shift-signup-button').waitFor();
      expect(await one('shifts', { activityId: health._id })).toMatchObject({ status: 'cancelled' });
    },
  );
});

test('staff set volunteer slots on the form, see who volunteers, and confirm a check-out that records nothing', async () => {
  const volunteerToken = await registerXiaoLi().catch(() => httpLogin(gateway, 'dev-volunteer'));
  const tea = await one('activities', { title: '长者茶话会（今天）' });
  let s: Page | undefined;
  await withFailureScreenshot(
    () => s,
    'staff-volunteers',
    async () => {
      s = await phoneOf('staff');
      // The activity form has a 志愿者名额 field.
      await goto(s, gateway, '/packages/staff/pages/edit/index?stationId=st_LJ01');
      await visible(s, '#input-title input').fill('社区清洁日');
      await visible(s, '#category-volunteering').click();
      await visible(s, '#method-community').click();
      await visible(s, '#input-location input').fill('江滨公园');
      const day = new Date(Date.now() + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
      await visible(s, '#startAt-input').fill(`${day}T09:00`);
      await visible(s, '#endAt-input').fill(`${day}T11:00`);
      await visible(s, '#input-capacity input').fill('0');
      await visible(s, '#input-volunteerSlots input').fill('4');
      await visible(s, '#save-activity-button').click();
      await s.waitForURL(/staff\/pages\/edit\/index\?activityId=/);
      expect(await one('activities', { title: '社区清洁日' })).toMatchObject({ volunteerSlots: 4, status: 'draft' });

      // 小李 takes a slot on today's tea and is scanned in (short code typed at the door).
      await apiOk(gateway, 'volunteering', 'signUpShift', { activityId: tea._id }, volunteerToken);
      const typedCode = async () =>
        (await apiOk(gateway, 'volunteering', 'myShiftCode', { activityId: tea._id }, volunteerToken))
          .shortCode as string;
      setClock(() => new Date(Date.now() + 25 * 60_000)); // the tea started 20 minutes after the seed
      await goto(s, gateway, `/packages/staff/pages/scan/index?activityId=${tea._id}`);
      await visible(s, '#short-code-input input').fill(await typedCode());
      await visible(s, '#submit-short-code-button').click();
      await expectText(s, '#scan-result-headline', '✓ 志愿者签到成功', { exact: true });

      // Ten minutes later the same code again: asked first, and 不签退 keeps her checked in.
      setClock(() => new Date(Date.now() + 35 * 60_000));
      await visible(s, '#short-code-input input').fill(await typedCode());
      await visible(s, '#submit-short-code-button').click();
      await expectText(s, '.nut-dialog', '现在签退不计服务时长');
      await visible(s, '#keep-checked-in-button').click();
      await expectText(s, '#scan-result-headline', 'ℹ 仍在服务中', { exact: true });
      expect(await one('shifts', { activityId: tea._id })).toMatchObject({ status: 'checked_in' });

      // Once more, and this time she really leaves: 确认签退, no minutes, no ledger row.
      await visible(s, '#short-code-input input').fill(await typedCode());
      await visible(s, '#submit-short-code-button').click();
      await visible(s, '#confirm-checkout-button').click();
      await expectText(s, '#scan-result-headline', '✓ 志愿者签退成功', { exact: true });
      await expectText(s, '#scan-result-minutes', '服务不足半小时，不计时长');
      const shift = await one('shifts', { activityId: tea._id });
      expect(shift).toMatchObject({ status: 'checked_out', minutes: 0 });
      expect((await db.collection('hourEntries').where({ shiftId: shift._id }).get()).data).toEqual([]);

      // The activity's volunteers, for its staff: name, phone tail, in and out.
      await goto(s, gateway, `/packages/staff/pages/roster/index?activityId=${tea._id}`);
      await visible(s, '#open-volunteers-button').click();
      await s.waitForURL(/staff\/pages\/volunteers\/index/);
      await expectText(s, '#volunteers-summary', '志愿者 1 人 · 已签到 1 人', { exact: true });
      await expectText(s, `#volunteer-${shift._id}`, '李小红');
      await expectText(s, `#volunteer-${shift._id}`, '手机尾号 2222');
      await expectText(
        s,
        `#volunteer-state-${shift._id}`,
        /^\d{2}:\d{2} 签到 · \d{2}:\d{2} 签退 · 不足半小时，不计时长$/,
      );
    },
  );
});

test('certificate: labels apart from values, the activity as 服务项目, a person as 经办人; no hours → the app’s own dialog', async () => {
  // 陈先生 (the donor persona) volunteers too: a shift today, scanned in and out by 王社工 — 90 verified minutes.
  const volunteerToken = await httpLogin(gateway, 'dev-donor');
  const first17 = '11010519800202013';
  await apiOk(
    gateway,
    'volunteering',
    'register',
    {
      data: {
        realName: '陈志强',
        idNumber: first17 + idCheckChar(first17),
        phone: '13800003333',
        emergencyContact: { name: '陈太太', phone: '13887650000' },
        homeStationId: 'st_LJ01',
      },
    },
    volunteerToken,
  );
  const staffToken = await httpLogin(gateway, 'dev-staff');
  const created = await apiOk(
    gateway,
    'activities',
    'create',
    {
      stationId: 'st_LJ01',
      data: {
        title: '助餐送餐服务',
        category: 'volunteering',
        method: 'community',
        location: '江滨社区食堂',
        startAt: new Date(Date.now() + 60_000).toISOString(),
        endAt: new Date(Date.now() + 121 * 60_000).toISOString(),
        capacity: 0,
        volunteerSlots: 2,
      },
    },
    staffToken,
  );
  await apiOk(gateway, 'activities', 'publish', { activityId: created.activityId }, staffToken);
  await apiOk(gateway, 'volunteering', 'signUpShift', { activityId: created.activityId }, volunteerToken);
  const scan = async () => {
    const code = await apiOk(
      gateway,
      'volunteering',
      'myShiftCode',
      { activityId: created.activityId },
      volunteerToken,
    );
    return apiOk(gateway, 'volunteering', 'scanShift', { activityId: created.activityId, code: code.code }, staffToken);
  };
  setClock(() => new Date(Date.now() + 2 * 60_000));
  expect(await scan()).toMatchObject({ result: 'checked_in' });
  setClock(() => new Date(Date.now() + 95 * 60_000));
  expect(await scan()).toMatchObject({ result: 'checked_out', minutes: 90 });
  setClock();

  let v: Page | undefined;
  await withFailureScreenshot(
    () => v,
    'volunteer-certificate-layout',
    async () => {
      v = await phoneOf('donor');
      await v.setViewportSize({ width: 320, height: 800 });
      await goto(v, gateway, '/packages/volunteer/pages/certificate/index');
      await visible(v, '#station-st_LJ01').click();
      await visible(v, '#issue-certificate-button').click();
      await expectText(v, '#certificate-handler', '王社工', { exact: true });
      await expectText(v, '#certificate-entry-0-item', '服务项目：助餐送餐服务', { exact: true });
      await expectText(v, '#certificate-entry-0-minutes', '90 分钟', { exact: true });
      await expectText(v, '#certificate-entry-0-date', /^\d{4}-\d{2}-\d{2}$/);
      // Labels and values are separate boxes, the value under its label; dates and minutes on one line.
      const layout = await visible(v, '#certificate-handler').evaluate((value) => {
        const label = value.previousElementSibling!.getBoundingClientRect();
        return { labelBottom: label.bottom, valueTop: value.getBoundingClientRect().top };
      });
      expect(layout.valueTop).toBeGreaterThanOrEqual(layout.labelBottom - 1);
      for (const id of ['#certificate-entry-0-date', '#certificate-entry-0-minutes']) {
        expect(await visible(v, id).evaluate((el) => el.getClientRects().length)).toBe(1);
        const lineHeight = await visible(v, id).evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
        expect((await visible(v, id).boundingBox())!.height).toBeLessThanOrEqual(lineHeight * 1.2);
      }
      expect(await visible(v, '#certificate').innerText()).not.toMatch(/(^|\D)0 分钟/);

      // Another station, where she has no hours: the app's own dialog, not a grey system box.
      await visible(v, '#new-certificate-button').click();
      await visible(v, '#station-st_LJ02').click();
      await visible(v, '#issue-certificate-button').click();
      await expectText(v, '#notice-dialog-content', '所选时间内在该站点没有服务时长记录');
      expect(await v.locator('.taro-modal__content').filter({ visible: true }).count()).toBe(0);
      await visible(v, '#close-refusal-button').click();
      await visible(v, '#notice-dialog-content').waitFor({ state: 'hidden' });
    },
  );
});
