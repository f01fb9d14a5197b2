import {
  addCounts,
  formatIndicator,
  indicatorsFrom,
  monthProblem,
  permille,
  previousMonth,
  ZERO_COUNTS,
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
