import {
  addCounts,
  foldMonth,
  foldTrend,
  formatIndicator,
  indicatorsFrom,
  monthProblem,
  permille,
  previousMonth,
  subtreeCounts,
  ZERO_COUNTS,
  type MonthRows,
} from '../../shared/domain/report';

describe('report arithmetic', () => {
  it('derives rates in permille and ratings in tenths from integer counts', () => {
    const values = indicatorsFrom({
      ...ZERO_COUNTS,
      bookings: 30,
      attendances: 25,
      noShows: 5,
      ratings: 3,
      ratingSum: 14,
      goodsValueFen: 100,
      fundsValueFen: 50,
    });
    expect(values).toMatchObject({
      attendanceRatePermille: 833,
      noShowRatePermille: 167,
      averageRatingTenths: 47,
      resourcesValueFen: 150,
    });
    expect(permille(1, 0)).toBe(0);
  });
  it('adds counts for roll-ups', () => {
    expect(
      addCounts({ ...ZERO_COUNTS, bookings: 2 }, { ...ZERO_COUNTS, bookings: 3, verifiedMinutes: 30 }),
    ).toMatchObject({ bookings: 5, verifiedMinutes: 30 });
  });
  it('steps back across a year boundary and refuses future or malformed months', () => {
    expect(previousMonth('2026-01')).toBe('2025-12');
    expect(monthProblem('2026-13', '2026-11')).toBe('INVALID_INPUT');
    expect(monthProblem('2026-12', '2026-11')).toBe('MONTH_IN_FUTURE');
    expect(monthProblem('2026-11', '2026-11')).toBeNull();
  });
  it('formats money, hours and rates for people', () => {
    expect(formatIndicator('resourcesValueFen', 123456)).toBe('1234.56 元');
    expect(formatIndicator('verifiedMinutes', 150)).toBe('2.5 小时');
    expect(formatIndicator('attendanceRatePermille', 833)).toBe('83.3%');
  });
});

describe('folding a month of aggregation rows', () => {
  const ROOM_A = 'st_A';
  const ROOM_B = 'st_B';
  // Rows as the ten pipelines answer them for a 站 with two rooms; `child` absent = the station itself.
  const rows: MonthRows = {
    activities: [
      { _id: { child: ROOM_A, category: 'elder_care', method: 'group' }, n: 2, ratingSum: 9, ratingCount: 2 },
      { _id: { child: ROOM_B, category: 'health', method: 'community' }, n: 1, ratingSum: 0, ratingCount: 0 },
      { _id: { category: 'elder_care', method: 'community' }, n: 1, ratingSum: 5, ratingCount: 1 },
    ],
    bookings: [
      { _id: { child: ROOM_A, status: 'checked_in', category: 'elder_care' }, n: 5 },
      { _id: { child: ROOM_A, status: 'no_show', category: 'elder_care' }, n: 1 },
      { _id: { child: ROOM_A, status: 'confirmed', category: 'elder_care' }, n: 2 },
      { _id: { child: ROOM_B, status: 'checked_in', category: 'health' }, n: 3 },
      { _id: { status: 'offered', category: 'elder_care' }, n: 1 },
    ],
    residents: [
      { _id: ROOM_A, n: 4 },
      { _id: ROOM_B, n: 3 },
    ],
    residentsTotal: [{ _id: null, n: 6 }],
    hours: [
      { _id: { child: ROOM_A, kind: 'verified' }, minutes: 120 },
      { _id: { child: ROOM_A, kind: 'topup' }, minutes: 60 },
      { _id: { kind: 'verified' }, minutes: 30 },
    ],
    volunteers: [
      { _id: ROOM_A, n: 2 },
      { _id: null, n: 1 },
    ],
    volunteersTotal: [{ _id: null, n: 2 }],
    newVolunteers: [{ _id: ROOM_B, n: 1 }],
    pledges: [
      { _id: { child: ROOM_A, kind: 'goods' }, n: 2, value: 5000 },
      { _id: { child: ROOM_A, kind: 'funds_via_charity' }, n: 1, value: 100000 },
      { _id: { kind: 'service' }, n: 1, value: 2000 },
    ],
    distributions: [{ _id: ROOM_A, n: 3 }],
  };

  it('counts each child station and the station itself apart', () => {
    const month = foldMonth(rows);
    expect([...month.byChild.keys()].sort((a, b) => String(a).localeCompare(String(b)))).toEqual([
      null,
      ROOM_A,
      ROOM_B,
    ]);
    expect(month.byChild.get(ROOM_A)).toEqual({
      ...ZERO_COUNTS,
      activitiesHeld: 2,
      groupActivities: 2,
      ratingSum: 9,
      ratings: 2,
      bookings: 8,
      attendances: 5,
      noShows: 1,
      residentsServed: 4,
      verifiedMinutes: 120,
      topupMinutes: 60,
      activeVolunteers: 2,
      pledgesReceived: 3,
      goodsValueFen: 5000,
      fundsValueFen: 100000,
      distributions: 3,
    });
    expect(month.byChild.get(ROOM_B)).toEqual({
      ...ZERO_COUNTS,
      activitiesHeld: 1,
      communityActivities: 1,
      bookings: 3,
      attendances: 3,
      residentsServed: 3,
      newVolunteers: 1,
    });
    expect(month.byChild.get(null)).toEqual({
      ...ZERO_COUNTS,
      activitiesHeld: 1,
      communityActivities: 1,
      ratingSum: 5,
      ratings: 1,
      bookings: 1,
      verifiedMinutes: 30,
      activeVolunteers: 1,
      pledgesReceived: 1,
      serviceValueFen: 2000,
    });
  });

  it('counts activities per category, and attendances only from check-ins', () => {
    expect(Object.fromEntries(foldMonth(rows).byCategory)).toEqual({
      elder_care: { activities: 3, attendances: 5 },
      health: { activities: 1, attendances: 3 },
    });
  });

  it('adds the children up, but counts distinct people once across the subtree', () => {
    const month = foldMonth(rows);
    expect(month.residentsServedTotal).toBe(6);
    expect(month.activeVolunteersTotal).toBe(2);
    expect(subtreeCounts(month)).toEqual({
      activitiesHeld: 4,
      groupActivities: 2,
      communityActivities: 2,
      bookings: 12,
      attendances: 8,
      noShows: 1,
      residentsServed: 6,
      ratingSum: 14,
      ratings: 3,
      verifiedMinutes: 150,
      topupMinutes: 60,
      activeVolunteers: 2,
      newVolunteers: 1,
      pledgesReceived: 4,
      goodsValueFen: 5000,
      serviceValueFen: 2000,
      fundsValueFen: 100000,
      distributions: 3,
    });
  });

  it('folds a month without rows to nothing at all', () => {
    const empty = foldMonth({
      activities: [],
      bookings: [],
      residents: [],
      residentsTotal: [],
      hours: [],
      volunteers: [],
      volunteersTotal: [],
      newVolunteers: [],
      pledges: [],
      distributions: [],
    });
    expect(empty.byChild.size).toBe(0);
    expect(empty.byCategory.size).toBe(0);
    expect(subtreeCounts(empty)).toEqual(ZERO_COUNTS);
  });
});

describe('folding the trend’s month buckets', () => {
  // Beijing month starts for 2026-09 … 2026-11, then the end of November.
  const boundaries = [
    '2026-08-31T16:00:00Z',
    '2026-09-30T16:00:00Z',
    '2026-10-31T16:00:00Z',
    '2026-11-30T16:00:00Z',
  ].map((iso) => new Date(iso));

  it('gives each month its bucket’s figures, oldest first', () => {
    const figures = foldTrend(
      {
        attended: [
          { _id: boundaries[0], n: 12 },
          { _id: boundaries[2], n: 30 },
        ],
        held: [
          { _id: boundaries[0], n: 2 },
          { _id: boundaries[1], n: 1 },
          { _id: boundaries[2], n: 4 },
        ],
        minutes: [
          { _id: boundaries[1], verified: 240, topup: 0 },
          { _id: boundaries[2], verified: 600, topup: 90 },
        ],
      },
      boundaries,
    );
    expect(figures).toEqual([
      { attendances: 12, activitiesHeld: 2, verifiedMinutes: 0, topupMinutes: 0 },
      { attendances: 0, activitiesHeld: 1, verifiedMinutes: 240, topupMinutes: 0 },
      { attendances: 30, activitiesHeld: 4, verifiedMinutes: 600, topupMinutes: 90 },
    ]);
  });

  it('ignores the outside bucket and reads a boundary sent back as text', () => {
    const figures = foldTrend(
      {
        attended: [
          { _id: 'outside', n: 99 },
          { _id: '2026-09-30T16:00:00.000Z', n: 5 },
        ],
        held: [],
        minutes: [{ _id: 'outside', verified: 1000, topup: 1000 }],
      },
      boundaries,
    );
    expect(figures).toEqual([
      { attendances: 0, activitiesHeld: 0, verifiedMinutes: 0, topupMinutes: 0 },
      { attendances: 5, activitiesHeld: 0, verifiedMinutes: 0, topupMinutes: 0 },
      { attendances: 0, activitiesHeld: 0, verifiedMinutes: 0, topupMinutes: 0 },
    ]);
  });

  it('answers one month per pair of boundaries, none for a single boundary', () => {
    expect(foldTrend({ attended: [], held: [], minutes: [] }, boundaries.slice(0, 1))).toEqual([]);
    expect(foldTrend({ attended: [], held: [], minutes: [] }, boundaries)).toHaveLength(3);
  });
});
