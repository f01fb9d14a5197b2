import { formatDistance } from '../../shared/domain/station';

describe('formatDistance (how far a station is, as residents read it)', () => {
  it('says metres under 1 km, to the nearest 10 m, never less than 10 m', () => {
    expect(formatDistance(0)).toBe('约 10 米');
    expect(formatDistance(4)).toBe('约 10 米');
    expect(formatDistance(796)).toBe('约 800 米');
    expect(formatDistance(994)).toBe('约 990 米');
  });

  it('says kilometres with one decimal from 1 km, whole kilometres from 10 km', () => {
    expect(formatDistance(995)).toBe('约 1.0 公里');
    expect(formatDistance(2_340)).toBe('约 2.3 公里');
    expect(formatDistance(9_949)).toBe('约 9.9 公里');
    expect(formatDistance(9_950)).toBe('约 10 公里');
    expect(formatDistance(12_400)).toBe('约 12 公里');
  });

  it('has nothing to say about an impossible distance', () => {
    expect(formatDistance(-1)).toBeNull();
    expect(formatDistance(Number.NaN)).toBeNull();
    expect(formatDistance(Infinity)).toBeNull();
  });
});
