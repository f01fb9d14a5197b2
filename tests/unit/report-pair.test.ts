import { foldMonth, splitMonthPair, subtreeCounts } from '../../shared/domain/report';

/** The two-month pipeline rows split back into the per-month rows `foldMonth` has always read. */
describe('splitting the two-month pipeline rows', () => {
  const ROOM = 'st_A';
  const { current, previous } = splitMonthPair({
    activities: [
      { _id: { m: 1, child: ROOM, category: 'health', method: 'group' }, n: 2, ratingSum: 9, ratingCount: 2 },
      { _id: { m: 0, category: 'health', method: 'community' }, n: 1, ratingSum: 0, ratingCount: 0 },
    ],
    bookings: [
      { _id: { m: 1, c: ROOM, s: 'checked_in', k: 'health' }, n: 3, people: ['u1', 'u2'] },
      { _id: { m: 1, c: ROOM, s: 'checked_in', k: 'culture' }, n: 1, people: ['u2'] },
      { _id: { m: 1, c: '', s: 'no_show', k: 'health' }, n: 1, people: ['u3'] },
      { _id: { m: 1, c: 'st_B', s: 'checked_in', k: 'health' }, n: 1, people: ['u1'] },
      { _id: { m: 0, c: '', s: 'checked_in', k: 'culture' }, n: 5, people: ['u1', 'u2', 'u3', 'u4'] },
    ],
    hours: [
      { _id: { m: 1, c: ROOM, b: 'verified', kind: 'verified' }, n: 2, minutes: 90, people: ['v1'] },
      { _id: { m: 1, c: ROOM, b: 'verified', kind: 'adjustment' }, n: 1, minutes: -30, people: ['v2'] },
      { _id: { m: 1, c: '', b: 'topup', kind: 'topup' }, n: 1, minutes: 60, people: ['v1'] },
    ],
    newVolunteers: [{ _id: { m: 0, child: ROOM }, n: 1 }],
    pledges: [{ _id: { m: 1, kind: 'goods' }, n: 1, value: 1500 }],
    distributions: [{ _id: { m: 1, child: ROOM }, n: 2 }],
  });

  it('names the station’s own work by absence, as the fold expects', () => {
    expect(current.bookings).toEqual([
      { _id: { child: ROOM, status: 'checked_in', category: 'health' }, n: 3 },
      { _id: { child: ROOM, status: 'checked_in', category: 'culture' }, n: 1 },
      { _id: { status: 'no_show', category: 'health' }, n: 1 },
      { _id: { child: 'st_B', status: 'checked_in', category: 'health' }, n: 1 },
    ]);
    expect(current.hours).toEqual([
      { _id: { child: ROOM, kind: 'verified' }, minutes: 90 },
      { _id: { child: ROOM, kind: 'verified' }, minutes: -30 },
      { _id: { kind: 'topup' }, minutes: 60 },
    ]);
    expect(current.activities).toEqual([
      { _id: { child: ROOM, category: 'health', method: 'group' }, n: 2, ratingSum: 9, ratingCount: 2 },
    ]);
  });

  it('counts each person once per child and once across the subtree, only those who count', () => {
    // u1 and u2 checked in at ROOM (u2 in two categories), u1 also at st_B; u3 only missed one.
    expect(current.residents).toEqual([
      { _id: ROOM, n: 2 },
      { _id: 'st_B', n: 1 },
    ]);
    expect(current.residentsTotal).toEqual([{ _id: null, n: 2 }]);
    expect(previous.residents).toEqual([{ _id: null, n: 4 }]);
    expect(previous.residentsTotal).toEqual([{ _id: null, n: 4 }]);
    // v2 has only an adjustment: not active. v1 served at ROOM and at the station itself.
    expect(current.volunteers).toEqual([
      { _id: ROOM, n: 1 },
      { _id: null, n: 1 },
    ]);
    expect(current.volunteersTotal).toEqual([{ _id: null, n: 1 }]);
    expect(previous.volunteers).toEqual([]);
    expect(previous.volunteersTotal).toEqual([]);
  });

  it('folds each month to its own figures', () => {
    expect(subtreeCounts(foldMonth(current))).toMatchObject({
      activitiesHeld: 2,
      bookings: 6,
      attendances: 5,
      noShows: 1,
      residentsServed: 2,
      verifiedMinutes: 60,
      topupMinutes: 60,
      activeVolunteers: 1,
      newVolunteers: 0,
      pledgesReceived: 1,
      goodsValueFen: 1500,
      distributions: 2,
    });
    expect(subtreeCounts(foldMonth(previous))).toMatchObject({
      activitiesHeld: 1,
      communityActivities: 1,
      attendances: 5,
      residentsServed: 4,
      newVolunteers: 1,
      distributions: 0,
    });
    expect(foldMonth(current).byChild.get(null)).toMatchObject({ noShows: 1, topupMinutes: 60 });
  });
});
