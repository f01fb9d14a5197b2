import { AS, registerVolunteer, startBackend, STATION, type Backend, withClock } from './support';

/**
 * The hours ledger is a legal record (《志愿服务记录与证明出具办法》: 谁组织谁记录). Nobody records,
 * confirms, corrects or reviews hours on their own record, and no correction takes an entry's
 * total below zero — not even several sent at once.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());
// Each test a day later, so one person's shifts in different tests never overlap.
beforeEach(() => {
  b.clock.now = new Date(b.clock.now.getTime() + 86400_000);
});

const MIN = 60_000;
let serial = 500;

/** A published 江滨 activity with volunteer slots, starting 10 minutes after the clock, 2 hours long. */
async function shiftActivity(): Promise<string> {
  const start = new Date(b.clock.now.getTime() + 10 * MIN);
  const created = await b.ok(
    'activities',
    'create',
    {
      stationId: STATION.jiangbin,
      data: {
        title: '助老志愿服务',
        category: 'volunteering',
        method: 'community',
        location: '社区',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 120 * MIN).toISOString(),
        capacity: 10,
        volunteerSlots: 3,
        cancelDeadline: start.toISOString(),
      },
    },
    AS.admin,
  );
  await b.ok('activities', 'publish', { activityId: created.activityId }, AS.admin);
  return created.activityId as string;
}

/** `openid` registered as a volunteer (once) and signed up for the activity's shift. */
async function onShift(openid: string, activityId: string, realName: string) {
  if (!(await b.call('volunteering', 'myProfile', {}, openid)).ok) {
    await registerVolunteer(b, openid, { realName, homeStationId: STATION.jiangbin, serial: serial++ });
  }
  await b.ok('volunteering', 'signUpShift', { activityId }, openid);
  return b.ok('volunteering', 'myShiftCode', { activityId }, openid);
}

describe('no hours action on one’s own record', () => {
  it('refuses a staff member scanning their own shift code in or out, by QR or short code', async () => {
    const activityId = await shiftActivity();
    const code = await onShift(AS.staff, activityId, '王社工');
    const before = JSON.stringify(await b.all('shifts'));
    expect(await b.refused('volunteering', 'scanShift', { activityId, code: code.code }, AS.staff)).toBe('SELF_REVIEW');
    expect(await b.refused('volunteering', 'scanShift', { activityId, shortCode: code.shortCode }, AS.staff)).toBe(
      'SELF_REVIEW',
    );
    expect(JSON.stringify(await b.all('shifts'))).toBe(before);

    // Another staff member of the station records it; the staff member still cannot check themself out.
    expect(await b.ok('volunteering', 'scanShift', { activityId, code: code.code }, AS.admin)).toMatchObject({
      result: 'checked_in',
    });
    await withClock(b, 100 * MIN, async () => {
      const later = await b.ok('volunteering', 'myShiftCode', { activityId }, AS.staff);
      expect(
        await b.refused('volunteering', 'scanShift', { activityId, code: later.code, mode: 'out' }, AS.staff),
      ).toBe('SELF_REVIEW');
      expect((await b.all('hourEntries')).filter((e) => e.activityId === activityId)).toEqual([]);
      expect(await b.ok('volunteering', 'scanShift', { activityId, code: later.code }, AS.admin)).toMatchObject({
        result: 'checked_out',
        minutes: 90,
      });
    });
    const admin = await b.ok('accounts', 'me', {}, AS.admin);
    expect((await b.all('hourEntries')).filter((e) => e.activityId === activityId)).toEqual([
      expect.objectContaining({ kind: 'verified', minutes: 90, createdBy: admin.userId }),
    ]);
  });

  it('refuses confirming one’s own auto-closed check-out; a colleague confirms it', async () => {
    const activityId = await shiftActivity();
    const code = await onShift(AS.staff, activityId, '王社工');
    await b.ok('volunteering', 'scanShift', { activityId, code: code.code }, AS.admin);
    await withClock(b, 10 * MIN + 120 * MIN + 31 * MIN, async () => {
      expect(await b.runTimer('volunteering', 'autoClose')).toMatchObject({ ok: true, data: { closed: 1 } });
    });
    const entry = (await b.all('hourEntries')).find((e) => e.activityId === activityId);
    expect(entry).toMatchObject({ autoClosed: true, reviewed: false, minutes: 120 });
    expect(await b.refused('volunteering', 'confirmAutoClosed', { entryId: entry._id }, AS.staff)).toBe('SELF_REVIEW');
    expect(
      await b.refused('volunteering', 'adjustHours', { entryId: entry._id, minutes: 30, reason: '加班' }, AS.staff),
    ).toBe('SELF_REVIEW');
    expect((await b.all('hourEntries')).find((e) => e._id === entry._id)).toMatchObject({ reviewed: false });
    expect((await b.all('auditLog')).filter((e) => e.entityId === entry._id)).toEqual([]);

    await b.ok('volunteering', 'confirmAutoClosed', { entryId: entry._id }, AS.admin);
    expect((await b.all('hourEntries')).find((e) => e._id === entry._id)).toMatchObject({ reviewed: true });
  });

  it('refuses reviewing one’s own top-up claim, as before', async () => {
    const claim = await b.ok(
      'volunteering',
      'claimHours',
      {
        data: {
          stationId: STATION.jiangbin,
          startAt: new Date(b.clock.now.getTime() - 30 * 60 * MIN).toISOString(),
          minutes: 60,
          description: '整理物资',
        },
      },
      AS.staff,
    );
    expect(
      await b.refused('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'approve' }, AS.staff),
    ).toBe('SELF_REVIEW');
  });
});

describe('adjustments never take an entry below zero', () => {
  /** A 120-minute verified entry of a fresh volunteer, recorded by 王社工. */
  async function verifiedEntry(openid: string) {
    const activityId = await shiftActivity();
    const code = await onShift(openid, activityId, '赵志愿');
    await b.ok('volunteering', 'scanShift', { activityId, code: code.code }, AS.staff);
    await withClock(b, 10 * MIN + 125 * MIN, async () => {
      const out = await b.ok('volunteering', 'myShiftCode', { activityId }, openid);
      await b.ok('volunteering', 'scanShift', { activityId, code: out.code }, AS.staff);
    });
    const entry = (await b.all('hourEntries')).find((e) => e.activityId === activityId && e.kind === 'verified');
    expect(entry.minutes).toBe(120);
    return entry;
  }

  const netOf = async (entryId: string) => {
    const rows = (await b.all('hourEntries')).filter((e) => e._id === entryId || e.adjustsEntryId === entryId);
    return rows.reduce((sum, e) => sum + e.minutes, 0);
  };

  it('refuses a second −120 on a 120-minute entry already corrected to zero', async () => {
    const entry = await verifiedEntry('adj-seq');
    const adjust = (minutes: number) =>
      b.call('volunteering', 'adjustHours', { entryId: entry._id, minutes, reason: '核对签到表' }, AS.admin);
    expect(await adjust(-120)).toMatchObject({ ok: true });
    expect(await adjust(-120)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await adjust(-120)).toMatchObject({ ok: false, error: { code: 'RULE_VIOLATION' } });
    expect(await netOf(entry._id)).toBe(0);
    expect(await adjust(30)).toMatchObject({ ok: true });
    expect(await adjust(-31)).toMatchObject({
      ok: false,
      error: { code: 'RULE_VIOLATION', fields: { minutes: '最多可减少30分钟' } },
    });
    expect(await netOf(entry._id)).toBe(30);
    expect((await b.ok('volunteering', 'myHours', {}, 'adj-seq')).totals.totalMinutes).toBe(30);
  });

  it('lets exactly one of three concurrent −120 adjustments land', async () => {
    const entry = await verifiedEntry('adj-race');
    const answers = await Promise.all(
      [AS.admin, AS.admin, AS.staff].map((who) =>
        b.call('volunteering', 'adjustHours', { entryId: entry._id, minutes: -120, reason: '重复记录' }, who),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual([
      'RULE_VIOLATION',
      'RULE_VIOLATION',
    ]);
    expect(await netOf(entry._id)).toBe(0);
    expect(
      (await b.all('auditLog')).filter((e) => e.action === 'hours.adjust' && e.entityId === entry._id),
    ).toHaveLength(1);
  });
});
