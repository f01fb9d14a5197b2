/**
 * Browser E2E of the staff console (工作台) and the monthly report (月报) on the REAL stack: the
 * H5 build served by the local gateway running the real cloud functions against the database
 * emulator (demo district seeded). A resident books and is checked in over HTTP; 王社工 sees it on
 * the console, in the report, in the per-child table and in the exported .xlsx.
 */
import ExcelJS from 'exceljs';
import { idCheckChar } from '../../shared/domain/identity';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  activityByTitle,
  api,
  ARTIFACTS_DIR,
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

const TODAY_TITLE = '长者茶话会（今天）';

let e2e: E2E;

useE2E((started) => (e2e = started));

/** Where `CONSOLE_SCREENSHOTS=1` saves full-page pictures for a visual check (git-ignored). */
function shot(name: string): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return path.join(ARTIFACTS_DIR, `${name}.png`);
}

/** `YYYY-MM` in Asia/Shanghai. */
function beijingMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

async function call(fn: string, action: string, data: unknown, token: string) {
  const answer = await api(e2e.gateway, fn, { action, data }, token);
  if (!answer.ok) throw new Error(`${fn}.${action} refused: ${JSON.stringify(answer.error)}`);
  return answer.data as Record<string, unknown>;
}

test('staff: the console shows today, a check-in shows up on the console, the report and the Excel export', async () => {
  const activity = await activityByTitle(e2e.db, TODAY_TITLE);
  const month = beijingMonth();
  await inFreshPage(e2e, 'console-report-export', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'staff');

    // 我的 → 工作台 (the first staff entry).
    await goto(p, e2e.gateway, '/pages/mine/index');
    await visible(p, '#console-entry').click();
    await p.waitForURL(/console\/pages\/index\/index/);
    await expectText(p, '#console-station-picker', '江滨街道社工站');
    await expectText(p, '#today-activities', TODAY_TITLE);
    await expectText(p, `#seats-${activity._id}`, '已报名 0 / 名额 30');
    await expectText(p, `#checked-in-${activity._id}`, '已签到 0 人');
    await expectText(p, '#console-scan-entry', `扫码签到 · ${TODAY_TITLE}`);
    for (const name of [
      'pendingClaims',
      'autoClosedToReview',
      'pledgesExpectedThisWeek',
      'pledgesOverdue',
      'offersPending',
    ]) {
      await visible(p, `#queue-${name}`).waitFor();
    }
    await expectText(p, '#console-queues', '待审核补录');
    await expectText(p, '#figure-attendances', '0 人次');

    // 张阿姨 books over HTTP and shows her code; 王社工 types the 6-digit code (the scanner's fallback).
    const resident = await httpLogin(e2e.gateway, 'dev-resident');
    const staff = await httpLogin(e2e.gateway, 'dev-staff');
    await call('activities', 'signUp', { activityId: activity._id }, resident);
    const code = await call('activities', 'myCheckInCode', { activityId: activity._id }, resident);
    const checked = await call('activities', 'checkIn', { activityId: activity._id, shortCode: code.shortCode }, staff);
    expect(checked.result).toBe('checked_in');

    // The console, loaded again, counts her.
    await p.reload();
    await expectText(p, `#seats-${activity._id}`, '已报名 1 / 名额 30');
    if (process.env.CONSOLE_SCREENSHOTS === '1') await p.screenshot({ path: shot('console-home'), fullPage: true });
    await expectText(p, `#checked-in-${activity._id}`, '已签到 1 人');
    await expectText(p, '#figure-attendances', '1 人次');

    // The big entry opens the staff scanner for today's activity.
    await visible(p, '#console-scan-entry').click();
    await p.waitForURL(new RegExp(`staff/pages/scan/index\\?activityId=${activity._id}`));
    await visible(p, '#scan-activity-title').waitFor();
    // (A fresh visit rather than history back: Taro H5's back right after a navigation is racy.)
    await goto(p, e2e.gateway, '/packages/console/pages/index/index');

    // 查看月报: this month, 参加人次 1, the same in the 本级 row of the per-child table.
    await visible(p, '#open-report-button').click();
    await p.waitForURL(/console\/pages\/report\/index\?stationId=/);
    const [y, m] = month.split('-').map(Number);
    await expectText(p, '#report-month', `${y}年${m}月`);
    await expect(visible(p, '#report-next-month').evaluate((el) => el.className)).resolves.toMatch(/disabled/);
    await expectText(p, '#indicator-attendances', '参加人次（签到）');
    await expectText(p, '#indicator-attendances-value', '1 人次');
    await expectText(p, '#indicator-bookings-value', '1 人次');
    await expectText(p, '#report-children', '江滨街道社工站（本级）');
    await expectText(p, '#child-self-attendances', '1 人次');
    await expectText(p, `#trend-attendances-${month}`, '1 人次');
    await expectText(p, '#category-chart-elder_care', '· 1 人次');
    if (process.env.CONSOLE_SCREENSHOTS === '1') await p.screenshot({ path: shot('console-report'), fullPage: true });

    // 导出 Excel: a real download whose 月报汇总 sheet carries the same figure.
    const [download] = await Promise.all([p.waitForEvent('download'), visible(p, '#export-xlsx-button').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    const summary = book.getWorksheet('月报汇总');
    expect(summary).toBeDefined();
    const rows: Record<string, unknown>[] = [];
    summary?.eachRow((row, index) => {
      if (index === 1) return;
      rows.push({
        indicator: row.getCell(4).value,
        value: row.getCell(5).value,
        unit: row.getCell(8).value,
        numFmt: row.getCell(5).numFmt,
      });
    });
    // Numbers in the units people report in: 人次 as a count, the rate in %, the value in 元.
    expect(rows).toEqual(
      expect.arrayContaining([
        { indicator: '参加人次（签到）', value: 1, unit: '人次', numFmt: '0' },
        { indicator: '到场率', value: 100, unit: '%', numFmt: '0.0' },
        { indicator: '链接社会资源价值', value: 0, unit: '元', numFmt: '0.00' },
      ]),
    );

    // Going back a month and forward again.
    await visible(p, '#report-prev-month').click();
    await expectText(p, '#report-month', m === 1 ? `${y - 1}年12月` : `${y}年${m - 1}月`);
    await visible(p, '#report-next-month').click();
    await expectText(p, '#indicator-attendances-value', '1 人次');
  });
});

test('admin: invites a 站长 at a chosen station; 小李 redeems the link; the admin checks the number, confirms, then revokes', async () => {
  await inFreshPage(e2e, 'console-staff-audit', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'admin');
    await goto(p, e2e.gateway, '/packages/console/pages/index/index');
    await visible(p, '#open-staff-button').click();
    await p.waitForURL(/console\/pages\/staff\/index/);
    await expectText(p, '#staff-list', '王社工');

    // A room beneath the admin's centre, not the centre itself.
    await visible(p, '#invite-station-st_LJ0101').click();
    await visible(p, '#grant-role-head').click();
    await expectText(p, '#create-invite-button', '生成“颐和社区社工室 · 站长”邀请码');
    await visible(p, '#create-invite-button').click();
    const code = (await visible(p, '#created-invite-code').innerText()).trim();
    expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await expectText(p, '#waiting-invites', '等待对方领取');

    // 小李 opens the invite link (as the QR code holds it) and redeems it.
    await signInAs(p, e2e.gateway, 'volunteer');
    await goto(p, e2e.gateway, `/packages/invite/pages/redeem/index?code=${code.replace('-', '')}`);
    await visible(p, '#redeem-invite-button').click();
    await expectText(p, '#invite-redeemed', '已领取：颐和社区社工室 · 站长');
    const check = (await visible(p, '#invite-check-code').innerText()).trim();
    expect(check).toMatch(/^\d{4}$/);

    // The admin sees who redeemed it, with the same check number, and confirms in the dialog.
    await signInAs(p, e2e.gateway, 'admin');
    await goto(p, e2e.gateway, '/packages/console/pages/staff/index');
    const { data: claimed } = await e2e.db.collection('roleInvites').where({ status: 'claimed' }).get();
    const inviteId = (claimed[0] as { _id: string })._id;
    await expectText(p, `#invite-claimant-${inviteId}`, '领取人：小李（手机号 138****2222）');
    await expectText(p, `#invite-check-${inviteId}`, check);
    await visible(p, `#confirm-invite-${inviteId}`).click();
    await expectText(p, '.confirm-dialog__content', `核对码是 ${check}`);
    await visible(p, '#confirm-grant-button').click();
    await expectText(p, '#staff-list', '小李');
    const { data } = await e2e.db.collection('users').where({ nickname: '小李' }).get();
    const userId = (data[0] as { _id: string })._id;
    await expectText(p, `#staff-${userId}`, '颐和社区社工室（社工室）· 站长');

    await visible(p, `#revoke-${userId}`).click();
    await visible(p, '#confirm-revoke-button').click();
    await p.locator(`#staff-${userId}`).filter({ visible: true }).first().waitFor({ state: 'detached' });

    await goto(p, e2e.gateway, '/packages/console/pages/audit/index');
    await expectText(p, '#audit-list', '授予权限');
    await visible(p, '#audit-filter-role').click();
    await expectText(p, '#audit-list', '撤销权限');
    await expectText(p, '#audit-list', '发出权限邀请');
    await visibleText(p, /共 4 条记录/).waitFor();
    // In words: no stored structure, codes or JSON (exact lines: tests/weapp/report-audit.test.ts).
    expect(await visible(p, '#audit-list').innerText()).not.toMatch(/[{}"]|role|status/);
    await visible(p, '#audit-filter-pledge').click();
    await visibleText(p, '没有操作记录').waitFor();
  });
});

test('staff: a pending volunteer claim shows on the console queue and is approved from there', async () => {
  const station = (await activityByTitle(e2e.db, TODAY_TITLE)).stationId;
  const volunteer = await httpLogin(e2e.gateway, 'dev-volunteer');
  const first17 = '11010119900101123';
  await call(
    'volunteering',
    'register',
    {
      data: {
        realName: '李志远',
        idNumber: first17 + idCheckChar(first17),
        phone: '13800002222',
        emergencyContact: { name: '李母', phone: '13833334444' },
        homeStationId: station,
      },
    },
    volunteer,
  );
  const claim = await call(
    'volunteering',
    'claimHours',
    {
      data: {
        stationId: station,
        startAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
        minutes: 90,
        description: '协助茶话会布置场地',
      },
    },
    volunteer,
  );

  await inFreshPage(e2e, 'console-review-claim', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/console/pages/index/index');
    await expectText(p, '#queue-pendingClaims', '1 待审核补录 去处理 ›', { exact: true });

    // The queue card opens the volunteer feature's review page (by URL).
    await visible(p, '#queue-pendingClaims').click();
    await p.waitForURL(/volunteer\/pages\/review\/index\?stationId=/);
    await visible(p, `#approve-claim-${String(claim.claimId)}`).click();
    await visible(p, '#confirm-review-button').click();
    await visible(p, `#approve-claim-${String(claim.claimId)}`).waitFor({ state: 'detached' });
    const { data } = await e2e.db.collection('hourClaims').doc(String(claim.claimId)).get();
    expect(data[0]).toMatchObject({ status: 'approved' });

    // Back on the console the queue is empty again.
    await p.goBack();
    await p.waitForURL(/console\/pages\/index\/index/);
    await p.reload();
    await expectText(p, '#queue-pendingClaims', '0 待审核补录 查看 ›', { exact: true });
  });
});

test('staff: 逾期捐赠 on the console opens 捐赠管理 on its 已逾期 tab with the late pledge', async () => {
  const donor = await httpLogin(e2e.gateway, 'dev-donor');
  const pledge = await call(
    'donations',
    'pledge',
    {
      stationId: 'st_LJ01',
      data: {
        kind: 'goods',
        unit: '箱',
        quantity: 2,
        unitValueFen: 4000,
        deliveryMethod: 'drop_off',
        expectedDate: new Date(Date.now() + 86_400_000).toISOString(),
        message: '',
        anonymous: false,
        donorName: '赵先生',
        contactPhone: '13800006666',
      },
    },
    donor,
  );
  // The delivery day has passed without the goods arriving (set in the database: the API refuses past dates).
  await e2e.db
    .collection('pledges')
    .doc(String(pledge.pledgeId))
    .update({ expectedDate: new Date(Date.now() - 2 * 86_400_000) });

  await inFreshPage(e2e, 'console-overdue-pledges', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'staff');
    await goto(p, e2e.gateway, '/packages/console/pages/index/index');
    await expectText(p, '#queue-pledgesOverdue', '1 逾期捐赠 去处理 ›', { exact: true });
    await visible(p, '#queue-pledgesOverdue').click();
    await p.waitForURL(/donation\/pages\/staff\/index\?stationId=st_LJ01&filter=overdue/);
    await expectText(p, `#staff-pledge-${String(pledge.pledgeId)}`, '！已逾期');
    await expectText(p, '.nut-tabs-titles-item-active', '已逾期');
  });
});
