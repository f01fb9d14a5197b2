import { issueCode } from '../../cloudfunctions/core/checkin-codes';
import { codeWindow, CODE_WINDOW_SECONDS } from '../../shared/domain/checkin-code';
import { AS, registerVolunteer, startBackend, STATION, type Backend } from './support';

/**
 * A six-digit short code can be typed when a camera fails — and guessed. Wrong short codes are
 * limited per activity and per staff member in a time window, counted by conditional writes so
 * parallel guesses cannot slip past; every check-in made by short code is audited.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
// Each test a day later: its own activities, its own windows.
beforeEach(() => {
  b.clock.now = new Date(b.clock.now.getTime() + 86400_000);
});

const MIN = 60_000;

/** A published 江滨 activity whose door is open (starts in 10 minutes, 2 hours long). */
async function openDoor(volunteerSlots = 0): Promise<string> {
  const start = new Date(b.clock.now.getTime() + 10 * MIN);
  const created = await b.ok(
    'activities',
    'create',
    {
      stationId: STATION.jiangbin,
      data: {
        title: '短码签到测试',
        category: 'culture',
        method: 'community',
        location: '大厅',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 120 * MIN).toISOString(),
        capacity: 20,
        volunteerSlots,
        cancelDeadline: start.toISOString(),
      },
    },
    AS.staff,
  );
  await b.ok('activities', 'publish', { activityId: created.activityId }, AS.staff);
  return created.activityId as string;
}

/** Six-digit codes that admit nobody now: every short code of `refIds` in the accepted windows skipped. */
function wrongCodes(kind: 'b' | 'v', refIds: string[], count: number): string[] {
  const valid = new Set<string>();
  for (const refId of refIds) {
    for (const back of [0, 1]) {
      valid.add(issueCode(kind, refId, new Date(b.clock.now.getTime() - back * CODE_WINDOW_SECONDS * 1000)).shortCode);
    }
  }
  const out: string[] = [];
  for (let n = 0; out.length < count; n++) {
    const code = String(n * 7919).padStart(6, '0');
    if (!valid.has(code)) out.push(code);
  }
  return out;
}

const checkIn = (activityId: string, shortCode: string, as: string) =>
  b.call('activities', 'checkIn', { activityId, shortCode }, as);
const codeOf = (answer: Awaited<ReturnType<Backend['call']>>) => (answer.ok ? 'ok' : answer.error.code);

describe('wrong short codes are limited', () => {
  it('refuses a sixth wrong code from one staff member, and explains when to try again', async () => {
    const activityId = await openDoor();
    await b.ok('activities', 'signUp', { activityId }, AS.resident);
    const booking = (await b.all('bookings')).find((r) => r.activityId === activityId);
    const guesses = wrongCodes('b', [booking._id], 6);
    for (const guess of guesses.slice(0, 5))
      expect(codeOf(await checkIn(activityId, guess, AS.staff))).toBe('CHECKIN_CODE_INVALID');
    const refused = await checkIn(activityId, guesses[5]!, AS.staff);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'CHECKIN_CODE_LIMIT',
        userMessage: '签到码输错次数过多（每位工作人员每10分钟最多5次），请于 10:10 后再试，或请对方出示二维码扫码签到',
      },
    });
    // Even the right code waits: the limit is checked before any code is compared.
    const right = (await b.ok('activities', 'myCheckInCode', { activityId }, AS.resident)).shortCode;
    expect(codeOf(await checkIn(activityId, right, AS.staff))).toBe('CHECKIN_CODE_LIMIT');
    // The QR code still works.
    const { code } = await b.ok('activities', 'myCheckInCode', { activityId }, AS.resident);
    expect(await b.ok('activities', 'checkIn', { activityId, code }, AS.staff)).toMatchObject({ result: 'checked_in' });
  });

  it('caps the activity as a whole across staff members, until the window passes', async () => {
    const activityId = await openDoor();
    await b.ok('activities', 'signUp', { activityId }, AS.resident);
    const booking = (await b.all('bookings')).find((r) => r.activityId === activityId);
    const guesses = wrongCodes('b', [booking._id], 12);
    for (const guess of guesses.slice(0, 5))
      expect(codeOf(await checkIn(activityId, guess, AS.staff))).toBe('CHECKIN_CODE_INVALID');
    for (const guess of guesses.slice(5, 10))
      expect(codeOf(await checkIn(activityId, guess, AS.admin))).toBe('CHECKIN_CODE_INVALID');
    expect(await checkIn(activityId, guesses[10]!, AS.admin)).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN_CODE_LIMIT', userMessage: expect.stringContaining('本场活动每10分钟最多10次') },
    });

    b.clock.now = new Date(b.clock.now.getTime() + 10 * MIN);
    expect(codeOf(await checkIn(activityId, guesses[11]!, AS.admin))).toBe('CHECKIN_CODE_INVALID');
    const right = (await b.ok('activities', 'myCheckInCode', { activityId }, AS.resident)).shortCode;
    expect(await b.ok('activities', 'checkIn', { activityId, shortCode: right }, AS.admin)).toMatchObject({
      result: 'checked_in',
    });
  });

  it('lets only five of twenty parallel wrong guesses be compared', async () => {
    const activityId = await openDoor();
    await b.ok('activities', 'signUp', { activityId }, AS.resident);
    const booking = (await b.all('bookings')).find((r) => r.activityId === activityId);
    const answers = await Promise.all(wrongCodes('b', [booking._id], 20).map((g) => checkIn(activityId, g, AS.staff)));
    const codes = answers.map(codeOf);
    expect(codes.filter((c) => c === 'CHECKIN_CODE_INVALID')).toHaveLength(5);
    expect(codes.filter((c) => c === 'CHECKIN_CODE_LIMIT')).toHaveLength(15);
  });

  it('never counts right codes: a busy door checks in many people by short code', async () => {
    const activityId = await openDoor();
    const people = Array.from({ length: 8 }, (_, i) => `door-${codeWindow(b.clock.now)}-${i}`);
    for (const who of people) await b.ok('activities', 'signUp', { activityId }, who);
    for (const who of people) {
      const { shortCode } = await b.ok('activities', 'myCheckInCode', { activityId }, who);
      expect(await b.ok('activities', 'checkIn', { activityId, shortCode }, AS.staff)).toMatchObject({
        result: 'checked_in',
      });
    }
  });

  it('limits a volunteer’s short code the same way', async () => {
    const activityId = await openDoor(2);
    await registerVolunteer(b, 'short-volunteer', { realName: '钱志愿', homeStationId: STATION.jiangbin, serial: 700 });
    await b.ok('volunteering', 'signUpShift', { activityId }, 'short-volunteer');
    const shift = (await b.all('shifts')).find((s) => s.activityId === activityId);
    const guesses = wrongCodes('v', [shift._id], 6);
    const scan = (shortCode: string) => b.call('volunteering', 'scanShift', { activityId, shortCode }, AS.staff);
    for (const guess of guesses.slice(0, 5)) expect(codeOf(await scan(guess))).toBe('CHECKIN_CODE_INVALID');
    expect(codeOf(await scan(guesses[5]!))).toBe('CHECKIN_CODE_LIMIT');
  });
});

describe('check-ins by short code are audited', () => {
  it('writes who checked whom in by short code; a scanned QR code adds no audit row', async () => {
    const activityId = await openDoor(1);
    await b.ok('activities', 'signUp', { activityId }, AS.resident);
    await b.ok('activities', 'signUp', { activityId }, AS.donor);
    const typed = await b.ok('activities', 'myCheckInCode', { activityId }, AS.resident);
    await b.ok('activities', 'checkIn', { activityId, shortCode: typed.shortCode }, AS.staff);
    // A repeated short code changes nothing and adds nothing.
    await b.ok('activities', 'checkIn', { activityId, shortCode: typed.shortCode }, AS.staff);
    const scanned = await b.ok('activities', 'myCheckInCode', { activityId }, AS.donor);
    await b.ok('activities', 'checkIn', { activityId, code: scanned.code }, AS.staff);

    await registerVolunteer(b, 'audited-volunteer', {
      realName: '孙志愿',
      homeStationId: STATION.jiangbin,
      serial: 701,
    });
    await b.ok('volunteering', 'signUpShift', { activityId }, 'audited-volunteer');
    const shiftCode = await b.ok('volunteering', 'myShiftCode', { activityId }, 'audited-volunteer');
    await b.ok('volunteering', 'scanShift', { activityId, shortCode: shiftCode.shortCode }, AS.staff);

    const staff = await b.ok('accounts', 'me', {}, AS.staff);
    const resident = await b.ok('accounts', 'me', {}, AS.resident);
    const volunteer = await b.ok('accounts', 'me', {}, 'audited-volunteer');
    const rows = (await b.all('auditLog')).filter(
      (e) => e.action.endsWith('.shortCode') && String(e.entityId).startsWith(activityId),
    );
    expect(rows).toEqual([
      expect.objectContaining({
        action: 'booking.shortCode',
        actorId: staff.userId,
        entity: 'booking',
        entityId: `${activityId}_${resident.userId}`,
        stationId: STATION.jiangbin,
        from: { status: 'confirmed' },
        to: { status: 'checked_in' },
      }),
      expect.objectContaining({
        action: 'hours.shortCode',
        actorId: staff.userId,
        entity: 'shift',
        entityId: `${activityId}_${volunteer.userId}`,
        stationId: STATION.jiangbin,
        from: { status: 'signed_up' },
        to: { status: 'checked_in' },
      }),
    ]);
  });
});
