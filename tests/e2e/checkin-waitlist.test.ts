/**
 * Browser E2E of check-in and the waitlist on the REAL stack: the H5 build (dist/h5) served by the
 * local gateway started in this process (real cloud functions, database emulator, demo district
 * seeded, fresh data folder). One Chromium for the file; the resident and the staff member each
 * get their own browser context (own local storage, so own dev session), as two phones would.
 */
import type { Page } from 'playwright-core';
import type { Gateway } from '../../emulator/gateway/server';
import {
  activityByTitle,
  api,
  expectText,
  goto,
  httpLogin,
  type Phones,
  signInAs,
  startPhones,
  visible,
  type WireAnswer,
  withFailureScreenshot,
} from './support';

jest.setTimeout(90_000);

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

/** A phone: its own browser context (own local storage, so its own session), signed in as `persona`. */
async function phoneOf(persona: 'resident' | 'staff'): Promise<Page> {
  const page = await phones.newPhone();
  await signInAs(page, gateway, persona);
  return page;
}

/** Closes the phones of the previous test, so every test starts from fresh sessions. */
const closePhones = () => phones.closePhones();

/** Runs the body; on failure saves a screenshot of every phone still open (tests/.artifacts/). */
async function withScreenshots(name: string, pages: () => Record<string, Page | undefined>, body: () => Promise<void>) {
  const wrapped = Object.entries(pages()).reduce<() => Promise<void>>(
    (inner, [who]) =>
      () =>
        withFailureScreenshot(() => pages()[who], `${name}-${who}`, inner),
    body,
  );
  await wrapped();
}

interface BookingDoc {
  _id: string;
  userId: string;
  status: string;
  checkedInAt?: unknown;
  checkedInBy?: string;
  offerExpiresAt?: unknown;
  rating?: { score: number; comment: string };
}

async function bookingOf(activityId: string, userId: string): Promise<BookingDoc | undefined> {
  const { data } = await db.collection('bookings').where({ activityId, userId }).get();
  return data[0] as BookingDoc | undefined;
}

async function userIdOf(openid: string): Promise<string> {
  const { data } = await db.collection('users').where({ openid }).get();
  expect(data).toHaveLength(1);
  return (data[0] as { _id: string })._id;
}

async function messagesOf(userId: string) {
  const { data } = await db.collection('messages').where({ userId }).get();
  return data as { kind: string; activityId: string | null; readAt: unknown }[];
}

/** `activities.<action>` over HTTP as the holder of `token`; fails loudly unless it answers ok. */
async function act(token: string, action: string, data: unknown): Promise<unknown> {
  const answer: WireAnswer = await api(gateway, 'activities', { action, data }, token);
  if (!answer.ok) throw new Error(`activities.${action} refused: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

/** The staff scanner's file chooser, answered with a picture (as a phone's album would). */
async function scanPicture(staff: Page, picture: Buffer): Promise<void> {
  const [chooser] = await Promise.all([staff.waitForEvent('filechooser'), visible(staff, '#scan-button').click()]);
  await chooser.setFiles({ name: 'check-in-code.png', mimeType: 'image/png', buffer: picture });
}

test('check-in: the resident shows her code, staff scan a screenshot of it, she is checked in and rates', async () => {
  let resident: Page | undefined;
  let staff: Page | undefined;
  await withScreenshots(
    'checkin',
    () => ({ resident, staff }),
    async () => {
      const tea = await activityByTitle(db, '长者茶话会（今天）');
      const zhang = await userIdOf('dev-resident');

      resident = await phoneOf('resident');
      const r = resident;
      await goto(r, gateway, `/packages/activity/pages/detail/index?activityId=${tea._id}`);
      await visible(r, '#book-button').click();
      // Today's tea is past its cancel deadline: booking asks first, and says why.
      await expectText(r, '.nut-dialog', '报名后不能在线取消');
      await visible(r, '#confirm-book-button').click();
      await expectText(r, '#booking-status', '✓ 您已报名成功', { exact: true });
      expect(await bookingOf(tea._id, zhang)).toMatchObject({ status: 'confirmed' });

      // 出示签到码: the QR and the short code (6 digits, shown as "123 456").
      await visible(r, '#show-code-button').click();
      await r.waitForURL(/activity\/pages\/check-in-code\/index\?activityId=/);
      const qr = visible(r, '#check-in-qr');
      await qr.waitFor();
      await expectText(r, '#code-activity-title', '长者茶话会（今天）');
      await expectText(r, '#code-refresh', '二维码每30秒自动刷新');
      const shortCode = (await visible(r, '#short-code').innerText()).trim();
      expect(shortCode).toMatch(/^\d{3} \d{3}$/);
      // Wait for the GIF to be decoded and laid out at full size, then photograph it with a margin.
      await r.waitForFunction(() => {
        const img = Array.from(document.querySelectorAll('#check-in-qr img, img#check-in-qr')).find(
          (el) => (el as HTMLImageElement).offsetParent !== null,
        ) as HTMLImageElement | undefined;
        return Boolean(img?.complete && img.naturalWidth > 0);
      });
      const box = await qr.boundingBox();
      if (!box) throw new Error('the QR code has no box on screen');
      expect(box.width).toBeGreaterThanOrEqual(240); // elder-friendly size (docs/client.md)
      const pad = 16;
      const picture = await r.screenshot({
        clip: {
          x: Math.max(0, box.x - pad),
          y: Math.max(0, box.y - pad),
          width: box.width + 2 * pad,
          height: box.height + 2 * pad,
        },
      });

      // 王社工 on another phone: 扫码签到 for this activity, answering the chooser with the picture.
      staff = await phoneOf('staff');
      const s = staff;
      await goto(s, gateway, `/packages/staff/pages/scan/index?activityId=${tea._id}`);
      await expectText(s, '#scan-activity-title', '长者茶话会（今天）');
      await scanPicture(s, picture);
      await expectText(s, '#scan-result-headline', '✓ 签到成功', { timeout: 15_000 });
      // Others see a masked name: 张阿姨 → 张**.
      await expectText(s, '#scan-result-name', '张**');
      expect(await visible(s, '#scan-result-name').innerText()).not.toContain('张阿姨');

      const checkedIn = await bookingOf(tea._id, zhang);
      expect(checkedIn).toMatchObject({ status: 'checked_in', checkedInBy: await userIdOf('dev-staff') });
      expect(checkedIn?.checkedInAt).toBeTruthy();

      // The same picture again: already checked in, nothing changes.
      await scanPicture(s, picture);
      await expectText(s, '#scan-result-headline', 'ℹ 已签到过', { timeout: 15_000 });
      await expectText(s, '#scan-result-name', '张**');
      expect(await bookingOf(tea._id, zhang)).toMatchObject({
        status: 'checked_in',
        checkedInAt: checkedIn?.checkedInAt,
      });

      // Her code page, opened again, says she is in; the activity page says 已签到.
      await r.reload();
      await expectText(r, '#check-in-done', '签到成功');
      await goto(r, gateway, `/packages/activity/pages/detail/index?activityId=${tea._id}`);
      await expectText(r, '#booking-status', '已签到');

      // She rates it: no star yet is refused in words, then 4 stars and a comment.
      await visible(r, '#submit-rating-button').click();
      await expectText(r, '#rating-error', '请先点星星');
      await visible(r, '#rating-star-4').click();
      await expectText(r, '#rating-choice', '已选 4 分');
      await visible(r, '#rating-comment textarea').fill('老师讲得很好，茶点也不错。');
      await visible(r, '#submit-rating-button').click();
      await expectText(r, '#my-rating', '4 分');
      await expectText(r, '#activity-rating', '4.0 分 · 1 人评价');

      expect((await bookingOf(tea._id, zhang))?.rating).toMatchObject({
        score: 4,
        comment: '老师讲得很好，茶点也不错。',
      });
      expect(await activityByTitle(db, '长者茶话会（今天）')).toMatchObject({ ratingCount: 1, ratingSum: 4 });
    },
  );
  await closePhones();
});

test('waitlist (claim mode): she joins the queue of a full activity, is offered the freed seat and claims it', async () => {
  let resident: Page | undefined;
  await withScreenshots(
    'waitlist-claim',
    () => ({ resident }),
    async () => {
      const knit = await activityByTitle(db, '手工编织小组（可候补）');
      expect(knit).toMatchObject({ capacity: 1, promotionMode: 'claim' });
      const zhang = await userIdOf('dev-resident');

      // 陈先生 takes the only seat over HTTP.
      const chen = await httpLogin(gateway, 'dev-donor');
      expect(await act(chen, 'signUp', { activityId: knit._id })).toMatchObject({ status: 'confirmed' });

      resident = await phoneOf('resident');
      const r = resident;
      await goto(r, gateway, `/packages/activity/pages/detail/index?activityId=${knit._id}`);
      await expectText(r, '#remaining-seats', '已满');
      await expectText(r, '#book-button', '加入候补');
      await expectText(r, '#waitlist-hint', '12 小时内确认');
      await visible(r, '#book-button').click();
      await visible(r, '#confirm-waitlist-button').click();
      await expectText(r, '#booking-status', '候补第 1 位');
      expect(await bookingOf(knit._id, zhang)).toMatchObject({ status: 'waitlisted' });

      // 陈先生 cancels: the seat is offered to her, the first in line, for the claim window.
      await act(chen, 'cancelBooking', { activityId: knit._id });
      const offered = await bookingOf(knit._id, zhang);
      expect(offered).toMatchObject({ status: 'offered' });
      expect(offered?.offerExpiresAt).toBeTruthy();

      await r.reload();
      await expectText(r, '#booking-status', '有空位了！请在');
      await visible(r, '#claim-offer-button').click();
      await expectText(r, '#booking-status', '✓ 您已报名成功');
      expect(await bookingOf(knit._id, zhang)).toMatchObject({ status: 'confirmed' });
      expect((await activityByTitle(db, '手工编织小组（可候补）')).confirmed).toBe(1);

      // The offer arrived as a message too: 我的 shows it unread.
      expect(await messagesOf(zhang)).toEqual([
        expect.objectContaining({ kind: 'offered', activityId: knit._id, readAt: null }),
      ]);
      await goto(r, gateway, '/pages/mine/index');
      await expectText(r, '#messages-entry-badge', '1 条未读');
    },
  );
  await closePhones();
});

test('cancelling a seat of a full activity (auto mode) confirms the next resident in line at once', async () => {
  let resident: Page | undefined;
  await withScreenshots(
    'waitlist-auto',
    () => ({ resident }),
    async () => {
      // Staff publish a one-seat activity whose freed seats go to the waitlist without asking.
      const staffToken = await httpLogin(gateway, 'dev-staff');
      const startAt = new Date(Date.now() + 3 * 86_400_000);
      const title = `E2E 太极拳体验 ${Date.now() % 100_000}`;
      const { activityId } = (await act(staffToken, 'create', {
        stationId: 'st_LJ01',
        data: {
          title,
          category: 'culture',
          method: 'group',
          location: '江滨街道党群服务中心 活动室',
          startAt: startAt.toISOString(),
          endAt: new Date(startAt.getTime() + 3_600_000).toISOString(),
          capacity: 1,
          waitlistCapacity: 2,
          promotionMode: 'auto',
        },
      })) as { activityId: string };
      await act(staffToken, 'publish', { activityId });

      const zhang = await userIdOf('dev-resident');
      resident = await phoneOf('resident');
      const r = resident;
      await goto(r, gateway, `/packages/activity/pages/detail/index?activityId=${activityId}`);
      await visible(r, '#book-button').click();
      await expectText(r, '#booking-status', '✓ 您已报名成功');

      // 小李 queues behind her over HTTP.
      const li = await httpLogin(gateway, 'dev-volunteer');
      expect(await act(li, 'signUp', { activityId })).toMatchObject({ status: 'waitlisted' });
      const liId = await userIdOf('dev-volunteer');

      // She gives up her seat (asked first); 小李 is confirmed in her place and told so.
      await visible(r, '#cancel-booking-button').click();
      await visible(r, '#confirm-cancel-booking-button').click();
      await visible(r, '#book-button').waitFor();
      expect(await bookingOf(activityId, zhang)).toMatchObject({ status: 'cancelled' });
      expect(await bookingOf(activityId, liId)).toMatchObject({ status: 'confirmed' });
      expect(await activityByTitle(db, title)).toMatchObject({ confirmed: 1 });
      expect(await messagesOf(liId)).toEqual([expect.objectContaining({ kind: 'promoted', activityId })]);
      // The seat is gone again: the page offers the waitlist, not a seat.
      await r.reload();
      await expectText(r, '#book-button', '加入候补');
    },
  );
  await closePhones();
});
