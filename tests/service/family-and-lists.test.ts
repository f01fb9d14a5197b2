/**
 * Residents and staff (issue 16), through the real functions on the emulator: family members and
 * their bookings (one row per member, never two), the caller's own states on activity cards,
 * title search and the volunteer-slot filter, a station notice to everyone booked, and no
 * cancelling an activity under way.
 */
import { AS, publishedActivity, registerVolunteer, startBackend, STATION, type Backend, withClock } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const MIN = 60_000;

const mother = { name: '王秀英', relation: 'mother', phone: '13900001234', consent: true };

describe('family members', () => {
  it('keeps only name, relation, optional phone and the consent time; refuses the same person twice', async () => {
    const me = await b.ok('accounts', 'addFamilyMember', { data: mother }, 'fam-a');
    expect(me.family).toEqual([
      {
        memberId: expect.stringMatching(/^f[A-Za-z0-9]{12}$/),
        name: '王秀英',
        relation: 'mother',
        phone: '13900001234',
      },
    ]);
    const stored = (await b.all('users')).find((u) => u.openid === 'fam-a');
    expect(stored.family).toEqual([
      {
        memberId: me.family[0].memberId,
        name: '王秀英',
        relation: 'mother',
        phone: '13900001234',
        consentAt: expect.any(Date),
      },
    ]);
    const again = await b.call('accounts', 'addFamilyMember', { data: { ...mother, relation: 'other' } }, 'fam-a');
    expect(again).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION', fields: { name: '已添加过“王秀英”' } } });
    expect(await b.refused('accounts', 'addFamilyMember', { data: { ...mother, consent: false } }, 'fam-a')).toBe(
      'INVALID_INPUT',
    );
    expect(
      await b.refused('accounts', 'addFamilyMember', { data: { ...mother, name: '6222 0212 3456 7890' } }, 'fam-a'),
    ).toBe('INVALID_INPUT');
    const withoutPhone = await b.ok(
      'accounts',
      'addFamilyMember',
      { data: { name: '李小宝', relation: 'grandchild', consent: true } },
      'fam-a',
    );
    expect(withoutPhone.family[1]).toMatchObject({ name: '李小宝', phone: null });
  });

  it('allows at most five members', async () => {
    for (const name of ['甲', '乙', '丙', '丁', '戊'])
      await b.ok('accounts', 'addFamilyMember', { data: { name, relation: 'other', consent: true } }, 'fam-five');
    expect(
      await b.refused(
        'accounts',
        'addFamilyMember',
        { data: { name: '己', relation: 'other', consent: true } },
        'fam-five',
      ),
    ).toBe('RULE_VIOLATION');
  });

  it('books a member under a booking id of their own; one member is never booked twice, even after re-adding', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { title: '家庭健康讲座', capacity: 5 });
    const me = await b.ok('accounts', 'addFamilyMember', { data: mother }, 'fam-b');
    const memberId = me.family[0].memberId;
    const userId = me.userId;

    const own = await b.ok('activities', 'signUp', { activityId: id }, 'fam-b');
    const theirs = await b.ok('activities', 'signUp', { activityId: id, memberId }, 'fam-b');
    expect(own).toMatchObject({ bookingId: `${id}_${userId}`, status: 'confirmed', forMember: null });
    expect(theirs).toMatchObject({
      bookingId: `${id}_${userId}_${memberId}`,
      status: 'confirmed',
      forMember: { memberId, name: '王秀英', relation: 'mother' },
    });
    expect(await b.refused('activities', 'signUp', { activityId: id, memberId }, 'fam-b')).toBe('ALREADY_BOOKED');

    // Removed and added again: the same id, so still one booking.
    await b.ok('accounts', 'removeFamilyMember', { memberId }, 'fam-b');
    expect((await b.all('users')).find((u) => u.openid === 'fam-b').family).toEqual([]);
    const readded = await b.ok('accounts', 'addFamilyMember', { data: mother }, 'fam-b');
    expect(readded.family[0].memberId).toBe(memberId);
    expect(await b.refused('activities', 'signUp', { activityId: id, memberId }, 'fam-b')).toBe('ALREADY_BOOKED');

    const rows = (await b.all('bookings')).filter((row) => row.activityId === id);
    expect(rows.map((row) => [row._id, row.attendeeName, row.phoneTail])).toEqual([
      [`${id}_${userId}`, expect.any(String), null],
      [`${id}_${userId}_${memberId}`, '王秀英', '1234'],
    ]);
    expect((await b.all('activities')).find((a) => a._id === id).confirmed).toBe(2);

    // Someone else's member id is not theirs to book, cancel or show a code for.
    for (const action of ['signUp', 'cancelBooking', 'myCheckInCode'])
      expect(await b.refused('activities', action, { activityId: id, memberId }, 'fam-stranger')).toBe('NOT_FOUND');

    // The activity page and 我的报名 show whom each booking is for.
    const detail = await b.ok('activities', 'get', { activityId: id }, 'fam-b');
    expect(detail.myBooking).toMatchObject({ status: 'confirmed', forMember: null });
    expect(detail.familyBookings).toEqual([
      {
        memberId,
        name: '王秀英',
        relation: 'mother',
        booking: expect.objectContaining({
          status: 'confirmed',
          forMember: { memberId, name: '王秀英', relation: 'mother' },
        }),
      },
    ]);
    const mine = await b.ok('activities', 'myBookings', { when: 'upcoming' }, 'fam-b');
    expect(mine.items.map((row: any) => row.forMember?.name ?? null).sort()).toEqual([null, '王秀英'].sort());

    // The member's code names them; the door checks the member in, not the holder.
    const code = await b.ok('activities', 'myCheckInCode', { activityId: id, memberId }, 'fam-b');
    expect(code.forName).toBe('母亲 王秀英');
    const activity = (await b.all('activities')).find((a) => a._id === id);
    const checked = await withClock(b, new Date(activity.startAt.getTime() - 10 * MIN), async () =>
      b.ok(
        'activities',
        'checkIn',
        {
          activityId: id,
          code: (await b.ok('activities', 'myCheckInCode', { activityId: id, memberId }, 'fam-b')).code,
        },
        AS.staff,
      ),
    );
    expect(checked).toMatchObject({ result: 'checked_in', attendeeName: '王**', phoneTail: '1234' });
    expect((await b.ok('activities', 'myCheckInCode', { activityId: id }, 'fam-b')).forName).toBeNull();
  });

  it('tells the holder whom a promotion is for, and cancels a member booking by its member id', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, {
      title: '候补家人测试',
      capacity: 1,
      waitlistCapacity: 3,
    });
    const me = await b.ok('accounts', 'addFamilyMember', { data: mother }, 'fam-c');
    const memberId = me.family[0].memberId;
    await b.ok('activities', 'signUp', { activityId: id }, 'fam-other');
    expect(await b.ok('activities', 'signUp', { activityId: id, memberId }, 'fam-c')).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 1,
    });
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'fam-other');
    const messages = await b.ok('accounts', 'myMessages', {}, 'fam-c');
    expect(messages.items[0]).toMatchObject({
      kind: 'promoted',
      title: '有空位了，已为您报名成功',
      body: expect.stringMatching(
        /^您为母亲 王秀英报名的「候补家人测试」（.+）有空位了，已从候补转为报名成功，请按时参加。$/,
      ),
    });
    expect(await b.ok('activities', 'cancelBooking', { activityId: id, memberId }, 'fam-c')).toMatchObject({
      status: 'cancelled',
      forMember: { memberId },
    });
  });
});

describe('activity lists', () => {
  it('shows a signed-in caller their own states on the cards, visitors none', async () => {
    const full = await publishedActivity(b, STATION.jiangbin, {
      title: '卡片状态测试',
      capacity: 1,
      waitlistCapacity: 2,
    });
    await b.ok('activities', 'signUp', { activityId: full }, 'card-first');
    await b.ok('activities', 'signUp', { activityId: full }, 'card-second');
    await b.ok('activities', 'signUp', { activityId: full }, 'card-third');
    const find = (page: any) => page.items.find((a: any) => a.activityId === full);
    const search = { stationId: STATION.jiangbin, search: '卡片状态', pageSize: 50 };
    expect(find(await b.ok('activities', 'list', search, 'card-first')).mine).toEqual([
      { status: 'confirmed', waitlistPosition: null, checkedInAt: null, forName: null },
    ]);
    expect(find(await b.ok('activities', 'list', search, 'card-third')).mine).toEqual([
      { status: 'waitlisted', waitlistPosition: 2, checkedInAt: null, forName: null },
    ]);
    expect(find(await b.ok('activities', 'list', search)).mine).toEqual([]);
  });

  it('searches titles (regex characters taken literally) and keeps the station scope', async () => {
    await publishedActivity(b, STATION.yihe, { title: '书法（进阶）班' });
    const hits = await b.ok('activities', 'list', { stationId: STATION.jiangbin, search: '（进阶）' });
    expect(hits.items.map((a: any) => a.title)).toEqual(['书法（进阶）班']);
    expect((await b.ok('activities', 'list', { stationId: STATION.zhongdai, search: '进阶' })).total).toBe(0);
    expect((await b.ok('activities', 'list', { search: '.*' })).total).toBe(0);
  });

  it('filters activities whose volunteer slots are not all taken, with a count and pages', async () => {
    const open = await publishedActivity(b, STATION.jiangbin, { title: '志愿岗位开放', volunteerSlots: 2 });
    const taken = await publishedActivity(b, STATION.jiangbin, { title: '志愿岗位已满', volunteerSlots: 1 });
    await registerVolunteer(b, 'slot-filler', { realName: '周志愿', homeStationId: STATION.jiangbin, serial: 901 });
    await b.ok('volunteering', 'signUpShift', { activityId: taken }, 'slot-filler');
    const page = await b.ok('activities', 'list', { volunteerSlotsOpen: true, pageSize: 50 });
    const titles = page.items.map((a: any) => a.title);
    expect(titles).toContain('志愿岗位开放');
    expect(titles).not.toContain('志愿岗位已满');
    expect(page.items.every((a: any) => a.volunteerSlots > a.volunteersSignedUp)).toBe(true);
    expect(page.total).toBe(page.items.length);
    const row = page.items.find((a: any) => a.activityId === open);
    expect(row).toMatchObject({ volunteerSlots: 2, volunteersSignedUp: 0, mine: [] });
    expect(typeof row.startAt).toBe('string');
    const first = await b.ok('activities', 'list', { volunteerSlotsOpen: true, pageSize: 1 });
    expect(first).toMatchObject({ total: page.total, hasMore: page.total > 1 });
    expect(first.items).toHaveLength(1);
  });
});

describe('staff', () => {
  it('notifies everyone booked once per account, audited with the text', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { title: '通知测试', capacity: 1, waitlistCapacity: 3 });
    const me = await b.ok('accounts', 'addFamilyMember', { data: mother }, 'notice-a');
    await b.ok('activities', 'signUp', { activityId: id }, 'notice-a');
    await b.ok('activities', 'signUp', { activityId: id, memberId: me.family[0].memberId }, 'notice-a');
    await b.ok('activities', 'signUp', { activityId: id }, 'notice-b');
    await b.ok('activities', 'signUp', { activityId: id }, 'notice-gone');
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'notice-gone');

    expect(
      await b.refused('activities', 'notifyParticipants', { activityId: id, message: '请带水杯' }, 'notice-a'),
    ).toBe('FORBIDDEN');
    expect(
      await b.refused(
        'activities',
        'notifyParticipants',
        { activityId: id, message: '卡号6222021234567890' },
        AS.staff,
      ),
    ).toBe('INVALID_INPUT');
    expect(await b.ok('activities', 'notifyParticipants', { activityId: id, message: '请带水杯' }, AS.staff)).toEqual({
      notified: 2,
    });
    for (const who of ['notice-a', 'notice-b']) {
      const inbox = await b.ok('accounts', 'myMessages', {}, who);
      expect(inbox.items.filter((m: any) => m.kind === 'station_notice')).toEqual([
        expect.objectContaining({
          title: '江滨街道社工站通知',
          body: expect.stringMatching(/^关于「通知测试」（.+）：请带水杯$/),
          activityId: id,
          read: false,
        }),
      ]);
    }
    expect(
      (await b.ok('accounts', 'myMessages', {}, 'notice-gone')).items.some((m: any) => m.kind === 'station_notice'),
    ).toBe(false);
    const audit = (await b.all('auditLog')).filter((e) => e.action === 'activity.notify');
    expect(audit).toEqual([expect.objectContaining({ entityId: id, reason: '请带水杯', to: { notified: 2 } })]);
  });

  it('refuses to cancel an activity once it has started, and changes nothing', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { title: '进行中不能取消' });
    await b.ok('activities', 'signUp', { activityId: id }, 'underway-a');
    const activity = (await b.all('activities')).find((a) => a._id === id);
    const answer = await withClock(b, new Date(activity.startAt.getTime() + MIN), () =>
      b.call('activities', 'cancelActivity', { activityId: id, reason: '临时有事' }, AS.staff),
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'ILLEGAL_TRANSITION', userMessage: '活动已经开始，不能再取消' },
    });
    expect((await b.all('activities')).find((a) => a._id === id)).toMatchObject({ status: 'published', confirmed: 1 });
  });
});
