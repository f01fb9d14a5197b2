import {
  claimProblem,
  formatHours,
  isOwnHoursRecord,
  maxReduction,
  spansOverlap,
  verifiedMinutes,
} from '../../shared/domain/hours';
import { idCheckChar, idNumberProblem, maskIdNumber } from '../../shared/domain/identity';

const at = (hhmm: string, day = '2026-11-20') => new Date(`${day}T${hhmm}:00+08:00`);
const shift = { scheduledStart: at('09:00'), scheduledEnd: at('11:00') };

describe('verified hours', () => {
  it('counts an on-time pair exactly', () => {
    expect(verifiedMinutes({ ...shift, checkInAt: at('09:00'), checkOutAt: at('11:00') })).toBe(120);
  });
  it('counts an early arrival from the scheduled start', () => {
    expect(verifiedMinutes({ ...shift, checkInAt: at('08:10'), checkOutAt: at('11:00') })).toBe(120);
  });
  it('counts a late departure only up to end + tolerance', () => {
    expect(verifiedMinutes({ ...shift, checkInAt: at('09:00'), checkOutAt: at('11:29') })).toBe(120);
    expect(verifiedMinutes({ ...shift, checkInAt: at('09:00'), checkOutAt: at('11:30') })).toBe(150);
    expect(verifiedMinutes({ ...shift, checkInAt: at('09:00'), checkOutAt: at('13:00') })).toBe(150);
  });
  it('rounds down to half hours, exactly on and just below the edge', () => {
    expect(verifiedMinutes({ ...shift, checkInAt: at('09:00'), checkOutAt: at('10:30') })).toBe(90);
    expect(verifiedMinutes({ ...shift, checkInAt: at('09:01'), checkOutAt: at('10:30') })).toBe(60);
    expect(verifiedMinutes({ ...shift, checkInAt: at('09:00'), checkOutAt: at('09:29') })).toBe(0);
  });
  it('honours another rounding step and tolerance', () => {
    expect(
      verifiedMinutes(
        { ...shift, checkInAt: at('09:07'), checkOutAt: at('10:00') },
        { roundingMinutes: 1, toleranceMinutes: 0 },
      ),
    ).toBe(53);
  });
  it('works across midnight', () => {
    const night = { scheduledStart: at('22:00'), scheduledEnd: at('02:00', '2026-11-21') };
    expect(verifiedMinutes({ ...night, checkInAt: at('21:50'), checkOutAt: at('02:10', '2026-11-21') })).toBe(240);
  });
  it('is never negative when check-out precedes the start', () => {
    expect(verifiedMinutes({ ...shift, checkInAt: at('07:00'), checkOutAt: at('08:00') })).toBe(0);
  });
  it('formats minutes as hours', () => {
    expect(formatHours(150)).toBe('2.5');
    expect(formatHours(120)).toBe('2');
  });
});

describe('spans and claims', () => {
  it('treats touching spans as not overlapping', () => {
    expect(
      spansOverlap({ startAt: at('09:00'), endAt: at('10:00') }, { startAt: at('10:00'), endAt: at('11:00') }),
    ).toBe(false);
    expect(
      spansOverlap({ startAt: at('09:00'), endAt: at('10:01') }, { startAt: at('10:00'), endAt: at('11:00') }),
    ).toBe(true);
  });
  it('refuses claims that end in the future or exceed the activity', () => {
    const now = at('12:00');
    expect(claimProblem({ startAt: at('11:00'), minutes: 61 }, { now, activityMinutes: null })).toBe('CLAIM_IN_FUTURE');
    expect(claimProblem({ startAt: at('09:00'), minutes: 121 }, { now, activityMinutes: 120 })).toBe('CLAIM_TOO_LONG');
    expect(claimProblem({ startAt: at('09:00'), minutes: 120 }, { now, activityMinutes: 120 })).toBeNull();
  });
});

describe('corrections and self-dealing', () => {
  it('lets a correction take an entry down to zero, never below', () => {
    expect(maxReduction({ minutes: 120, adjustedMinutes: 0 })).toBe(120);
    expect(maxReduction({ minutes: 120, adjustedMinutes: -90 })).toBe(30);
    expect(maxReduction({ minutes: 120, adjustedMinutes: -120 })).toBe(0);
    expect(maxReduction({ minutes: 120, adjustedMinutes: 60 })).toBe(180);
  });
  it('treats hours as one’s own only when the volunteer is the actor', () => {
    expect(isOwnHoursRecord('u1', { volunteerId: 'u1' })).toBe(true);
    expect(isOwnHoursRecord('u1', { volunteerId: 'u2' })).toBe(false);
  });
});

describe('ID numbers (GB 11643)', () => {
  const valid = '11010519491231002X';
  it('accepts a valid number, with x or X', () => {
    expect(idNumberProblem(valid)).toBeNull();
    expect(idNumberProblem(valid.toLowerCase())).toBeNull();
    expect(idCheckChar(valid.slice(0, 17))).toBe('X');
  });
  it('refuses a wrong check character, a bad birth date, and a bad format', () => {
    expect(idNumberProblem('110105194912310021')).toBe('checksum');
    expect(idNumberProblem('110105194902300020')).toBe('birthdate');
    expect(idNumberProblem('11010519491231')).toBe('format');
  });
  it('masks all but the first and last four characters', () => {
    expect(maskIdNumber(valid)).toBe('1101**********002X');
  });
});
