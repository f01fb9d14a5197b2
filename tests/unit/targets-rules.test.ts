import { decideTargetAccess, spanAt, type AccessTarget } from '../../shared/domain/target-access';
import {
  abnormalItems,
  canonicalCategories,
  CHECKLIST_ITEM_KEYS,
  fieldsNeedingConsent,
  phoneTail,
  samePersonText,
} from '../../shared/domain/targets';
import {
  deadlineCutoffs,
  dueStatus,
  monthStart,
  planHorizons,
  visitDeadline,
  weekStart,
  type VisitPeriod,
} from '../../shared/domain/visit-plan';
import {
  foldVisitRate,
  formatVisitRate,
  maskedFromHead,
  visitCardLine,
  visitRateWindow,
  type VisitRateRow,
} from '../../shared/domain/visit-rate';
import {
  distanceMeters,
  followUpDateProblem,
  isConsentPhotoPath,
  isPhotoPathIn,
  visitPhotoFolder,
  visitTimeProblem,
} from '../../shared/domain/visit';

/** An instant given as Shanghai wall-clock time. */
const sh = (wall: string) => new Date(`${wall}+08:00`);
const iso = (d: Date) => d.toISOString();

describe('calendar slots in Asia/Shanghai', () => {
  it('starts a week on Monday 00:00 Shanghai, whatever the UTC day', () => {
    expect(weekStart(sh('2026-11-29T23:59:59'))).toEqual(sh('2026-11-23T00:00:00'));
    expect(weekStart(sh('2026-11-30T00:00:00'))).toEqual(sh('2026-11-30T00:00:00'));
    // 30 Nov 01:00 Shanghai is still 29 Nov in UTC.
    expect(weekStart(sh('2026-11-30T01:00:00'))).toEqual(sh('2026-11-30T00:00:00'));
  });

  it('starts a month on the 1st 00:00 Shanghai and moves by whole months', () => {
    expect(monthStart(sh('2026-12-01T00:00:00'))).toEqual(sh('2026-12-01T00:00:00'));
    expect(monthStart(sh('2026-11-30T23:59:59'))).toEqual(sh('2026-11-01T00:00:00'));
    expect(monthStart(sh('2026-03-31T12:00:00'), -1)).toEqual(sh('2026-02-01T00:00:00'));
    expect(monthStart(sh('2026-12-15T12:00:00'), 1)).toEqual(sh('2027-01-01T00:00:00'));
  });
});

describe('visit deadlines', () => {
  const facts = (period: VisitPeriod, lastVisitAt: Date | null, urgentSince: Date | null = null) => ({
    period,
    lastVisitAt,
    activeFrom: sh('2026-08-10T09:00:00'),
    urgentSince,
  });

  it('wants a weekly visit by the end of the week after the last one', () => {
    expect(visitDeadline(facts('week', sh('2026-11-29T23:59:00')))).toEqual(sh('2026-12-07T00:00:00'));
    expect(visitDeadline(facts('week', sh('2026-11-30T00:00:00')))).toEqual(sh('2026-12-14T00:00:00'));
  });

  it('wants a monthly visit by the end of the month after the last one', () => {
    expect(visitDeadline(facts('month', sh('2026-11-30T23:59:00')))).toEqual(sh('2027-01-01T00:00:00'));
    expect(visitDeadline(facts('month', sh('2026-12-01T00:00:00')))).toEqual(sh('2027-02-01T00:00:00'));
  });

  it('keeps a quarterly visit good for its month and the two after', () => {
    expect(visitDeadline(facts('quarter', sh('2026-09-15T10:00:00')))).toEqual(sh('2027-01-01T00:00:00'));
  });

  it('wants a never-visited record visited within the period it was registered in', () => {
    expect(visitDeadline(facts('week', null))).toEqual(sh('2026-08-17T00:00:00'));
    expect(visitDeadline(facts('month', null))).toEqual(sh('2026-09-01T00:00:00'));
    expect(visitDeadline(facts('quarter', null))).toEqual(sh('2026-09-01T00:00:00'));
  });

  it('brings the deadline forward to 24 hours after a major event', () => {
    expect(visitDeadline(facts('quarter', sh('2026-11-20T10:00:00'), sh('2026-12-02T09:00:00')))).toEqual(
      sh('2026-12-03T09:00:00'),
    );
    // A later regular deadline does not push an urgent one back, nor the other way round.
    expect(visitDeadline(facts('week', sh('2026-11-20T10:00:00'), sh('2026-12-20T09:00:00')))).toEqual(
      sh('2026-11-30T00:00:00'),
    );
  });

  it('sorts a deadline into overdue, this week, this month or later', () => {
    const now = sh('2026-12-02T09:00:00');
    expect(dueStatus(sh('2026-12-02T09:00:00'), now)).toBe('overdue');
    expect(dueStatus(sh('2026-12-07T00:00:00'), now)).toBe('this_week');
    expect(dueStatus(sh('2026-12-07T00:00:01'), now)).toBe('this_month');
    expect(dueStatus(sh('2027-01-01T00:00:00'), now)).toBe('this_month');
    expect(dueStatus(sh('2027-01-01T00:00:01'), now)).toBe('later');
    expect(planHorizons(now)).toEqual({ weekEnd: sh('2026-12-07T00:00:00'), monthEnd: sh('2027-01-01T00:00:00') });
  });

  it('turns "due by H" into database cut-offs that agree with the deadline everywhere', () => {
    const horizons = [
      sh('2026-12-07T00:00:00'),
      sh('2026-12-06T23:59:59'),
      sh('2027-01-01T00:00:00'),
      sh('2026-12-31T23:59:59'),
      sh('2026-12-02T09:00:00'),
    ];
    const visits = [
      sh('2026-11-29T23:59:00'),
      sh('2026-11-30T00:00:00'),
      sh('2026-11-30T23:59:00'),
      sh('2026-12-01T00:00:00'),
      sh('2026-09-15T10:00:00'),
      sh('2026-10-01T00:00:00'),
      sh('2026-08-31T23:59:59'),
    ];
    for (const period of ['week', 'month', 'quarter'] as const) {
      for (const horizon of horizons) {
        const cut = deadlineCutoffs(period, horizon);
        for (const last of visits) {
          const byDeadline = visitDeadline(facts(period, last)).getTime() <= horizon.getTime();
          expect([period, iso(horizon), iso(last), last < cut.lastVisitBefore]).toEqual([
            period,
            iso(horizon),
            iso(last),
            byDeadline,
          ]);
        }
        const never = visitDeadline(facts(period, null)).getTime() <= horizon.getTime();
        expect(facts(period, null).activeFrom < cut.activeBefore).toBe(never);
      }
    }
  });
});

describe('the visit-rate window', () => {
  it('judges each week in the month of its Monday, and only weeks begun by now', () => {
    const w = visitRateWindow('2026-11', sh('2026-12-15T00:00:00'));
    expect(w.weeks.map((x) => iso(x.start))).toEqual(
      ['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30'].map((d) => iso(sh(`${d}T00:00:00`))),
    );
    // The week of 30 November ends on 7 December: visits up to then count.
    expect(w.visitsUntil).toEqual(sh('2026-12-07T00:00:00'));
    expect(w.quarterStart).toEqual(sh('2026-09-01T00:00:00'));
    const midMonth = visitRateWindow('2026-11', sh('2026-11-16T00:00:00'));
    expect(midMonth.weeks).toHaveLength(3);
    expect(midMonth.visitsUntil).toEqual(sh('2026-12-01T00:00:00'));
    // 1–5 December belong to the week of 30 November (November's).
    expect(visitRateWindow('2026-12', sh('2026-12-05T12:00:00')).weeks).toEqual([]);
  });
});

describe('folding the visit rate', () => {
  const row = (over: Partial<VisitRateRow>): VisitRateRow => ({
    child: 'st_A',
    tier: 'key',
    categories: ['dibao'],
    due: true,
    reached: true,
    n: 1,
    missed: [],
    ...over,
  });
  const rows: VisitRateRow[] = [
    row({ n: 5 }),
    row({ reached: false, n: 2, missed: [{ targetId: 't2', stationId: 'st_A', nameHead: '王', nameLength: 3 }] }),
    row({ child: 'st_B', tier: 'high', categories: ['dibao', 'living_alone'], n: 3 }),
    row({
      child: null,
      tier: 'general',
      categories: ['tekun'],
      reached: false,
      n: 1,
      missed: [{ targetId: 't9', stationId: 'st_X', nameHead: '李', nameLength: 2 }],
    }),
    row({ child: 'st_B', tier: 'high', due: false, reached: true, n: 4 }),
  ];
  const section = foldVisitRate(rows, {
    month: '2026-11',
    children: [
      { stationId: 'st_A', stationName: '甲室' },
      { stationId: 'st_B', stationName: '乙室' },
      { stationId: 'st_C', stationName: '丙室' },
    ],
    ownName: '某站',
  });

  it('counts due and visited, leaving out those not due', () => {
    expect(section).toMatchObject({ due: 11, visited: 8, notVisited: 3, ratePermille: 727 });
  });

  it('breaks down by tier, category (a person in each of theirs) and child, children adding up', () => {
    expect(section.byTier).toEqual([
      { tier: 'high', due: 3, visited: 3, ratePermille: 1000 },
      { tier: 'key', due: 7, visited: 5, ratePermille: 714 },
      { tier: 'general', due: 1, visited: 0, ratePermille: 0 },
    ]);
    expect(section.byCategory).toEqual([
      { category: 'dibao', due: 10, visited: 8, ratePermille: 800 },
      { category: 'tekun', due: 1, visited: 0, ratePermille: 0 },
      { category: 'living_alone', due: 3, visited: 3, ratePermille: 1000 },
    ]);
    expect(section.children.map((c) => [c.stationName, c.due, c.visited])).toEqual([
      ['甲室', 7, 5],
      ['乙室', 3, 3],
      ['丙室', 0, 0],
      ['某站（本级）', 1, 0],
    ]);
    expect(section.children.reduce((s, c) => s + c.due, 0)).toBe(section.due);
  });

  it('lists who was not reached with masked names, in station order', () => {
    expect(section.notReached).toEqual([
      { targetId: 't2', maskedName: '王**', stationId: 'st_A', childStationName: '甲室', tier: 'key' },
      { targetId: 't9', maskedName: '李*', stationId: 'st_X', childStationName: '某站（本级）', tier: 'general' },
    ]);
    expect(section.notReachedTotal).toBe(3);
    expect(maskedFromHead('欧', 4)).toBe('欧***');
    expect(maskedFromHead('王', 1)).toBe('王');
  });

  it('writes the figures as staff read them', () => {
    expect(formatVisitRate(section)).toBe('8/11（72.7%）');
    expect(visitCardLine({ due: 134, visited: 128, ratePermille: 955 })).toBe('本月探访 128/134，6 人未访');
    expect(visitCardLine({ due: 5, visited: 5, ratePermille: 1000 })).toBe('本月探访 5/5，全部已访');
    expect(visitCardLine({ due: 0, visited: 0, ratePermille: 0 })).toBe('本月暂无应访对象');
    expect(foldVisitRate([], { month: '2026-11', children: [], ownName: '空站' })).toMatchObject({
      due: 0,
      ratePermille: 0,
      children: [{ stationId: null, stationName: '空站（本级）', due: 0 }],
    });
  });
});

describe('who sees a record', () => {
  const staffAt = (stationId: string, role: 'staff' | 'head' | 'admin' = 'staff') => ({
    stationId,
    role,
    stationPath: stationId === 'C' ? ['C'] : ['C', stationId],
  });
  const target: AccessTarget = {
    stationPath: ['C', 'S1', 'R1'],
    status: 'active',
    responsibleWorkerId: 'u-worker',
    pairedVolunteerIds: ['u-vol'],
    spans: [
      { stationPath: ['C', 'S2'], from: sh('2026-10-01T00:00:00'), to: sh('2026-11-01T00:00:00') },
      { stationPath: ['C', 'S1', 'R1'], from: sh('2026-11-01T00:00:00'), to: null },
    ],
  };

  it('gives the responsible worker the full record without a reason; colleagues need one', () => {
    expect(decideTargetAccess({ userId: 'u-worker', grants: [staffAt('S1')] }, target, { purpose: 'record' })).toEqual({
      ok: true,
      view: 'full',
      caseload: true,
      asVolunteer: false,
    });
    const colleague = { userId: 'u-other', grants: [staffAt('S1')] };
    expect(decideTargetAccess(colleague, target, { purpose: 'record' })).toEqual({
      ok: false,
      refusal: 'READ_REASON_REQUIRED',
    });
    expect(decideTargetAccess(colleague, target, { purpose: 'record', reason: 'supervision' })).toMatchObject({
      ok: true,
      caseload: false,
    });
  });

  it('refuses a sibling station even with a reason, and a volunteer the full record', () => {
    expect(
      decideTargetAccess({ userId: 'u-s2', grants: [staffAt('S2')] }, target, {
        purpose: 'record',
        reason: 'emergency',
      }),
    ).toEqual({
      ok: false,
      refusal: 'FORBIDDEN',
    });
    expect(decideTargetAccess({ userId: 'u-vol', grants: [] }, target, { purpose: 'record', reason: 'visit' })).toEqual(
      {
        ok: false,
        refusal: 'FORBIDDEN',
      },
    );
    expect(decideTargetAccess({ userId: 'u-vol', grants: [] }, target, { purpose: 'task' })).toMatchObject({
      ok: true,
      view: 'masked',
    });
    expect(decideTargetAccess({ userId: 'u-x', grants: [] }, target, { purpose: 'task' })).toEqual({
      ok: false,
      refusal: 'FORBIDDEN',
    });
  });

  it('judges a visit by the station responsible when it started, and refuses visits outside the record’s life', () => {
    const oldStation = { userId: 'u-s2', grants: [staffAt('S2')] };
    expect(
      decideTargetAccess(oldStation, target, { purpose: 'record_visit', at: sh('2026-10-20T10:00:00') }),
    ).toMatchObject({
      ok: true,
      asVolunteer: false,
    });
    expect(decideTargetAccess(oldStation, target, { purpose: 'record_visit', at: sh('2026-11-20T10:00:00') })).toEqual({
      ok: false,
      refusal: 'FORBIDDEN',
    });
    expect(
      decideTargetAccess({ userId: 'u-vol', grants: [] }, target, {
        purpose: 'record_visit',
        at: sh('2026-11-20T10:00:00'),
      }),
    ).toMatchObject({
      ok: true,
      asVolunteer: true,
    });
    const worker = { userId: 'u-worker', grants: [staffAt('S1')] };
    expect(decideTargetAccess(worker, target, { purpose: 'record_visit', at: sh('2026-09-20T10:00:00') })).toEqual({
      ok: false,
      refusal: 'NOT_ACTIVE',
    });
    const closed: AccessTarget = {
      ...target,
      status: 'closed',
      spans: [{ ...target.spans[1]!, to: sh('2026-11-10T00:00:00') }],
    };
    expect(decideTargetAccess(worker, closed, { purpose: 'record_visit', at: sh('2026-11-12T10:00:00') })).toEqual({
      ok: false,
      refusal: 'TARGET_CLOSED',
    });
    expect(
      decideTargetAccess(worker, closed, { purpose: 'record_visit', at: sh('2026-11-09T10:00:00') }),
    ).toMatchObject({ ok: true });
    // A stranger learns nothing about the closure.
    expect(
      decideTargetAccess({ userId: 'u-x', grants: [] }, closed, {
        purpose: 'record_visit',
        at: sh('2026-11-12T10:00:00'),
      }),
    ).toEqual({
      ok: false,
      refusal: 'FORBIDDEN',
    });
    expect(spanAt(target.spans, sh('2026-11-01T00:00:00'))).toBe(target.spans[1]);
  });
});

describe('record and visit rules', () => {
  it('treats spacing, full-width digits and punctuation as the same address', () => {
    const a = samePersonText({ name: '王 秀英', birthYear: 1940, area: '颐和社区', building: '３幢-2单元', room: '' });
    const b = samePersonText({ name: '王秀英', birthYear: 1940, area: '颐和 社区', building: '3幢2单元', room: '' });
    expect(a).toBe(b);
    expect(
      samePersonText({ name: '王秀英', birthYear: 1941, area: '颐和社区', building: '3幢2单元', room: '' }),
    ).not.toBe(b);
  });

  it('keeps categories in one order, so the same set groups together', () => {
    expect(canonicalCategories(['living_alone', 'dibao', 'living_alone'])).toEqual(['dibao', 'living_alone']);
  });

  it('lists what needs consent when it is missing', () => {
    expect(fieldsNeedingConsent({ consentGiven: false, hasIdNumber: true, notes: ' ', pairedVolunteers: 1 })).toEqual([
      'idNumber',
      'pairedVolunteers',
    ]);
    expect(fieldsNeedingConsent({ consentGiven: true, hasIdNumber: true, notes: 'x', pairedVolunteers: 1 })).toEqual(
      [],
    );
  });

  it('finds abnormal items in checklist order and phone tails', () => {
    expect(abnormalItems({ gas: 'abnormal', speech: 'abnormal', food: 'ok' })).toEqual(['speech', 'gas']);
    expect(CHECKLIST_ITEM_KEYS).toHaveLength(21);
    expect(phoneTail('0571-86005678')).toBe('5678');
    expect(phoneTail('12')).toBeNull();
  });

  it('refuses visit times in the future, backwards, too long or too old', () => {
    const now = sh('2026-11-22T10:00:00');
    const span = (start: string, end: string) => ({ startAt: sh(start), endAt: sh(end) });
    expect(visitTimeProblem(span('2026-11-22T09:00:00', '2026-11-22T09:30:00'), now)).toBeNull();
    expect(visitTimeProblem(span('2026-11-22T09:40:00', '2026-11-22T10:05:00'), now)).toBeNull();
    expect(visitTimeProblem(span('2026-11-22T09:40:00', '2026-11-22T10:05:01'), now)).toBe('in_future');
    expect(visitTimeProblem(span('2026-11-22T09:00:00', '2026-11-22T08:59:00'), now)).toBe('ends_before_start');
    expect(visitTimeProblem(span('2026-11-21T08:00:00', '2026-11-21T20:01:00'), now)).toBe('too_long');
    expect(visitTimeProblem(span('2026-10-22T09:59:00', '2026-10-22T10:30:00'), now)).toBe('too_old');
  });

  it('wants a follow-up on or after the visit day, within 90 days', () => {
    const visit = sh('2026-11-22T23:30:00');
    expect(followUpDateProblem('2026-11-22', visit)).toBeNull();
    expect(followUpDateProblem('2026-11-21', visit)).toBe('跟进日期不能早于探访日期');
    expect(followUpDateProblem('2027-02-21', visit)).toContain('90');
    expect(followUpDateProblem('2026-02-30', visit)).toBe('日期格式不正确');
  });

  it('measures distance in metres and accepts only photos named for the draft’s folder', () => {
    expect(distanceMeters({ latitude: 30.2741, longitude: 120.1551 }, { latitude: 30.2841, longitude: 120.1551 })).toBe(
      1112,
    );
    const folder = visitPhotoFolder('t1', 'draft-1');
    expect(isPhotoPathIn(folder, `${folder}${'a'.repeat(24)}.jpg`)).toBe(true);
    expect(isPhotoPathIn(folder, `${folder}../t2/${'a'.repeat(24)}.jpg`)).toBe(false);
    expect(isPhotoPathIn(folder, `visits/t1/draft-2/${'a'.repeat(24)}.jpg`)).toBe(false);
    expect(isConsentPhotoPath('st_1', `consents/st_1/form-9/${'b'.repeat(24)}.png`)).toBe(true);
    expect(isConsentPhotoPath('st_1', `consents/st_2/form-9/${'b'.repeat(24)}.png`)).toBe(false);
    expect(isConsentPhotoPath('st_1', `consents/st_1/${'b'.repeat(24)}.png`)).toBe(false);
  });
});
