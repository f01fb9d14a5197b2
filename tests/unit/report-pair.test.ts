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
      { _id: { m: 1, t: 'b', c: ROOM, s: 'checked_in', k: 'health' }, n: 3 },
      { _id: { m: 1, t: 'b', c: '', s: 'no_show', k: 'health' }, n: 1 },
      { _id: { m: 1, t: 'r', c: ROOM }, n: 2 },
      { _id: { m: 1, t: 'R' }, n: 2 },
      { _id: { m: 0, t: 'b', c: '', s: 'checked_in', k: 'culture' }, n: 5 },
      { _id: { m: 0, t: 'r', c: '' }, n: 4 },
      { _id: { m: 0, t: 'R' }, n: 4 },
    ],
    hours: [
      { _id: { m: 1, t: 'h', c: ROOM, b: 'verified' }, n: 2, minutes: 90 },
      { _id: { m: 1, t: 'h', c: '', b: 'topup' }, n: 1, minutes: 60 },
      { _id: { m: 1, t: 'v', c: ROOM }, n: 1 },
      { _id: { m: 1, t: 'v', c: '' }, n: 1 },
      { _id: { m: 1, t: 'V' }, n: 1 },
    ],
    newVolunteers: [{ _id: { m: 0, child: ROOM }, n: 1 }],
    pledges: [{ _id: { m: 1, kind: 'goods' }, n: 1, value: 1500 }],
    distributions: [{ _id: { m: 1, child: ROOM }, n: 2 }],
  });

  it('names the station’s own work by absence, as the fold expects', () => {
    expect(current.bookings).toEqual([
      { _id: { child: ROOM, status: 'checked_in', category: 'health' }, n: 3 },
      { _id: { status: 'no_show', category: 'health' }, n: 1 },
    ]);
    expect(current.residents).toEqual([{ _id: ROOM, n: 2 }]);
    expect(previous.residents).toEqual([{ _id: null, n: 4 }]);
    expect(current.hours).toEqual([
      { _id: { child: ROOM, kind: 'verified' }, minutes: 90 },
      { _id: { kind: 'topup' }, minutes: 60 },
    ]);
    expect(current.activities).toEqual([
      { _id: { child: ROOM, category: 'health', method: 'group' }, n: 2, ratingSum: 9, ratingCount: 2 },
    ]);
  });

  it('folds each month to its own figures', () => {
    expect(subtreeCounts(foldMonth(current))).toMatchObject({
      activitiesHeld: 2,
      bookings: 4,
      attendances: 3,
      noShows: 1,
      residentsServed: 2,
      verifiedMinutes: 90,
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
