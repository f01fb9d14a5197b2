import { createHash } from 'node:crypto';
import { loadManifest } from '../../emulator/db';
import { runMigrations } from '../../cloudfunctions/core/migrations';
import { ensureUser, userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { AS, expectSeatInvariants, publishedActivity, startBackend, STATION, type Backend } from './support';

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

it('re-keys residents booked before the change, with their bookings, messages and audit trail; once', async () => {
  const phone = '13912340004';
  const legacy = await ensureUser(b.db, `proxy-phone:${phone}`, b.clock.now);
  expect(legacy._id).toBe(guessedId(phone));
  // Booked on their behalf under the old id: a seat at one activity, a place in line at another.
  const seat = await publishedActivity(b, STATION.jiangbin, { title: '旧账号有座', capacity: 2 });
  const full = await publishedActivity(b, STATION.jiangbin, { title: '旧账号候补', capacity: 1, waitlistCapacity: 3 });
  await b.ok('activities', 'signUp', { activityId: full }, 'rekey-first');
  for (const activityId of [seat, full])
    await b.ok('activities', 'bookOnBehalf', { activityId, name: '周爷爷', phone, reason: '电话报名' }, AS.staff);
  await b.db.collection('messages').add({
    userId: legacy._id,
    kind: 'promoted',
    title: '候补成功',
    body: '已为您报名成功',
    activityId: seat,
    createdAt: b.clock.now,
    readAt: null,
    delivery: 'skipped',
  });
  const oldBookings = (await b.all('bookings')).filter((r) => r.userId === legacy._id);
  expect(oldBookings.map((r) => r.status).sort()).toEqual(['confirmed', 'waitlisted']);

  // Every legacy account of this file (the test above left one too) and all their bookings.
  const legacyIds = (await b.all('users')).filter((u) => u.openid.startsWith('proxy-phone:')).map((u) => u._id);
  expect(legacyIds).toContain(legacy._id);
  const legacyBookings = (await b.all('bookings')).filter((r) => legacyIds.includes(r.userId));
  const report = await runMigrations(b.db, b.clock.now);
  expect(report).toEqual({
    stationLocations: 0,
    proxyResidents: legacyIds.length,
    proxyBookings: legacyBookings.length,
  });

  // The legacy id is gone from every collection; the account, its bookings and messages moved.
  const everything = async () => {
    const parts: Record<string, unknown[]> = {};
    for (const name of Object.keys(loadManifest().collections))
      parts[name] = (await b.all(name)).sort((x, y) => String(x._id).localeCompare(String(y._id)));
    return JSON.stringify(parts);
  };
  const after = await everything();
  for (const id of legacyIds) expect(after).not.toContain(id);
  expect(after).not.toContain('proxy-phone:');
  const users = (await b.all('users')).filter((u) => u.phone === phone);
  expect(users).toHaveLength(1);
  const [user] = users;
  expect(user).toMatchObject({ nickname: '周爷爷', phone, grants: [] });
  expect(user.openid).not.toContain(phone);
  const moved = (await b.all('bookings')).filter((r) => r.userId === user._id);
  expect(moved.map((r) => [r._id, r.status]).sort()).toEqual(
    [
      [`${full}_${user._id}`, 'waitlisted'],
      [`${seat}_${user._id}`, 'confirmed'],
    ].sort(),
  );
  await expectSeatInvariants(b, seat);
  await expectSeatInvariants(b, full);
  expect((await b.all('messages')).filter((m) => m.userId === user._id).map((m) => m.title)).toEqual(['候补成功']);
  const audit = (await b.all('auditLog')).filter((e) => moved.some((r) => r._id === e.entityId));
  expect(audit.map((e) => e.action).sort()).toEqual([
    'booking.bookOnBehalf',
    'booking.bookOnBehalf',
    'booking.rekeyProxyResident',
    'booking.rekeyProxyResident',
  ]);
  expect(audit.find((e) => e.action === 'booking.rekeyProxyResident')).toMatchObject({
    actorId: 'system',
    stationId: STATION.jiangbin,
    from: null,
    to: null,
  });

  // The same phone is still the same person; the roster shows the new id.
  expect(
    await b.refused(
      'activities',
      'bookOnBehalf',
      { activityId: seat, name: '周爷爷', phone, reason: '重复' },
      AS.staff,
    ),
  ).toBe('ALREADY_BOOKED');
  const roster = await b.ok('activities', 'roster', { activityId: seat }, AS.staff);
  expect(JSON.stringify(roster)).toContain(user._id);
  expect(JSON.stringify(roster)).not.toContain(legacy._id);

  // A second run finds nothing and changes nothing.
  expect(await runMigrations(b.db, b.clock.now)).toEqual({ stationLocations: 0, proxyResidents: 0, proxyBookings: 0 });
  expect(await everything()).toBe(after);
});
