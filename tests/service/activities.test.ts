import { activityInput, AS, publishedActivity, startBackend, STATION, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const activityDoc = async (id: string) => (await b.all('activities')).find((a) => a._id === id);

describe('staff create, update and publish', () => {
  it('creates a draft at the staff member’s own station and audits it', async () => {
    const created = await b.ok(
      'activities',
      'create',
      { stationId: STATION.jiangbin, data: activityInput(b.clock.now) },
      AS.staff,
    );
    expect(created).toMatchObject({
      status: 'draft',
      confirmed: 0,
      capacity: 10,
      canManage: true,
      stationName: '江滨街道社工站',
    });
    const audit = (await b.all('auditLog')).filter((e) => e.entityId === created.activityId);
    expect(audit).toEqual([
      expect.objectContaining({ action: 'activity.create', actorId: expect.stringMatching(/^u/), from: null }),
    ]);
  });

  it('lets station staff create for a room beneath their station', async () => {
    const created = await b.ok(
      'activities',
      'create',
      { stationId: STATION.yihe, data: activityInput(b.clock.now) },
      AS.staff,
    );
    expect(created.stationPath).toEqual([STATION.center, STATION.jiangbin, STATION.yihe]);
  });

  it('refuses staff at a sibling station and writes nothing', async () => {
    const before = (await b.all('activities')).length;
    expect(
      await b.refused(
        'activities',
        'create',
        { stationId: STATION.zhongdai, data: activityInput(b.clock.now) },
        AS.staff,
      ),
    ).toBe('FORBIDDEN');
    expect((await b.all('activities')).length).toBe(before);
  });

  it('refuses residents (no staff grant) and anonymous callers', async () => {
    const input = { stationId: STATION.jiangbin, data: activityInput(b.clock.now) };
    expect(await b.refused('activities', 'create', input, AS.resident)).toBe('FORBIDDEN');
    expect(await b.refused('activities', 'create', input)).toBe('UNAUTHENTICATED');
  });

  it('lets the centre admin create anywhere beneath the centre', async () => {
    const created = await b.ok(
      'activities',
      'create',
      { stationId: STATION.shenjia, data: activityInput(b.clock.now) },
      AS.admin,
    );
    expect(created.stationId).toBe(STATION.shenjia);
  });

  it('refuses an inconsistent schedule with a field error and no write', async () => {
    const before = (await b.all('activities')).length;
    const input = activityInput(b.clock.now);
    const answer = await b.call(
      'activities',
      'create',
      { stationId: STATION.jiangbin, data: { ...input, endAt: input.startAt } },
      AS.staff,
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'data.endAt': '结束时间须晚于开始时间' } },
    });
    expect((await b.all('activities')).length).toBe(before);
  });

  it('publishes a draft once; a second publish is an invalid state', async () => {
    const created = await b.ok(
      'activities',
      'create',
      { stationId: STATION.jiangbin, data: activityInput(b.clock.now) },
      AS.staff,
    );
    expect(await b.ok('activities', 'publish', { activityId: created.activityId }, AS.staff)).toMatchObject({
      status: 'published',
    });
    expect(await b.refused('activities', 'publish', { activityId: created.activityId }, AS.staff)).toBe(
      'ILLEGAL_TRANSITION',
    );
    const actions = (await b.all('auditLog')).filter((e) => e.entityId === created.activityId).map((e) => e.action);
    expect(actions.sort()).toEqual(['activity.create', 'activity.publish']);
  });

  it('hides drafts from the public but shows them to managing staff', async () => {
    const created = await b.ok(
      'activities',
      'create',
      { stationId: STATION.jiangbin, data: activityInput(b.clock.now, { title: '草稿活动' }) },
      AS.staff,
    );
    expect(await b.refused('activities', 'get', { activityId: created.activityId }, AS.resident)).toBe('NOT_FOUND');
    expect(await b.refused('activities', 'signUp', { activityId: created.activityId }, AS.resident)).toBe('NOT_FOUND');
    expect((await b.ok('activities', 'get', { activityId: created.activityId }, AS.staff)).status).toBe('draft');
    const publicList = await b.ok('activities', 'list', { stationId: STATION.jiangbin, pageSize: 50 });
    expect(publicList.items.map((a: { title: string }) => a.title)).not.toContain('草稿活动');
    const managed = await b.ok(
      'activities',
      'listManaged',
      { stationId: STATION.jiangbin, status: 'draft', pageSize: 50 },
      AS.staff,
    );
    expect(managed.items.map((a: { title: string }) => a.title)).toContain('草稿活动');
    expect(await b.refused('activities', 'listManaged', { stationId: STATION.zhongdai }, AS.staff)).toBe('FORBIDDEN');
  });

  it('after publishing, allows title and capacity edits but locks the time', async () => {
    const id = await publishedActivity(b, STATION.jiangbin);
    expect(
      await b.ok('activities', 'update', { activityId: id, data: { title: '改名后的活动', capacity: 12 } }, AS.staff),
    ).toMatchObject({ title: '改名后的活动', capacity: 12 });
    expect(
      await b.refused(
        'activities',
        'update',
        { activityId: id, data: { startAt: new Date(b.clock.now.getTime() + 86400_000).toISOString() } },
        AS.staff,
      ),
    ).toBe('ILLEGAL_TRANSITION');
  });

  it('never lowers capacity below the seats already taken', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 5 });
    await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    await b.ok('activities', 'signUp', { activityId: id }, AS.volunteer);
    const answer = await b.call('activities', 'update', { activityId: id, data: { capacity: 1 } }, AS.staff);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', userMessage: '名额不能少于已报名人数（2人）' },
    });
    expect((await activityDoc(id)).capacity).toBe(5);
    expect(await b.ok('activities', 'update', { activityId: id, data: { capacity: 2 } }, AS.staff)).toMatchObject({
      capacity: 2,
      remaining: 0,
    });
  });
});

describe('sign-up and cancellation', () => {
  it('books a seat with one booking row and shows it on the activity and in 我的', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 3 });
    const booking = await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    expect(booking).toMatchObject({ activityId: id, status: 'confirmed', cancelledAt: null });
    const detail = await b.ok('activities', 'get', { activityId: id }, AS.resident);
    expect(detail).toMatchObject({ confirmed: 1, remaining: 2, myBooking: { status: 'confirmed' }, canManage: false });
    const mine = await b.ok('activities', 'myBookings', { when: 'upcoming', pageSize: 50 }, AS.resident);
    expect(mine.items.map((m: { activityId: string }) => m.activityId)).toContain(id);
    expect((await b.all('bookings')).filter((r) => r.activityId === id)).toHaveLength(1);
  });

  it('refuses a second sign-up by the same person without a second row or seat', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 3 });
    await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    expect(await b.refused('activities', 'signUp', { activityId: id }, AS.resident)).toBe('ALREADY_BOOKED');
    expect((await activityDoc(id)).confirmed).toBe(1);
    expect((await b.all('bookings')).filter((r) => r.activityId === id)).toHaveLength(1);
  });

  it('answers ALREADY_BOOKED, not ACTIVITY_FULL, when the booker of the last seat tries again', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1 });
    await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    expect(await b.refused('activities', 'signUp', { activityId: id }, AS.resident)).toBe('ALREADY_BOOKED');
    expect(await b.refused('activities', 'signUp', { activityId: id }, AS.volunteer)).toBe('ACTIVITY_FULL');
  });

  it('treats capacity 0 as closed', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 0 });
    expect(await b.refused('activities', 'signUp', { activityId: id }, AS.resident)).toBe('ACTIVITY_FULL');
  });

  it('enforces the sign-up window', async () => {
    const opensAt = new Date(b.clock.now.getTime() + 86400_000).toISOString();
    const id = await publishedActivity(b, STATION.jiangbin, { signUpOpensAt: opensAt });
    expect(await b.refused('activities', 'signUp', { activityId: id }, AS.resident)).toBe('SIGNUP_NOT_OPEN');
    const started = b.clock.now;
    b.clock.now = new Date(started.getTime() + 3 * 86400_000 + 8 * 3600_000);
    try {
      expect(await b.refused('activities', 'signUp', { activityId: id }, AS.resident)).toBe('SIGNUP_CLOSED');
    } finally {
      b.clock.now = started;
    }
  });

  it('gives the seat back on cancellation, once, and lets the person book again', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1 });
    await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    expect(await b.ok('activities', 'cancelBooking', { activityId: id }, AS.resident)).toMatchObject({
      status: 'cancelled',
    });
    expect(await b.refused('activities', 'cancelBooking', { activityId: id }, AS.resident)).toBe('BOOKING_NOT_FOUND');
    expect((await activityDoc(id)).confirmed).toBe(0);
    await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    const rows = (await b.all('bookings')).filter((r) => r.activityId === id);
    expect(rows).toHaveLength(1);
    expect(rows[0].history.map((h: { to: string }) => h.to)).toEqual(['confirmed', 'cancelled', 'confirmed']);
    expect((await activityDoc(id)).confirmed).toBe(1);
  });

  it('refuses cancelling after the deadline', async () => {
    const id = await publishedActivity(b, STATION.jiangbin);
    await b.ok('activities', 'signUp', { activityId: id }, AS.resident);
    const started = b.clock.now;
    b.clock.now = new Date(started.getTime() + 3 * 86400_000 + 5 * 3600_000);
    try {
      expect(await b.refused('activities', 'cancelBooking', { activityId: id }, AS.resident)).toBe(
        'CANCEL_DEADLINE_PASSED',
      );
      expect((await activityDoc(id)).confirmed).toBe(1);
    } finally {
      b.clock.now = started;
    }
  });

  it('never oversells under 60 concurrent sign-ups for 10 seats', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 10 });
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => b.call('activities', 'signUp', { activityId: id }, `crowd-${i}`)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(10);
    expect(answers.filter((a) => !a.ok && a.error.code === 'ACTIVITY_FULL')).toHaveLength(50);
    expect((await activityDoc(id)).confirmed).toBe(10);
    expect((await b.all('bookings')).filter((r) => r.activityId === id && r.status === 'confirmed')).toHaveLength(10);
  });

  it('counts one seat when the same person taps sign-up eight times at once', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 10 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => b.call('activities', 'signUp', { activityId: id }, AS.donor)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect((await activityDoc(id)).confirmed).toBe(1);
    expect((await b.all('bookings')).filter((r) => r.activityId === id)).toHaveLength(1);
  });
});

describe('lists', () => {
  it('lists upcoming published activities soonest first with paging', async () => {
    const page1 = await b.ok('activities', 'list', { pageSize: 5 });
    expect(page1.items).toHaveLength(5);
    expect(page1.hasMore).toBe(true);
    const starts = page1.items.map((a: { startAt: string }) => a.startAt);
    expect([...starts].sort()).toEqual(starts);
    const page2 = await b.ok('activities', 'list', { pageSize: 5, page: 2 });
    expect(page2.items[0].activityId).not.toBe(page1.items[0].activityId);
  });

  it('filters by station subtree and category', async () => {
    const subtree = await b.ok('activities', 'list', { stationId: STATION.jiangbin, pageSize: 50 });
    expect(
      subtree.items.every((a: { stationId: string }) =>
        [STATION.jiangbin, STATION.yihe, 'st_LJ0102'].includes(a.stationId),
      ),
    ).toBe(true);
    expect(subtree.items.some((a: { stationId: string }) => a.stationId === STATION.yihe)).toBe(true);
    const own = await b.ok('activities', 'list', {
      stationId: STATION.jiangbin,
      includeDescendants: false,
      pageSize: 50,
    });
    expect(own.items.every((a: { stationId: string }) => a.stationId === STATION.jiangbin)).toBe(true);
    const health = await b.ok('activities', 'list', { category: 'health' });
    expect(health.items.map((a: { title: string }) => a.title)).toEqual(['健康义诊进社区']);
  });
});
