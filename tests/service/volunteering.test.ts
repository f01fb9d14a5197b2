import { issueCode } from '../../cloudfunctions/core/checkin-codes';
import { idCheckChar } from '../../shared/domain/identity';
import { AS, startBackend, STATION, type Backend, withClock } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const MIN = 60_000;
let idSeq = 100;
/** A fresh valid ID number (GB 11643 checksum computed), unique per call. */
function nextIdNumber(): string {
  const first17 = `11010119900307${String(idSeq++).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

function registration(overrides: Record<string, unknown> = {}) {
  return {
    data: {
      realName: '李志远',
      idNumber: nextIdNumber(),
      phone: '13811112222',
      skills: ['陪伴聊天'],
      serviceAreas: ['elder_care'],
      emergencyContact: { name: '李母', phone: '13833334444' },
      homeStationId: STATION.jiangbin,
      leaderboardOptIn: true,
      ...overrides,
    },
  };
}

/** A published activity with volunteer slots, starting `inMinutes` after the clock, 2 hours long. */
async function shiftActivity(opts: { slots?: number; inMinutes?: number; title?: string } = {}) {
  const start = new Date(b.clock.now.getTime() + (opts.inMinutes ?? 30) * MIN);
  const created = await b.ok(
    'activities',
    'create',
    {
      stationId: STATION.jiangbin,
      data: {
        title: opts.title ?? '志愿服务测试',
        category: 'volunteering',
        method: 'community',
        location: '社区',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 120 * MIN).toISOString(),
        capacity: 10,
        volunteerSlots: opts.slots ?? 3,
        cancelDeadline: start.toISOString(),
      },
    },
    AS.staff,
  );
  await b.ok('activities', 'publish', { activityId: created.activityId }, AS.staff);
  return { id: created.activityId as string, start };
}

async function registered(openid: string, overrides: Record<string, unknown> = {}) {
  return b.ok('volunteering', 'register', registration(overrides), openid);
}

describe('registration', () => {
  it('registers with a masked ID and a station-coded volunteer number, never storing the number', async () => {
    const profile = await b.ok('volunteering', 'register', registration({ idNumber: '11010519491231002x' }), 'vol-reg');
    expect(profile).toMatchObject({
      realName: '李志远',
      idMasked: '1101**********002X',
      volunteerNo: expect.stringMatching(/^LJ01V\d{5}$/),
    });
    const stored = (await b.all('volunteers')).find((v) => v._id === profile.volunteerNo || v.realName === '李志远');
    expect(JSON.stringify(stored)).not.toContain('11010519491231002');
    expect(stored.idHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await b.ok('accounts', 'me', {}, 'vol-reg')).volunteerNo).toBe(profile.volunteerNo);
    expect((await b.ok('accounts', 'me', {}, 'not-a-volunteer')).volunteerNo).toBeNull();
  });

  it('refuses a second registration with the same ID, and by the same person', async () => {
    expect(
      await b.refused('volunteering', 'register', registration({ idNumber: '11010519491231002X' }), 'vol-reg-2'),
    ).toBe('ALREADY_REGISTERED');
    expect(await b.refused('volunteering', 'register', registration(), 'vol-reg')).toBe('ALREADY_REGISTERED');
  });

  it('refuses a bad checksum with a field error and writes nothing', async () => {
    const before = (await b.all('volunteers')).length;
    const answer = await b.call(
      'volunteering',
      'register',
      registration({ idNumber: '110105194912310021' }),
      'vol-bad',
    );
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ID_NUMBER', fields: { 'data.idNumber': expect.any(String) } },
    });
    expect((await b.all('volunteers')).length).toBe(before);
  });

  it('answers NOT_REGISTERED for volunteer actions before registration', async () => {
    expect(await b.refused('volunteering', 'myProfile', {}, 'not-a-volunteer')).toBe('NOT_REGISTERED');
    expect(await b.refused('volunteering', 'myHours', {}, 'not-a-volunteer')).toBe('NOT_REGISTERED');
  });
});

describe('shifts and verified hours', () => {
  it('takes slots atomically and separately from resident seats', async () => {
    const { id } = await shiftActivity({ slots: 2 });
    for (const who of ['slot-a', 'slot-b', 'slot-c']) await registered(who);
    const answers = await Promise.all(
      ['slot-a', 'slot-b', 'slot-c'].map((w) => b.call('volunteering', 'signUpShift', { activityId: id }, w)),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(2);
    expect(answers.filter((a) => !a.ok && a.error.code === 'SHIFT_FULL')).toHaveLength(1);
    expect(await b.ok('activities', 'get', { activityId: id })).toMatchObject({
      volunteerSlots: 2,
      volunteersSignedUp: 2,
      confirmed: 0,
    });
  });

  it('refuses overlapping shifts, even when both are requested at once', async () => {
    await registered('overlap');
    const a = await shiftActivity({ inMinutes: 60 });
    const c = await shiftActivity({ inMinutes: 120 });
    const answers = await Promise.all(
      [a.id, c.id].map((id) => b.call('volunteering', 'signUpShift', { activityId: id }, 'overlap')),
    );
    expect(answers.filter((x) => x.ok)).toHaveLength(1);
    expect(answers.find((x) => !x.ok)).toMatchObject({ error: { code: 'SHIFT_OVERLAP' } });
    const later = await shiftActivity({ inMinutes: 180 });
    expect(await b.ok('volunteering', 'signUpShift', { activityId: later.id }, 'overlap')).toMatchObject({
      status: 'signed_up',
    });
  });

  it('records verified hours from a scan pair, once, with early arrival counted from the start', async () => {
    await registered('scanned');
    const { id } = await shiftActivity({ inMinutes: 20 });
    await b.ok('volunteering', 'signUpShift', { activityId: id }, 'scanned');
    const arrival = await b.ok('volunteering', 'myShiftCode', { activityId: id }, 'scanned');
    expect(await b.ok('volunteering', 'scanShift', { activityId: id, code: arrival.code }, AS.staff)).toMatchObject({
      result: 'checked_in',
    });
    // A double scan at the door is the same arrival, not a departure.
    expect(await b.ok('volunteering', 'scanShift', { activityId: id, code: arrival.code }, AS.staff)).toMatchObject({
      result: 'checked_in',
    });
    const out = await withClock(b, 20 * MIN + 95 * MIN, async () => {
      const code = (await b.ok('volunteering', 'myShiftCode', { activityId: id }, 'scanned')).code;
      const first = await b.ok('volunteering', 'scanShift', { activityId: id, code }, AS.staff);
      const again = await b.ok('volunteering', 'scanShift', { activityId: id, code }, AS.staff);
      return { first, again };
    });
    expect(out.first).toMatchObject({ result: 'checked_out', minutes: 90, volunteerName: '李**' });
    expect(out.again).toMatchObject({ result: 'already_checked_out', minutes: 90 });
    const hours = await b.ok('volunteering', 'myHours', {}, 'scanned');
    expect(hours.totals).toEqual({ verifiedMinutes: 90, topupMinutes: 0, adjustmentMinutes: 0, totalMinutes: 90 });
    expect(hours.entries).toEqual([
      expect.objectContaining({ kind: 'verified', minutes: 90, provenance: '扫码签到签退' }),
    ]);
    const { userId } = await b.ok('accounts', 'me', {}, 'scanned');
    expect((await b.all('hourEntries')).filter((e) => e.shiftId === `${id}_${userId}`)).toHaveLength(1);
  });

  it('refuses check-out without check-in, and codes from elsewhere', async () => {
    await registered('no-checkin');
    const { id } = await shiftActivity({ inMinutes: 10 });
    const other = await shiftActivity({ inMinutes: 10, slots: 1 });
    await b.ok('volunteering', 'signUpShift', { activityId: id }, 'no-checkin');
    const { code } = await b.ok('volunteering', 'myShiftCode', { activityId: id }, 'no-checkin');
    expect(await b.refused('volunteering', 'scanShift', { activityId: id, code, mode: 'out' }, AS.staff)).toBe(
      'CHECKOUT_WITHOUT_CHECKIN',
    );
    expect(await b.refused('volunteering', 'scanShift', { activityId: other.id, code }, AS.staff)).toBe(
      'CHECKIN_WRONG_ACTIVITY',
    );
    const residentCode = issueCode('b', 'whatever_u1', b.clock.now).code;
    expect(await b.refused('volunteering', 'scanShift', { activityId: id, code: residentCode }, AS.staff)).toBe(
      'CHECKIN_CODE_INVALID',
    );
    expect(await b.refused('volunteering', 'scanShift', { activityId: id, code }, AS.resident)).toBe('FORBIDDEN');
  });

  it('closes a forgotten check-out at the scheduled end and queues it for review', async () => {
    await registered('forgetful');
    const { id } = await shiftActivity({ inMinutes: 5 });
    await b.ok('volunteering', 'signUpShift', { activityId: id }, 'forgetful');
    const { code } = await b.ok('volunteering', 'myShiftCode', { activityId: id }, 'forgetful');
    await b.ok('volunteering', 'scanShift', { activityId: id, code }, AS.staff);
    await withClock(b, 5 * MIN + 120 * MIN + 31 * MIN, async () => {
      expect(await b.runTimer('volunteering', 'autoClose')).toMatchObject({ ok: true, data: { closed: 1 } });
    });
    const queue = await b.ok('volunteering', 'reviewQueue', { stationId: STATION.jiangbin }, AS.staff);
    const entry = queue.autoClosed.find((e: any) => e.activityId === id);
    expect(entry).toMatchObject({ minutes: 120, autoClosed: true, volunteerName: '李志远' });
    await b.ok('volunteering', 'confirmAutoClosed', { entryId: entry.entryId }, AS.staff);
    expect(
      (await b.ok('volunteering', 'reviewQueue', { stationId: STATION.jiangbin }, AS.staff)).autoClosed.find(
        (e: any) => e.activityId === id,
      ),
    ).toBeUndefined();
  });
});

describe('top-ups and the ledger', () => {
  const claimAt = (hoursAgo: number) => new Date(b.clock.now.getTime() - hoursAgo * 60 * MIN).toISOString();

  it('refuses claims in the future, longer than the activity, or overlapping', async () => {
    await registered('claimer');
    expect(
      await b.refused(
        'volunteering',
        'claimHours',
        { data: { stationId: STATION.jiangbin, startAt: claimAt(0.5), minutes: 60, description: '帮忙' } },
        'claimer',
      ),
    ).toBe('CLAIM_IN_FUTURE');
    const past = await b.ok(
      'activities',
      'create',
      {
        stationId: STATION.jiangbin,
        data: {
          title: '过去的活动',
          category: 'volunteering',
          method: 'community',
          location: '社区',
          startAt: claimAt(50),
          endAt: claimAt(49),
          capacity: 5,
          signUpOpensAt: claimAt(60),
          signUpClosesAt: claimAt(50),
          cancelDeadline: claimAt(50),
        },
      },
      AS.staff,
    );
    expect(
      await b.refused(
        'volunteering',
        'claimHours',
        {
          data: {
            stationId: STATION.jiangbin,
            activityId: past.activityId,
            startAt: claimAt(50),
            minutes: 90,
            description: '帮忙',
          },
        },
        'claimer',
      ),
    ).toBe('CLAIM_TOO_LONG');
    await b.ok(
      'volunteering',
      'claimHours',
      { data: { stationId: STATION.jiangbin, startAt: claimAt(30), minutes: 120, description: '整理物资' } },
      'claimer',
    );
    expect(
      await b.refused(
        'volunteering',
        'claimHours',
        { data: { stationId: STATION.jiangbin, startAt: claimAt(29), minutes: 60, description: '重复' } },
        'claimer',
      ),
    ).toBe('CLAIM_OVERLAP');
  });

  it('lets only one of two overlapping claims sent at once land', async () => {
    await registered('racer');
    const answers = await Promise.all(
      [0, 1].map((i) =>
        b.call(
          'volunteering',
          'claimHours',
          {
            data: { stationId: STATION.jiangbin, startAt: claimAt(10 + i * 0.5), minutes: 60, description: `并发${i}` },
          },
          'racer',
        ),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'CLAIM_OVERLAP' } });
  });

  it('has station staff approve (entry locked) or reject, never the volunteer themself', async () => {
    await registered(AS.staff, { realName: '王社工' });
    const own = await b.ok(
      'volunteering',
      'claimHours',
      { data: { stationId: STATION.jiangbin, startAt: claimAt(40), minutes: 60, description: '自己' } },
      AS.staff,
    );
    expect(
      await b.refused('volunteering', 'reviewClaim', { claimId: own.claimId, decision: 'approve' }, AS.staff),
    ).toBe('SELF_REVIEW');
    await registered('topup');
    const claim = await b.ok(
      'volunteering',
      'claimHours',
      { data: { stationId: STATION.yihe, startAt: claimAt(20), minutes: 90, description: '入户探访' } },
      'topup',
    );
    const queue = await b.ok('volunteering', 'reviewQueue', { stationId: STATION.jiangbin }, AS.staff);
    expect(queue.claims.map((c: any) => c.claimId)).toContain(claim.claimId);
    expect(
      await b.refused('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'reject' }, AS.staff),
    ).toBe('INVALID_INPUT');
    expect(
      await b.ok(
        'volunteering',
        'reviewClaim',
        { claimId: claim.claimId, decision: 'approve', reason: '属实' },
        AS.staff,
      ),
    ).toMatchObject({
      status: 'approved',
      reviewedByName: '王社工',
    });
    expect(
      await b.refused(
        'volunteering',
        'reviewClaim',
        { claimId: claim.claimId, decision: 'reject', reason: '改主意' },
        AS.staff,
      ),
    ).toBe('ENTRY_LOCKED');
    const hours = await b.ok('volunteering', 'myHours', {}, 'topup');
    expect(hours.totals).toMatchObject({ topupMinutes: 90, verifiedMinutes: 0, totalMinutes: 90 });
    expect(hours.entries[0]).toMatchObject({ kind: 'topup', provenance: '补录（王社工审核通过）' });
  });

  it('refuses reviews by staff of another station', async () => {
    await registered('elsewhere');
    const claim = await b.ok(
      'volunteering',
      'claimHours',
      { data: { stationId: STATION.zhongdai, startAt: claimAt(60), minutes: 60, description: '外站' } },
      'elsewhere',
    );
    expect(
      await b.refused('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'approve' }, AS.staff),
    ).toBe('FORBIDDEN');
    expect(
      await b.ok('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'approve' }, AS.admin),
    ).toMatchObject({ status: 'approved' });
  });

  it('corrects by appending an adjustment; the volunteer sees the history', async () => {
    const entry = (await b.ok('volunteering', 'myHours', {}, 'topup')).entries[0];
    const adjustment = await b.ok(
      'volunteering',
      'adjustHours',
      { entryId: entry.entryId, minutes: -30, reason: '实际服务一小时' },
      AS.staff,
    );
    expect(adjustment).toMatchObject({ kind: 'adjustment', minutes: -30 });
    const hours = await b.ok('volunteering', 'myHours', {}, 'topup');
    expect(hours.totals).toMatchObject({ topupMinutes: 90, adjustmentMinutes: -30, totalMinutes: 60 });
    expect(hours.entries.map((e: any) => e.kind).sort()).toEqual(['adjustment', 'topup']);
    expect(
      await b.refused(
        'volunteering',
        'adjustHours',
        { entryId: entry.entryId, minutes: -500, reason: '过多' },
        AS.staff,
      ),
    ).toBe('RULE_VIOLATION');
    expect((await b.all('auditLog')).find((e) => e.action === 'hours.adjust')).toMatchObject({
      reason: '实际服务一小时',
    });
  });
});

describe('leaderboard and certificates', () => {
  it('ranks only opted-in volunteers, by masked name', async () => {
    await registered('shy', { leaderboardOptIn: false, realName: '周不显' });
    const claim = await b.ok(
      'volunteering',
      'claimHours',
      {
        data: {
          stationId: STATION.jiangbin,
          startAt: new Date(b.clock.now.getTime() - 100 * 60 * MIN).toISOString(),
          minutes: 600,
          description: '长期服务',
        },
      },
      'shy',
    );
    await b.ok('volunteering', 'reviewClaim', { claimId: claim.claimId, decision: 'approve' }, AS.staff);
    const board = await b.ok('volunteering', 'leaderboard', { stationId: STATION.jiangbin });
    expect(board.items.length).toBeGreaterThan(0);
    expect(board.items.every((i: any) => /^.\*+$/.test(i.displayName))).toBe(true);
    expect(board.items.some((i: any) => i.displayName.startsWith('周'))).toBe(false);
  });

  it('issues a certificate from the organising station that anyone can verify; a wrong code is refused', async () => {
    const day = b.clock.now.toISOString().slice(0, 10);
    const monthAgo = new Date(b.clock.now.getTime() - 40 * 86400_000).toISOString().slice(0, 10);
    const certificate = await b.ok(
      'volunteering',
      'issueCertificate',
      { stationId: STATION.yihe, from: monthAgo, to: day },
      'topup',
    );
    expect(certificate).toMatchObject({
      serial: expect.stringMatching(/^LJ0101-\d{4}-00001$/),
      verificationCode: expect.stringMatching(/^[A-Z2-9]{8}$/),
      volunteerName: '李志远',
      idMasked: expect.stringContaining('****'),
      issuerName: '颐和社区社工室',
      totalMinutes: 60,
    });
    const check = await b.ok('volunteering', 'verifyCertificate', {
      serial: certificate.serial,
      code: certificate.verificationCode,
    });
    expect(check).toMatchObject({ valid: true, volunteerName: '李**', totalMinutes: 60, issuerName: '颐和社区社工室' });
    const wrong = certificate.verificationCode.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect(await b.refused('volunteering', 'verifyCertificate', { serial: certificate.serial, code: wrong })).toBe(
      'CERTIFICATE_NOT_FOUND',
    );
    expect(
      await b.refused('volunteering', 'verifyCertificate', {
        serial: 'LJ0101-2026-99999',
        code: certificate.verificationCode,
      }),
    ).toBe('CERTIFICATE_NOT_FOUND');
    // A tampered stored record no longer verifies.
    await b.db.collection('certificates').doc(certificate.serial).update({ totalMinutes: 6000 });
    expect(
      await b.refused('volunteering', 'verifyCertificate', {
        serial: certificate.serial,
        code: certificate.verificationCode,
      }),
    ).toBe('CERTIFICATE_NOT_FOUND');
  });

  it('refuses a certificate for a range without hours at that station', async () => {
    expect(
      await b.refused(
        'volunteering',
        'issueCertificate',
        { stationId: STATION.shenjia, from: '2026-01-01', to: '2026-01-31' },
        'topup',
      ),
    ).toBe('NO_HOURS_TO_CERTIFY');
  });
});
