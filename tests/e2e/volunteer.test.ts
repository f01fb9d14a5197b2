/**
 * Browser E2E of the volunteer feature on the REAL stack (H5 build + in-process gateway + real
 * cloud functions + database emulator): 小李 registers with her real name, takes a volunteer slot
 * on the seeded '长者茶话会（今天）', 王社工 scans her shift code from another phone (签到), the
 * clock moves on, a second scan checks her out (签退) with verified minutes, she sees the hours,
 * issues a 志愿服务记录证明 and anyone can verify it (and a wrong code is refused in Chinese).
 */
import type { Page } from 'playwright-core';
import { setClock } from '../../cloudfunctions/core/deps';
import type { Gateway } from '../../emulator/gateway/server';
import { ERROR_MESSAGES } from '../../shared/errors';
import { idCheckChar } from '../../shared/domain/identity';
import { expectText, goto, type Phones, signInAs, startPhones, visible, withFailureScreenshot } from './support';

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

/** A phone: its own browser context (own local storage, so its own session), signed in as `persona`. */
async function phoneOf(persona: 'volunteer' | 'staff'): Promise<Page> {
  const page = await phones.newPhone();
  await signInAs(page, gateway, persona);
  return page;
}

async function docByField(collection: string, where: Record<string, unknown>) {
  const { data } = await db.collection(collection).where(where).get();
  expect(data).toHaveLength(1);
  return data[0] as { _id: string } & Record<string, unknown>;
}

/** A picture of the shift code as it is on screen (waits for the GIF to be decoded). */
async function photographCode(v: Page): Promise<Buffer> {
  const qr = visible(v, '#shift-code-qr');
  await qr.waitFor();
  await v.waitForFunction(() => {
    const img = Array.from(document.querySelectorAll('#shift-code-qr img, img#shift-code-qr')).find(
      (el) => (el as HTMLImageElement).offsetParent !== null,
    ) as HTMLImageElement | undefined;
    return Boolean(img?.complete && img.naturalWidth > 0);
  });
  const box = await qr.boundingBox();
  if (!box) throw new Error('the QR code has no box on screen');
  expect(box.width).toBeGreaterThanOrEqual(240);
  const pad = 16;
  return v.screenshot({
    clip: {
      x: Math.max(0, box.x - pad),
      y: Math.max(0, box.y - pad),
      width: box.width + 2 * pad,
      height: box.height + 2 * pad,
    },
  });
}

/** The staff scanner's file chooser, answered with a picture (as a phone's album would). */
async function scanPicture(staff: Page, picture: Buffer): Promise<void> {
  const [chooser] = await Promise.all([staff.waitForEvent('filechooser'), visible(staff, '#scan-button').click()]);
  await chooser.setFiles({ name: 'shift-code.png', mimeType: 'image/png', buffer: picture });
}

/** A valid (GB 11643 checksum) ID number. */
function idNumber(): string {
  const first17 = '11010519880615012';
  return first17 + idCheckChar(first17);
}

test('a volunteer registers, is scanned in and out, sees verified hours, issues and verifies a certificate', async () => {
  let volunteer: Page | undefined;
  let staff: Page | undefined;
  const shots = (name: string, body: () => Promise<void>) =>
    withFailureScreenshot(
      () => staff,
      `${name}-staff`,
      () => withFailureScreenshot(() => volunteer, `${name}-volunteer`, body),
    );
  try {
    await shots('volunteer', async () => {
      const tea = await docByField('activities', { title: '长者茶话会（今天）' });
      const jiangbin = await docByField('stations', { code: 'LJ01' });

      // 我的 → 志愿者登记.
      volunteer = await phoneOf('volunteer');
      const v = volunteer;
      await goto(v, gateway, '/pages/mine/index');
      await expectText(v, '#volunteer-entry', '志愿者登记');
      await visible(v, '#volunteer-entry').click();
      await v.waitForURL(/volunteer\/pages\/register\/index/);
      await expectText(v, '#privacy-note', '身份证号仅用于核验身份，不会以明文保存');

      // A mistyped ID number is explained before anything is sent (GB 11643 check character).
      const good = idNumber();
      const wrongLast = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
      await visible(v, '#input-realName input').fill('李小红');
      await visible(v, '#input-idNumber input').fill(wrongLast);
      await expectText(v, '#input-idNumber-error', '校验位不对');
      // Submitting anyway names every missing field and writes nothing (demo history already
      // holds other volunteers, so the count is compared with the one before).
      const before = (await db.collection('volunteers').where({}).count()).total;
      await visible(v, '#register-submit-button').click();
      await expectText(v, '#input-contactName-error', '！');
      await expectText(v, '#input-idNumber-error', '校验位不对');
      expect((await db.collection('volunteers').where({}).count()).total).toBe(before);

      await visible(v, '#input-idNumber input').fill(good);
      await visible(v, '#input-phone input').fill('13812345678');
      await visible(v, '#skill-陪伴聊天').click();
      await expectText(v, '#skill-陪伴聊天', '✓ 陪伴聊天');
      await visible(v, '#area-elder_care').click();
      await visible(v, '#input-contactName input').fill('李妈妈');
      await visible(v, '#input-contactPhone input').fill('13887654321');
      await visible(v, `#station-${jiangbin._id}`).click();
      await expectText(v, `#station-${jiangbin._id}`, '✓');
      if (process.env.VOLUNTEER_SHOTS === '1')
        await v.screenshot({ path: 'tests/.artifacts/volunteer-register.png', fullPage: true });
      await visible(v, '#register-submit-button').click();
      await expectText(v, '#register-done', '志愿者登记成功');
      const volunteerNo = (await visible(v, '#volunteer-no').innerText()).trim();
      expect(volunteerNo.length).toBeGreaterThan(3);

      // The activity page offers a volunteer slot: 志愿者名额 0/5 → 报名志愿岗位.
      await goto(v, gateway, `/packages/activity/pages/detail/index?activityId=${tea._id}`);
      await expectText(v, '#volunteer-slots', '志愿者名额 0/5');
      await visible(v, '#shift-signup-button').click();
      await expectText(v, '#shift-status', '✓ 您已报名志愿岗位');
      await expectText(v, '#volunteer-slots', '志愿者名额 1/5');

      // 出示志愿者签到码 → the rotating QR and a 6-digit short code.
      await visible(v, '#show-shift-code-button').click();
      await v.waitForURL(/volunteer\/pages\/shift-code\/index\?activityId=/);
      await expectText(v, '#code-activity-title', '长者茶话会（今天）');
      expect((await visible(v, '#shift-short-code').innerText()).trim()).toMatch(/^\d{3} \d{3}$/);
      const arrival = await photographCode(v);

      // 王社工 scans it on his own phone: 签到.
      staff = await phoneOf('staff');
      const s = staff;
      await goto(s, gateway, `/packages/staff/pages/scan/index?activityId=${tea._id}`);
      await expectText(s, '#scan-activity-title', '长者茶话会（今天）');
      await scanPicture(s, arrival);
      await expectText(s, '#scan-result-headline', '✓ 志愿者签到成功', { timeout: 15_000 });
      await expectText(s, '#scan-result-name', '李');
      expect(await docByField('shifts', { activityId: tea._id })).toMatchObject({ status: 'checked_in' });

      // 80 minutes later (the activity started 20 minutes after the seed): her phone's camera
      // will not focus, so 王社工 types the 6-digit short code instead — 签退 all the same.
      const jump = 80 * 60_000;
      setClock(() => new Date(Date.now() + jump));
      await v.reload();
      const typed = (await visible(v, '#shift-short-code').innerText()).replace(/\s+/g, '');
      await visible(s, '#short-code-input input').fill(typed);
      await visible(s, '#submit-short-code-button').click();
      await expectText(s, '#scan-result-headline', '✓ 志愿者签退成功', { timeout: 15_000 });
      await expectText(s, '#scan-result-minutes', '本次服务 60 分钟');
      expect(await docByField('shifts', { activityId: tea._id })).toMatchObject({ status: 'checked_out', minutes: 60 });

      // Her code page turns into 已签退; the hours page shows the verified hour with its provenance.
      await v.reload();
      await expectText(v, '#shift-done', '已签退');
      await goto(v, gateway, '/packages/volunteer/pages/hours/index');
      await expectText(v, '#total-hours', '1 小时（60 分钟）');
      await expectText(v, '#verified-hours', '签到核实：1 小时（60 分钟）');
      await expectText(v, '#topup-hours', '补录：0 小时（0 分钟）');
      await expectText(v, '#hours-entries', '签到核实');
      await expectText(v, '#hours-entries', '长者茶话会（今天）');

      // 我的志愿服务 → 服务证明: her home station (江滨街道社工站) is chosen; issue it.
      await goto(v, gateway, '/packages/volunteer/pages/profile/index');
      await expectText(v, '#volunteer-no', volunteerNo);
      await expectText(v, '#verified-hours', '1 小时');
      await visible(v, '#certificate-entry').click();
      await v.waitForURL(/volunteer\/pages\/certificate\/index/);
      await expectText(v, `#station-${jiangbin._id}`, '✓');
      await visible(v, '#issue-certificate-button').click();
      await expectText(v, '#certificate', '志愿服务记录证明');
      const serial = (await visible(v, '#certificate-serial').innerText()).trim();
      const code = (await visible(v, '#certificate-code').innerText()).trim();
      expect(serial).toMatch(/^LJ01-\d{4}-\d{5}$/);
      expect(code).toMatch(/^[A-Z0-9]{8}$/);
      await expectText(v, '#certificate-name', '李小红');
      await expectText(v, '#certificate-total', '1 小时（60 分钟）');
      await expectText(v, '#certificate-issuer', '江滨街道社工站');
      await visible(v, '#certificate-qr').waitFor();
      if (process.env.VOLUNTEER_SHOTS === '1')
        await v.screenshot({ path: 'tests/.artifacts/volunteer-certificate.png', fullPage: true });

      // Anyone (a fresh phone with no session) verifies it from the link: 证明有效.
      const anyone = await phones.newPhone();
      await goto(anyone, gateway, `/packages/volunteer/pages/verify/index?serial=${serial}&code=${code}`);
      await expectText(anyone, '#verify-result', '✓ 证明有效');
      // The public page shows a masked name (李**), never the full one.
      await expectText(anyone, '#verify-name', '李**');
      expect(await visible(anyone, '#verify-result').innerText()).not.toContain('李小红');
      await expectText(anyone, '#verify-total', '1 小时（60 分钟）');
      expect(anyone.url()).toContain('/volunteer/pages/verify/index');

      // A wrong code: the Chinese refusal, in words.
      await visible(anyone, '#verify-code-input input').fill(code === 'ZZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ');
      await visible(anyone, '#verify-button').click();
      await expectText(anyone, '#verify-result', '✗ 未能核验');
      await expectText(anyone, '#verify-message', ERROR_MESSAGES.CERTIFICATE_NOT_FOUND);
    });
  } finally {
    setClock();
  }
});
