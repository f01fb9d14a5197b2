import { issueCode } from '../../cloudfunctions/core/checkin-codes';
import { AS, publishedActivity, startBackend, STATION, type Backend, withClock } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const MIN = 60_000;
/** An activity whose door is open: it starts 10 minutes after the clock, for 2 hours. */
async function openDoorActivity(
  overrides: Record<string, unknown> = {},
  station: string = STATION.jiangbin,
  as: string = AS.staff,
) {
  const start = new Date(b.clock.now.getTime() + 10 * MIN);
  const created = await b.ok(
    'activities',
    'create',
    {
      stationId: station,
      data: {
        title: '门口签到测试',
        category: 'culture',
        method: 'community',
        location: '大厅',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 120 * MIN).toISOString(),
        capacity: 5,
        cancelDeadline: start.toISOString(),
        ...overrides,
      },
    },
    as,
  );
  await b.ok('activities', 'publish', { activityId: created.activityId }, as);
  return created.activityId as string;
}

async function bookedCode(activityId: string, openid: string) {
  await b.ok('activities', 'signUp', { activityId }, openid);
  return b.ok('activities', 'myCheckInCode', { activityId }, openid);
}

describe('check-in codes', () => {
  it('checks a resident in by scanned code, once: a second scan says when and by whom', async () => {
    const id = await openDoorActivity();
    const { code, shortCode, expiresAt, refreshAt } = await bookedCode(id, AS.resident);
    expect(shortCode).toMatch(/^\d{6}$/);
    expect(new Date(refreshAt).getTime()).toBeLessThan(new Date(expiresAt).getTime());
    const first = await b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff);
    expect(first).toMatchObject({
      result: 'checked_in',
      attendeeName: '张**',
      phoneTail: '1111',
      checkedInByName: '王社工',
    });
    const second = await b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff);
    expect(second).toMatchObject({
      result: 'already_checked_in',
      checkedInAt: first.checkedInAt,
      checkedInByName: '王社工',
    });
    const row = (await b.all('bookings')).find((r) => r.activityId === id);
    expect(row.history.filter((h: any) => h.to === 'checked_in')).toHaveLength(1);
    expect((await b.ok('activities', 'get', { activityId: id }, AS.resident)).myBooking).toMatchObject({
      status: 'checked_in',
    });
  });

  it('accepts the typed six-digit short code', async () => {
    const id = await openDoorActivity();
    const { shortCode } = await bookedCode(id, AS.volunteer);
    expect(await b.ok('activities', 'checkIn', { activityId: id, shortCode }, AS.staff)).toMatchObject({
      result: 'checked_in',
    });
    const wrong = shortCode === '000000' ? '000001' : '000000';
    expect(await b.refused('activities', 'checkIn', { activityId: id, shortCode: wrong }, AS.staff)).toBe(
      'CHECKIN_CODE_INVALID',
    );
  });

  it('refuses forged, garbled and future codes as invalid', async () => {
    const id = await openDoorActivity();
    const { code } = await bookedCode(id, 'forge-victim');
    const parts = code.split('.');
    const tampered = [...parts.slice(0, 4), parts[4].replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'))].join('.');
    const otherBooking = [parts[0], parts[1], `${id}_uFAKE`, parts[3], parts[4]].join('.');
    for (const bad of [tampered, otherBooking, 'hello', 'SLC1.b.x.1.short']) {
      expect(await b.refused('activities', 'checkIn', { activityId: id, code: bad }, AS.staff)).toBe(
        'CHECKIN_CODE_INVALID',
      );
    }
    const future = issueCode('b', parts[2], new Date(b.clock.now.getTime() + 5 * MIN)).code;
    expect(await b.refused('activities', 'checkIn', { activityId: id, code: future }, AS.staff)).toBe(
      'CHECKIN_CODE_INVALID',
    );
  });

  it('refuses a stale screenshot after the code rotated', async () => {
    const id = await openDoorActivity();
    const { code } = await bookedCode(id, 'stale-holder');
    expect(
      await withClock(b, 2 * MIN, () => b.refused('activities', 'checkIn', { activityId: id, code }, AS.staff)),
    ).toBe('CHECKIN_CODE_EXPIRED');
    const fresh = await withClock(b, 2 * MIN, () =>
      b.ok('activities', 'myCheckInCode', { activityId: id }, 'stale-holder'),
    );
    expect(fresh.code).not.toBe(code);
    expect(
      await withClock(b, 2 * MIN, () => b.ok('activities', 'checkIn', { activityId: id, code: fresh.code }, AS.staff)),
    ).toMatchObject({
      result: 'checked_in',
    });
  });

  it('refuses a code for another activity', async () => {
    const a = await openDoorActivity();
    const other = await openDoorActivity();
    const { code } = await bookedCode(a, 'wrong-door');
    expect(await b.refused('activities', 'checkIn', { activityId: other, code }, AS.staff)).toBe(
      'CHECKIN_WRONG_ACTIVITY',
    );
  });

  it('refuses the code of a cancelled booking and of someone still waiting', async () => {
    const id = await openDoorActivity({ capacity: 1, waitlistCapacity: 2 });
    const { code } = await bookedCode(id, 'cancel-then-scan');
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'cancel-then-scan');
    expect(await b.refused('activities', 'checkIn', { activityId: id, code }, AS.staff)).toBe(
      'CHECKIN_BOOKING_CANCELLED',
    );
    await b.ok('activities', 'signUp', { activityId: id }, 'seat-holder');
    await b.ok('activities', 'signUp', { activityId: id }, 'in-line');
    expect(await b.refused('activities', 'myCheckInCode', { activityId: id }, 'in-line')).toBe('CHECKIN_NOT_CONFIRMED');
    const me = await b.ok('accounts', 'me', {}, 'in-line');
    const waitingCode = issueCode('b', `${id}_${me.userId}`, b.clock.now).code;
    expect(await b.refused('activities', 'checkIn', { activityId: id, code: waitingCode }, AS.staff)).toBe(
      'CHECKIN_NOT_CONFIRMED',
    );
  });

  it('keeps the door shut before it opens and after the end', async () => {
    const id = await openDoorActivity({ checkInOpensMinutesBefore: 5 });
    const { code } = await bookedCode(id, 'early-bird');
    expect(await b.refused('activities', 'checkIn', { activityId: id, code }, AS.staff)).toBe('CHECKIN_NOT_OPEN');
    const late = await withClock(b, 131 * MIN, async () => {
      const fresh = await b.ok('activities', 'myCheckInCode', { activityId: id }, 'early-bird');
      return b.refused('activities', 'checkIn', { activityId: id, code: fresh.code }, AS.staff);
    });
    expect(late).toBe('CHECKIN_CLOSED');
  });

  it('lets only staff of the activity’s station subtree check in', async () => {
    const id = await openDoorActivity({}, STATION.zhongdai, AS.admin);
    const { code } = await bookedCode(id, 'other-station');
    expect(await b.refused('activities', 'checkIn', { activityId: id, code }, AS.staff)).toBe('FORBIDDEN');
    expect(await b.refused('activities', 'checkIn', { activityId: id, code }, AS.resident)).toBe('FORBIDDEN');
    expect(await b.ok('activities', 'checkIn', { activityId: id, code }, AS.admin)).toMatchObject({
      result: 'checked_in',
    });
  });
});

describe('door duty', () => {
  it('checks in someone without a phone from the roster, with the reason audited', async () => {
    const id = await openDoorActivity();
    await b.ok('activities', 'signUp', { activityId: id }, 'no-phone');
    const roster = await b.ok('activities', 'roster', { activityId: id }, AS.staff);
    const entry = roster.items[0];
    const answer = await b.ok(
      'activities',
      'checkIn',
      { activityId: id, bookingId: entry.bookingId, reason: '老人未带手机' },
      AS.staff,
    );
    expect(answer.result).toBe('checked_in');
    const audit = (await b.all('auditLog')).find((e) => e.entityId === entry.bookingId);
    expect(audit).toMatchObject({
      action: 'booking.manualCheckIn',
      reason: '老人未带手机',
      to: { status: 'checked_in' },
    });
  });

  it('books a present resident on their behalf (代报名), once per phone, audited', async () => {
    const id = await openDoorActivity();
    const entry = await b.ok(
      'activities',
      'bookOnBehalf',
      { activityId: id, name: '赵奶奶', phone: '13912345678', reason: '现场报名' },
      AS.staff,
    );
    expect(entry).toMatchObject({ name: '赵奶奶', phoneTail: '5678', status: 'confirmed', bookedByStaff: true });
    expect(
      await b.refused(
        'activities',
        'bookOnBehalf',
        { activityId: id, name: '赵奶奶', phone: '13912345678', reason: '重复' },
        AS.staff,
      ),
    ).toBe('ALREADY_BOOKED');
    expect(
      (await b.all('auditLog')).filter((e) => e.action === 'booking.bookOnBehalf' && e.entityId === entry.bookingId),
    ).toHaveLength(1);
    expect(
      await b.refused(
        'activities',
        'bookOnBehalf',
        { activityId: id, name: '赵奶奶', phone: '123', reason: 'x' },
        AS.staff,
      ),
    ).toBe('INVALID_INPUT');
  });

  it('shows a roster with counts, searchable by name and phone tail', async () => {
    const id = await openDoorActivity({ capacity: 2, waitlistCapacity: 2 });
    await b.ok(
      'activities',
      'bookOnBehalf',
      { activityId: id, name: '钱大爷', phone: '13900000001', reason: '现场' },
      AS.staff,
    );
    await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    await b.ok('activities', 'signUp', { activityId: id }, AS.donor);
    const all = await b.ok('activities', 'roster', { activityId: id }, AS.staff);
    expect(all.counts).toMatchObject({ confirmed: 2, waitlisted: 1 });
    expect(all.items.find((i: any) => i.status === 'waitlisted')).toMatchObject({
      name: '陈先生',
      waitlistPosition: 1,
    });
    expect(
      (await b.ok('activities', 'roster', { activityId: id, search: '0001' }, AS.staff)).items.map((i: any) => i.name),
    ).toEqual(['钱大爷']);
    expect(
      (await b.ok('activities', 'roster', { activityId: id, search: '张' }, AS.staff)).items.map((i: any) => i.name),
    ).toEqual(['张阿姨']);
    expect((await b.ok('activities', 'roster', { activityId: id, status: 'waitlisted' }, AS.staff)).total).toBe(1);
    expect(await b.refused('activities', 'roster', { activityId: id }, AS.resident)).toBe('FORBIDDEN');
  });

  it('marks unchecked bookings as no-shows after the end and lets staff correct with a reason', async () => {
    const id = await openDoorActivity();
    const { code } = await bookedCode(id, 'came');
    await b.ok('activities', 'signUp', { activityId: id }, 'did-not-come');
    await b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff);
    const correct = (bookingId: string, to: string, reason: string) =>
      b.call('activities', 'correctAttendance', { activityId: id, bookingId, to, reason }, AS.staff);
    // The door is still open: attendance is corrected only after the end.
    const early = (await b.ok('activities', 'roster', { activityId: id }, AS.staff)).items.find(
      (i: any) => i.status === 'checked_in',
    );
    expect(await correct(early.bookingId, 'no_show', '太早')).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION' },
    });
    await withClock(b, 131 * MIN, async () => {
      expect(await b.runTimer('activities', 'sweep')).toMatchObject({ ok: true });
      const roster = await b.ok('activities', 'roster', { activityId: id }, AS.staff);
      expect(roster.counts).toMatchObject({ checked_in: 1, no_show: 1 });
      expect((await b.ok('activities', 'get', { activityId: id }, AS.staff)).status).toBe('finished');
      const missed = roster.items.find((i: any) => i.status === 'no_show');
      expect(await correct(missed.bookingId, 'checked_in', '签到表漏记')).toMatchObject({
        ok: true,
        data: { status: 'checked_in' },
      });
      expect(await correct(missed.bookingId, 'checked_in', '重复')).toMatchObject({
        ok: false,
        error: { code: 'ILLEGAL_TRANSITION' },
      });
      expect((await b.all('auditLog')).find((e) => e.action === 'booking.correctAttendance')).toMatchObject({
        reason: '签到表漏记',
      });
    });
  });
});

describe('ratings', () => {
  it('lets only attendees rate, once, editable for 7 days, with integer totals on the activity', async () => {
    const id = await openDoorActivity();
    const { code } = await bookedCode(id, 'rater');
    await b.ok('activities', 'signUp', { activityId: id }, 'absent-rater');
    expect(await b.refused('activities', 'rate', { activityId: id, score: 5 }, 'rater')).toBe('NOT_ATTENDEE');
    await b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff);
    expect(await b.ok('activities', 'rate', { activityId: id, score: 5, comment: '很好' }, 'rater')).toMatchObject({
      myRating: { score: 5, comment: '很好' },
    });
    expect(await b.refused('activities', 'rate', { activityId: id, score: 4 }, 'absent-rater')).toBe('NOT_ATTENDEE');
    expect(await b.refused('activities', 'rate', { activityId: id, score: 6 }, 'rater')).toBe('INVALID_INPUT');
    await withClock(b, 6 * 86400_000, () =>
      b.ok('activities', 'rate', { activityId: id, score: 3, comment: '一般' }, 'rater'),
    );
    expect(await b.ok('activities', 'get', { activityId: id })).toMatchObject({ ratingCount: 1, ratingAverage: 3 });
    expect(
      await withClock(b, 8 * 86400_000, () => b.refused('activities', 'rate', { activityId: id, score: 1 }, 'rater')),
    ).toBe('RATING_LOCKED');
    const list = await b.ok('activities', 'ratings', { activityId: id }, AS.staff);
    expect(list.items).toEqual([expect.objectContaining({ score: 3, comment: '一般' })]);
    expect(await b.refused('activities', 'ratings', { activityId: id }, AS.resident)).toBe('FORBIDDEN');
  });
});

describe('ratings racing', () => {
  // 210 racing requests: ~1.5 s alone, several times that when other suites share the two cores.
  it("keeps the activity's totals equal to the rated rows when one attendee's ratings race", async () => {
    const id = await openDoorActivity();
    for (const who of ['race-0', 'race-1', 'race-2']) {
      const { code } = await bookedCode(id, who);
      await b.ok('activities', 'checkIn', { activityId: id, code }, AS.staff);
    }
    await b.ok('activities', 'rate', { activityId: id, score: 4, comment: '' }, 'race-1');
    await b.ok('activities', 'rate', { activityId: id, score: 2, comment: '' }, 'race-2');
    // Ten times: twenty concurrent rate(5) from race-0, with a rate(1) among them.
    for (let round = 0; round < 10; round++) {
      const answers = await Promise.all(
        Array.from({ length: 21 }, (_x, i) =>
          b.call('activities', 'rate', { activityId: id, score: i === 10 ? 1 : 5, comment: '' }, 'race-0'),
        ),
      );
      // Every answer is the rating saved or a coded "try again", never an INTERNAL.
      for (const a of answers) if (!a.ok) expect(a.error.code).toBe('CONFLICT');
    }
    const rows = (await b.all('bookings')).filter((r) => r.activityId === id && r.rating);
    const activity = (await b.all('activities')).find((a) => a._id === id);
    expect(rows).toHaveLength(3);
    expect({ ratingCount: activity.ratingCount, ratingSum: activity.ratingSum }).toEqual({
      ratingCount: 3,
      ratingSum: rows.reduce((sum, r) => sum + r.rating.score, 0),
    });
  }, 30_000);
});

describe('cancelling an activity', () => {
  it('cancels every booking and place in line, tells each person why, and takes no more sign-ups', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 2 });
    await b.ok('activities', 'signUp', { activityId: id }, 'cx-0');
    await b.ok('activities', 'signUp', { activityId: id }, 'cx-1');
    const detail = await b.ok('activities', 'cancelActivity', { activityId: id, reason: '场地临时维修' }, AS.staff);
    expect(detail).toMatchObject({ status: 'cancelled', cancelReason: '场地临时维修', confirmed: 0, waitlisted: 0 });
    for (const who of ['cx-0', 'cx-1']) {
      expect((await b.ok('activities', 'get', { activityId: id }, who)).myBooking.status).toBe('cancelled');
      expect((await b.ok('accounts', 'myMessages', {}, who)).items[0]).toMatchObject({
        kind: 'activity_cancelled',
        body: expect.stringContaining('场地临时维修'),
      });
    }
    expect(await b.refused('activities', 'signUp', { activityId: id }, 'cx-2')).toBe('ACTIVITY_CANCELLED');
    expect(await b.refused('activities', 'cancelActivity', { activityId: id, reason: '再取消' }, AS.staff)).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect((await b.all('auditLog')).find((e) => e.action === 'activity.cancel' && e.entityId === id)).toMatchObject({
      reason: '场地临时维修',
    });
  });

  it('marks messages read', async () => {
    const before = await b.ok('accounts', 'myMessages', {}, 'cx-0');
    expect(before.unread).toBeGreaterThan(0);
    expect((await b.ok('accounts', 'markMessagesRead', {}, 'cx-0')).marked).toBe(before.unread);
    expect((await b.ok('accounts', 'myMessages', {}, 'cx-0')).unread).toBe(0);
  });
});
