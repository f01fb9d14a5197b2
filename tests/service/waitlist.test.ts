import { AS, expectSeatInvariants, publishedActivity, startBackend, STATION, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const HOUR = 3600_000;
const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
const activityDoc = async (id: string) => (await b.all('activities')).find((a) => a._id === id);
const bookingOf = async (id: string, openid: string) =>
  (await b.ok('activities', 'get', { activityId: id }, openid)).myBooking;
const messagesOf = async (openid: string) => (await b.ok('accounts', 'myMessages', {}, openid)).items;

async function signUpInOrder(id: string, who: string[]) {
  const answers = [];
  for (const person of who) answers.push(await b.call('activities', 'signUp', { activityId: id }, person));
  return answers;
}

describe('joining the waitlist', () => {
  it('puts people in line with their position once seats are gone, and refuses past the waitlist cap', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 2, waitlistCapacity: 2 });
    const [a1, a2, a3, a4, a5] = await signUpInOrder(id, people('join', 5));
    expect([a1, a2].map((a) => a.ok && a.data.status)).toEqual(['confirmed', 'confirmed']);
    expect(a3).toMatchObject({ ok: true, data: { status: 'waitlisted', waitlistPosition: 1 } });
    expect(a4).toMatchObject({ ok: true, data: { status: 'waitlisted', waitlistPosition: 2 } });
    expect(a5).toMatchObject({ ok: false, error: { code: 'WAITLIST_FULL' } });
    expect(await activityDoc(id)).toMatchObject({ confirmed: 2, waitlisted: 2 });
    await expectSeatInvariants(b, id);
  });

  it('refuses a second place in line for the same person', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 3 });
    await signUpInOrder(id, ['dup-0', 'dup-1']);
    expect(await b.refused('activities', 'signUp', { activityId: id }, 'dup-1')).toBe('ALREADY_BOOKED');
    expect(await b.refused('activities', 'signUp', { activityId: id }, 'dup-0')).toBe('ALREADY_BOOKED');
    expect((await activityDoc(id)).waitlisted).toBe(1);
  });

  it('lets a waiting person leave the line even after the cancellation deadline', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 3 });
    await signUpInOrder(id, ['leave-0', 'leave-1', 'leave-2']);
    const start = b.clock.now;
    b.clock.now = new Date(start.getTime() + 3 * 86400_000 + 5 * HOUR);
    try {
      expect(await b.ok('activities', 'cancelBooking', { activityId: id }, 'leave-1')).toMatchObject({
        status: 'cancelled',
      });
      expect(await b.refused('activities', 'cancelBooking', { activityId: id }, 'leave-0')).toBe(
        'CANCEL_DEADLINE_PASSED',
      );
    } finally {
      b.clock.now = start;
    }
    expect(await bookingOf(id, 'leave-2')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await expectSeatInvariants(b, id);
  });
});

describe('automatic promotion', () => {
  it('confirms the first in line at once when a seat is cancelled, and tells them', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 2, waitlistCapacity: 3 });
    await signUpInOrder(id, people('auto', 5));
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'auto-0');
    expect(await bookingOf(id, 'auto-2')).toMatchObject({ status: 'confirmed' });
    expect(await bookingOf(id, 'auto-3')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect(await bookingOf(id, 'auto-4')).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await messagesOf('auto-2')).toEqual([
      expect.objectContaining({ kind: 'promoted', title: '有空位了，已为您报名成功', activityId: id, read: false }),
    ]);
    await expectSeatInvariants(b, id);
  });

  it('promotes as many as the raised capacity allows, in order', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 4 });
    await signUpInOrder(id, people('raise', 5));
    await b.ok('activities', 'update', { activityId: id, data: { capacity: 3 } }, AS.staff);
    const statuses = await Promise.all(people('raise', 5).map(async (p) => (await bookingOf(id, p)).status));
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    await expectSeatInvariants(b, id);
  });

  it('never lets a newcomer take a seat that is free while others wait', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 3 });
    await signUpInOrder(id, ['fair-0', 'fair-1']);
    // Simulate a process that died between releasing a seat and promoting: a seat is free, one waits.
    await b.db
      .collection('bookings')
      .doc(`${id}_${(await b.ok('accounts', 'me', {}, 'fair-0')).userId}`)
      .update({ status: 'cancelled' });
    await b.db.collection('activities').doc(id).update({ confirmed: 0 });
    expect(await b.ok('activities', 'signUp', { activityId: id }, 'fair-2')).toMatchObject({ status: 'waitlisted' });
    expect(await bookingOf(id, 'fair-1')).toMatchObject({ status: 'confirmed' });
    expect(await bookingOf(id, 'fair-2')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    await expectSeatInvariants(b, id);
  });

  it('passes 50 concurrently cancelled seats to the first 50 of 300 in line, in order, at six calls each', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 50, waitlistCapacity: 300 });
    await signUpInOrder(id, people('storm-seat', 50));
    await signUpInOrder(id, people('storm-wait', 300));
    let answers: Awaited<ReturnType<Backend['call']>>[] = [];
    const stats = await b.countCalls(async () => {
      answers = await Promise.all(
        people('storm-seat', 50).map((p) => b.call('activities', 'cancelBooking', { activityId: id }, p)),
      );
    });
    expect(answers.filter((a) => a.ok)).toHaveLength(50);
    // Each cancellation: the caller and the activity read; the seat given up, the next place
    // called, that place settled, the message written — no retries, whatever the others do.
    expect(stats).toEqual({
      users: { getDocument: 50 },
      activities: { getDocument: 50, modifyAndReturnDoc: 50 },
      bookings: { modifyAndReturnDoc: 100 },
      messages: { insertDocument: 50 },
    });
    const rows = await expectSeatInvariants(b, id);
    const meIds = new Map<string, string>();
    for (const p of people('storm-wait', 300)) meIds.set((await b.ok('accounts', 'me', {}, p)).userId, p);
    const statusOf = (p: string) => rows.find((r) => meIds.get(r.userId) === p)?.status;
    expect(people('storm-wait', 300).map(statusOf)).toEqual([
      ...Array(50).fill('confirmed'),
      ...Array(250).fill('waitlisted'),
    ]);
    expect(await activityDoc(id)).toMatchObject({ confirmed: 50, waitlisted: 250 });
  }, 60_000);

  it('passes a seat over places given up before their turn, once each, and tells only the person served', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 2, waitlistCapacity: 5 });
    await signUpInOrder(id, people('gap', 6));
    // gap-2 and gap-3 leave the line; gap-4 taps twice (the second place, the last drawn, is un-drawn).
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'gap-2');
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'gap-3');
    expect(await b.refused('activities', 'signUp', { activityId: id }, 'gap-4')).toBe('ALREADY_BOOKED');
    expect(await activityDoc(id)).toMatchObject({
      waitlistTicket: 4,
      lineOutstanding: 4,
      lineGivenUp: [1, 2],
      waitlisted: 2,
    });
    await expectSeatInvariants(b, id);
    let stats = await b.countCalls(() => b.ok('activities', 'cancelBooking', { activityId: id }, 'gap-0'));
    expect(await bookingOf(id, 'gap-4')).toMatchObject({ status: 'confirmed' });
    expect(await bookingOf(id, 'gap-5')).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // Two more calls on the activity, one per given-up place passed over, nothing else.
    expect(stats.activities).toEqual({ getDocument: 1, modifyAndReturnDoc: 3 });
    expect(await activityDoc(id)).toMatchObject({ confirmed: 2, waitlisted: 1, lineOutstanding: 1, lineGivenUp: [] });
    stats = await b.countCalls(() => b.ok('activities', 'cancelBooking', { activityId: id }, 'gap-1'));
    expect(stats.activities).toEqual({ getDocument: 1, modifyAndReturnDoc: 1 });
    expect(await bookingOf(id, 'gap-5')).toMatchObject({ status: 'confirmed' });
    expect((await messagesOf('gap-2')).length + (await messagesOf('gap-3')).length).toBe(0);
    await expectSeatInvariants(b, id);
  });

  it('skips the line to its end once everyone in it has given up their place', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 5 });
    await signUpInOrder(id, people('empty', 4));
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'empty-2');
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'empty-1');
    expect(await activityDoc(id)).toMatchObject({ lineOutstanding: 3, lineGivenUp: [2, 1], waitlisted: 1 });
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'empty-3');
    expect(await activityDoc(id)).toMatchObject({ lineOutstanding: 0, lineGivenUp: [], waitlisted: 0 });
    // The seat now goes straight back, and the next person takes it without a line.
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'empty-0');
    expect(await b.ok('activities', 'signUp', { activityId: id }, 'empty-4')).toMatchObject({ status: 'confirmed' });
    await expectSeatInvariants(b, id);
  });
});

describe('claim-window promotion', () => {
  it('offers the seat for the claim window; claiming confirms it', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, {
      capacity: 1,
      waitlistCapacity: 3,
      promotionMode: 'claim',
      claimWindowHours: 6,
    });
    await signUpInOrder(id, ['claim-0', 'claim-1', 'claim-2']);
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'claim-0');
    const offered = await bookingOf(id, 'claim-1');
    expect(offered).toMatchObject({
      status: 'offered',
      offerExpiresAt: new Date(b.clock.now.getTime() + 6 * HOUR).toISOString(),
    });
    expect((await messagesOf('claim-1'))[0]).toMatchObject({ kind: 'offered', title: '有空位了，请确认参加' });
    expect(await b.refused('activities', 'claimOffer', { activityId: id }, 'claim-2')).toBe('OFFER_NOT_AVAILABLE');
    expect(await b.ok('activities', 'claimOffer', { activityId: id }, 'claim-1')).toMatchObject({
      status: 'confirmed',
      offerExpiresAt: null,
    });
    await expectSeatInvariants(b, id);
  });

  it('expires an unclaimed offer on the timer and offers the seat to the next in line', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, {
      capacity: 1,
      waitlistCapacity: 3,
      promotionMode: 'claim',
      claimWindowHours: 2,
    });
    await signUpInOrder(id, ['lapse-0', 'lapse-1', 'lapse-2']);
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'lapse-0');
    const start = b.clock.now;
    b.clock.now = new Date(start.getTime() + 2 * HOUR + 1000);
    try {
      expect(await b.runTimer('activities', 'sweep')).toMatchObject({ ok: true, data: { offersExpired: 1 } });
      expect(await bookingOf(id, 'lapse-1')).toMatchObject({ status: 'expired' });
      expect(await bookingOf(id, 'lapse-2')).toMatchObject({ status: 'offered' });
      expect(await b.refused('activities', 'claimOffer', { activityId: id }, 'lapse-1')).toBe('OFFER_NOT_AVAILABLE');
      expect((await messagesOf('lapse-1')).map((m: any) => m.kind)).toEqual(['offer_expired', 'offered']);
      // The person whose offer lapsed may join again, at the back of the line.
      expect(await b.ok('activities', 'signUp', { activityId: id }, 'lapse-1')).toMatchObject({
        status: 'waitlisted',
        waitlistPosition: 1,
      });
    } finally {
      b.clock.now = start;
    }
    await expectSeatInvariants(b, id);
  });

  it('expires a lapsed offer lazily when its holder opens the activity', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, {
      capacity: 1,
      waitlistCapacity: 3,
      promotionMode: 'claim',
      claimWindowHours: 1,
    });
    await signUpInOrder(id, ['lazy-0', 'lazy-1', 'lazy-2']);
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'lazy-0');
    const start = b.clock.now;
    b.clock.now = new Date(start.getTime() + HOUR + 1);
    try {
      expect(await bookingOf(id, 'lazy-1')).toMatchObject({ status: 'expired' });
      expect(await bookingOf(id, 'lazy-2')).toMatchObject({ status: 'offered' });
    } finally {
      b.clock.now = start;
    }
  });

  it('never offers a claim window past the start of the activity', async () => {
    const id = await publishedActivity(b, STATION.jiangbin, {
      capacity: 1,
      waitlistCapacity: 2,
      promotionMode: 'claim',
      claimWindowHours: 72,
    });
    await signUpInOrder(id, ['cap-0', 'cap-1']);
    const start = b.clock.now;
    b.clock.now = new Date(start.getTime() + 10 * HOUR); // 66 h before the start: 72 h would overrun it
    try {
      await b.ok('activities', 'cancelBooking', { activityId: id }, 'cap-0');
      const detail = await b.ok('activities', 'get', { activityId: id }, 'cap-1');
      expect(detail.myBooking).toMatchObject({ status: 'offered', offerExpiresAt: detail.startAt });
    } finally {
      b.clock.now = start;
    }
  });
});

describe('timer events', () => {
  it('treats a timer-shaped event from a mini-program user as an ordinary (unknown) request', async () => {
    expect(await b.runTimer('activities', 'sweep', AS.resident)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_ACTION' },
    });
  });
});

describe('WeChat subscription messages', () => {
  const TEMPLATE = 'tplWaitlistPromoted01';
  beforeAll(() => {
    process.env.WX_TEMPLATE_WAITLIST = TEMPLATE;
  });
  afterAll(() => {
    delete process.env.WX_TEMPLATE_WAITLIST;
  });

  it('sends one subscription message per consent through the open API, and records whether it went', async () => {
    expect(await b.ok('accounts', 'recordSubscription', { templateIds: ['someOtherTemplate'] }, 'sub-waiter')).toEqual({
      recorded: 0,
    });
    expect(await b.ok('accounts', 'recordSubscription', { templateIds: [TEMPLATE] }, 'sub-waiter')).toEqual({
      recorded: 1,
    });
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 1, waitlistCapacity: 3 });
    await signUpInOrder(id, ['sub-holder', 'sub-waiter', 'sub-second']);
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'sub-holder');
    const calls = (await (
      await fetch(`${b.emulator.url}/emulator/wx-api-calls`, { headers: b.controlHeaders })
    ).json()) as {
      apiName: string;
      request: any;
    }[];
    const sent = calls.filter((c) => c.request?.touser === 'sub-waiter');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      apiName: 'cgi-bin/message/subscribe/send',
      request: { template_id: TEMPLATE, data: { thing1: { value: '有空位了，已为您报名成功' } } },
    });
    expect(sent[0]!.request.page).toContain(id);
    const rows = (await b.all('messages')).filter((m) => m.activityId === id);
    expect(rows.map((m) => m.delivery)).toEqual(['sent']);
    // The consent is used up: the next promotion of the same person is only in the app.
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'sub-waiter');
    await b.ok('activities', 'signUp', { activityId: id }, 'sub-waiter');
    await b.ok('activities', 'cancelBooking', { activityId: id }, 'sub-second');
    const all = (await b.all('messages')).filter((m) => m.activityId === id);
    const waiterId = rows[0].userId;
    expect(
      all
        .filter((m) => m.userId === waiterId)
        .map((m) => m.delivery)
        .sort(),
    ).toEqual(['sent', 'skipped']);
    expect(all.filter((m) => m.delivery === 'sent')).toHaveLength(1);
  });
});
