/**
 * Browser E2E of 探访关爱 on the REAL stack (H5 build + in-process gateway + real cloud functions +
 * database emulator): 王社工 registers a person with consent, finds them in 本周应访, records a visit
 * with one abnormal item with the network off; the draft outlives a page reload (the backend still
 * unreachable) and syncs exactly once when the browser is back online; the 月报 then shows the
 * rate; a paired volunteer sees only the masked task.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { Gateway } from '../../emulator/gateway/server';
import { idCheckChar } from '../../shared/domain/identity';
import {
  api,
  goto,
  httpLogin,
  ROOT,
  signInAs,
  startPhones,
  VIEWPORT,
  visible,
  withFailureScreenshot,
  type Phones,
} from './support';

const SCREENSHOT_VISIT = path.join(ROOT, 'docs/screenshot-visit.png');

jest.setTimeout(180_000);

let phones: Phones;
let gateway: Gateway;
let db: Phones['db'];

beforeAll(async () => {
  phones = await startPhones();
  ({ gateway, db } = phones);
});
afterAll(async () => {
  await phones?.close();
});

async function expectText(p: Page, selector: string, text: string | RegExp): Promise<void> {
  await visible(p, selector).filter({ hasText: text }).waitFor();
}

async function call(fn: string, action: string, data: unknown, token: string) {
  const answer = await api(gateway, fn, { action, data }, token);
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${JSON.stringify(answer.error)}`);
  return answer.data as any;
}

/** Shanghai calendar day `days` from now. */
function shanghaiDay(days: number): string {
  return new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
}

async function visitsOf(targetId: string) {
  return ((await db.collection('visits').where({ targetId }).get()) as { data: any[] }).data;
}

let targetId = '';

test('staff register a person with consent, record a visit offline, and it syncs once when back online', async () => {
  const staff = await phones.newPhone();
  await withFailureScreenshot(
    () => staff,
    'targets-staff',
    async () => {
      await signInAs(staff, gateway, 'staff');
      // 我的 → 探访关爱 → 服务对象档案 → 登记服务对象.
      await goto(staff, gateway, '/pages/mine/index');
      await visible(staff, '#targets-plan-entry').click();
      await staff.waitForURL(/targets\/pages\/plan\/index/);
      await visible(staff, '#open-roster-button').click();
      await staff.waitForURL(/targets\/pages\/roster\/index/);
      await visible(staff, '#new-target-button').click();
      await staff.waitForURL(/targets\/pages\/edit\/index/);

      await visible(staff, '#input-name input').fill('蒋阿婆');
      await visible(staff, '#gender-female').click();
      await visible(staff, '#input-birthYear input').fill('1940');
      await visible(staff, '#input-phone1 input').fill('13700030001');
      await visible(staff, '#input-area input').fill('颐和社区');
      await visible(staff, '#input-building input').fill('9幢1单元');
      await visible(staff, '#target-category-living_alone').click();
      await visible(staff, '#tier-high').click();
      await visible(staff, '#input-tierReason input').fill('独居高龄');
      // Saving without saying whether consent was given is refused on the phone, in words.
      await visible(staff, '#save-target-button').click();
      await expectText(staff, '#field-consent-error', '请说明是否取得本人（或监护人）单独同意');
      await visible(staff, '#consent-none').click();
      await expectText(staff, '#no-consent-notice', '仅保存履行法定职责所需的最少信息');
      await visible(staff, '#consent-given').click();
      await visible(staff, '#consent-by-self').click();
      await visible(staff, '#consent-method-verbal_witnessed').click();
      await visible(staff, '#input-witness input').fill('网格员小陈');
      await visible(staff, '#save-target-button').click();
      await staff.waitForURL(/targets\/pages\/roster\/index/);
      const { data } = (await db.collection('targets').where({ name: '蒋阿婆' }).get()) as { data: any[] };
      expect(data).toHaveLength(1);
      targetId = data[0]._id;
      expect(data[0]).toMatchObject({
        stationId: 'st_LJ01',
        tier: 'high',
        consent: { status: 'given', method: 'verbal_witnessed', witness: '网格员小陈' },
      });
      await visible(staff, `#target-${targetId}`).waitFor();

      // 今日探访: the new person is due this week.
      await goto(staff, gateway, '/packages/targets/pages/plan/index');
      await expectText(staff, `#due-${targetId}`, '本周应访');
      await visible(staff, `#visit-${targetId}`).click();
      await staff.waitForURL(/targets\/pages\/visit\/index/);
      await expectText(staff, '#visit-target-name', '蒋阿婆');

      // No signal at the door.
      await staff.context().setOffline(true);
      await visible(staff, '#all-ok-health').click();
      await expectText(staff, '#check-speech-ok', '✓ 正常');
      await visible(staff, '#check-gas-abnormal').click();
      await expectText(staff, '#check-gas-abnormal', '！异常');
      await visible(staff, '#submit-visit-button').click();
      await expectText(staff, '#field-followUpNote-error', '有异常项，请填写跟进事项和日期');
      await visible(staff, '#input-followUpNote textarea').fill('燃气软管老化，联系燃气公司更换');
      await visible(staff, `#due-${shanghaiDay(3)}`).click();
      await visible(staff, '#submit-visit-button').click();
      await expectText(staff, '#visit-result-text', '已保存在手机上，有网络后会自动同步');
      expect(await visitsOf(targetId)).toEqual([]);

      // The browser is online again but the backend is still out of reach: a reload keeps the draft.
      await staff.route('**/api/targets', (route) => route.abort());
      await staff.context().setOffline(false);
      await goto(staff, gateway, '/packages/targets/pages/sync/index');
      await expectText(staff, '#sync-count', '1 条探访待同步');
      await expectText(staff, '[id^="draft-status-"]', '等待网络，有网络后自动同步');
      expect(await visitsOf(targetId)).toEqual([]);

      // The network comes back: the page syncs by itself, once.
      await staff.unroute('**/api/targets');
      await staff.context().setOffline(true);
      await staff.context().setOffline(false);
      await expectText(staff, '#sync-count', '没有待同步的探访');
      await goto(staff, gateway, '/packages/targets/pages/sync/index');
      await expectText(staff, '#sync-count', '没有待同步的探访');
      const visits = await visitsOf(targetId);
      expect(visits).toHaveLength(1);
      expect(visits[0]).toMatchObject({
        status: 'counted',
        checklist: { speech: 'ok', movement: 'ok', response: 'ok', illness: 'ok', mental: 'ok', gas: 'abnormal' },
        followUp: { note: '燃气软管老化，联系燃气公司更换', dueDate: shanghaiDay(3), orderId: null },
      });

      // The record shows the visit; the 月报 counts it.
      await goto(staff, gateway, `/packages/targets/pages/record/index?targetId=${targetId}`);
      await expectText(staff, `#visit-row-${visits[0]._id}`, '！异常：安全状况·燃气');
      const token = await httpLogin(gateway, 'dev-staff');
      const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
      const report = await call('reports', 'monthly', { stationId: 'st_LJ01', month }, token);
      const missing = report.visits.due - report.visits.visited;
      await goto(staff, gateway, `/packages/console/pages/report/index?stationId=st_LJ01&month=${month}`);
      await expectText(
        staff,
        '#report-visits-line',
        missing
          ? `本月探访 ${report.visits.visited}/${report.visits.due}，${missing} 人未访`
          : `本月探访 ${report.visits.visited}/${report.visits.due}，全部已访`,
      );
      expect(report.visits.byTier.find((t: any) => t.tier === 'high').visited).toBeGreaterThanOrEqual(1);
      await goto(staff, gateway, '/packages/console/pages/index/index');
      await expectText(staff, '#console-visits-line', `本月探访 ${report.visits.visited}/${report.visits.due}`);
    },
  );
});

test('a paired volunteer sees only the masked task', async () => {
  const volunteerToken = await httpLogin(gateway, 'dev-volunteer');
  const first17 = '11010119900307100';
  await call(
    'volunteering',
    'register',
    {
      data: {
        realName: '李志远',
        idNumber: first17 + idCheckChar(first17),
        phone: '13800002222',
        emergencyContact: { name: '李母', phone: '13833334444' },
        homeStationId: 'st_LJ01',
      },
    },
    volunteerToken,
  );
  await call('targets', 'pairVolunteer', { targetId, phone: '13800002222' }, await httpLogin(gateway, 'dev-staff'));

  const volunteer = await phones.newPhone();
  await withFailureScreenshot(
    () => volunteer,
    'targets-volunteer',
    async () => {
      await signInAs(volunteer, gateway, 'volunteer');
      await goto(volunteer, gateway, '/pages/mine/index');
      await visible(volunteer, '#targets-tasks-entry').click();
      await volunteer.waitForURL(/targets\/pages\/tasks\/index/);
      await expectText(volunteer, `#task-name-${targetId}`, '蒋**');
      const text = (await visible(volunteer, '#task-list').innerText()).replace(/\s+/g, ' ');
      expect(text).toContain('颐和社区 9幢1单元');
      expect(text).toContain('13700030001');
      for (const hidden of ['蒋阿婆', '独居', '高风险', '网格员小陈', '燃气']) expect(text).not.toContain(hidden);
      // The staff side stays closed to them.
      await goto(volunteer, gateway, `/packages/targets/pages/record/index?targetId=${targetId}`);
      await expectText(volunteer, '#error-state', '您没有权限进行此操作');
    },
  );
});

test('the visit form works one-handed in 大字模式: big toggles, the buttons at the bottom, nothing off screen', async () => {
  const staff = await phones.newPhone();
  await withFailureScreenshot(
    () => staff,
    'targets-elder',
    async () => {
      await signInAs(staff, gateway, 'staff');
      await goto(staff, gateway, '/pages/mine/index');
      await visible(staff, '#elder-mode-entry').click();
      await expectText(staff, '#elder-mode-state', '已开启');
      await goto(staff, gateway, `/packages/targets/pages/visit/index?targetId=${targetId}&name=蒋阿婆&photos=1`);
      await visible(staff, '.page-shell--elder').waitFor();
      await visible(staff, '#check-speech-ok').click();
      await visible(staff, '#check-gas-abnormal').click();
      await visible(staff, '#follow-up').waitFor();
      for (const id of [
        '#check-speech-ok',
        '#check-speech-abnormal',
        '#all-ok-health',
        '#method-phone',
        '#submit-visit-button',
        '#save-draft-button',
      ]) {
        const box = await visible(staff, id).boundingBox();
        expect([id, (box?.height ?? 0) >= 60, (box?.width ?? 0) >= 60]).toEqual([id, true, true]);
      }
      // The two buttons stay at the bottom of the screen, within a thumb's reach, wherever the page is scrolled.
      for (const scroll of [0, 800]) {
        await staff.evaluate((y) => window.scrollTo(0, y), scroll);
        const submit = await visible(staff, '#submit-visit-button').boundingBox();
        expect(submit!.y + submit!.height).toBeLessThanOrEqual(VIEWPORT.height);
        expect(submit!.y).toBeGreaterThan(VIEWPORT.height * 0.75);
      }
      expect(await staff.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width);
      if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(SCREENSHOT_VISIT)) {
        await staff.evaluate(() => window.scrollTo(0, 0));
        await staff.screenshot({ path: SCREENSHOT_VISIT });
      }
    },
  );
});
