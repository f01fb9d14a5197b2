import { createHash } from 'node:crypto';
import { ensureUser, userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { AS, publishedActivity, startBackend, STATION, type Backend } from './support';

/**
 * Residents booked on their behalf (代报名) get an account keyed by their phone. Its id is on the
 * roster and in booking ids, so it must not let anyone recover the phone: a keyed hash with the
 * function secret, never a bare digest of the number.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const PHONE = '13912340001';

/** What an attacker computes for every mainland number: the unsalted digest of the old scheme. */
function guessedId(phone: string): string {
  return `u${createHash('sha256').update(`station-link:user:proxy-phone:${phone}`).digest('hex').slice(0, 24)}`;
}

it('gives a proxy-booked resident an id no digest of the phone reproduces', async () => {
  const activityId = await publishedActivity(b, STATION.jiangbin);
  const entry = await b.ok(
    'activities',
    'bookOnBehalf',
    { activityId, name: '赵奶奶', phone: PHONE, reason: '现场报名' },
    AS.staff,
  );
  const booking = (await b.all('bookings')).find((r) => r._id === entry.bookingId);
  expect(booking.userId).not.toBe(guessedId(PHONE));
  expect(entry.bookingId).toBe(`${activityId}_${booking.userId}`);
  const user = (await b.all('users')).find((u) => u._id === booking.userId);
  expect(user).toMatchObject({ nickname: '赵奶奶', phone: PHONE });
  expect(user.openid).not.toContain(PHONE);

  // The same phone is the same person: a second activity books the same account.
  const other = await publishedActivity(b, STATION.jiangbin, { title: '第二场' });
  const again = await b.ok(
    'activities',
    'bookOnBehalf',
    { activityId: other, name: '赵奶奶', phone: PHONE, reason: '现场报名' },
    AS.staff,
  );
  expect(again.bookingId).toBe(`${other}_${booking.userId}`);
});

it('depends on the function secret: another deployment derives other ids', async () => {
  const activityId = await publishedActivity(b, STATION.jiangbin, { title: '换密钥' });
  const phone = '13912340002';
  const first = await b.ok(
    'activities',
    'bookOnBehalf',
    { activityId, name: '钱爷爷', phone, reason: '现场' },
    AS.staff,
  );
  const secret = process.env.APP_SECRET;
  process.env.APP_SECRET = 'another-deployment-secret-0123';
  try {
    const elsewhere = await publishedActivity(b, STATION.jiangbin, { title: '另一部署' });
    const second = await b.ok(
      'activities',
      'bookOnBehalf',
      { activityId: elsewhere, name: '钱爷爷', phone, reason: '现场' },
      AS.staff,
    );
    expect(second.bookingId.split('_')[1]).not.toBe(first.bookingId.split('_')[1]);
  } finally {
    process.env.APP_SECRET = secret;
  }
});

it('keeps residents booked before the change as one person (their existing account is used)', async () => {
  const phone = '13912340003';
  // An account and a booking written by the old scheme.
  const legacy = await ensureUser(b.db, `proxy-phone:${phone}`, b.clock.now);
  expect(legacy._id).toBe(guessedId(phone));
  expect(legacy._id).toBe(userIdForOpenid(`proxy-phone:${phone}`));
  const activityId = await publishedActivity(b, STATION.jiangbin, { title: '旧账号' });
  await b
    .ok('activities', 'bookOnBehalf', { activityId, name: '孙奶奶', phone, reason: '现场' }, AS.staff)
    .catch(() => undefined);
  const usersWithPhone = (await b.all('users')).filter((u) => u.phone === phone || u._id === legacy._id);
  expect(usersWithPhone.map((u) => u._id)).toEqual([legacy._id]);
  expect(
    await b.refused('activities', 'bookOnBehalf', { activityId, name: '孙奶奶', phone, reason: '重复' }, AS.staff),
  ).toBe('ALREADY_BOOKED');
});
