import {
  canTransitionActivity,
  cancelRefusal,
  isFull,
  remainingSeats,
  scheduleProblem,
  signUpRefusal,
  withScheduleDefaults,
  type ActivitySchedule,
} from '../../shared/domain/activity';
import { bookingId, BOOKING_STATUSES, canCorrectAttendance } from '../../shared/domain/booking';
import { shortCodeAllowances } from '../../shared/domain/checkin-code';

const t = (iso: string) => new Date(iso);
const schedule: ActivitySchedule = {
  status: 'published',
  signUpOpensAt: t('2026-11-20T00:00:00Z'),
  signUpClosesAt: t('2026-11-25T00:00:00Z'),
  cancelDeadline: t('2026-11-25T22:00:00Z'),
  startAt: t('2026-11-26T00:00:00Z'),
  endAt: t('2026-11-26T02:00:00Z'),
};

describe('seats', () => {
  it('is full once confirmed reaches capacity', () => {
    expect(isFull({ capacity: 10, confirmed: 9 })).toBe(false);
    expect(isFull({ capacity: 10, confirmed: 10 })).toBe(true);
  });
  it('treats capacity 0 as closed', () => {
    expect(isFull({ capacity: 0, confirmed: 0 })).toBe(true);
  });
  it('never reports negative remaining seats', () => {
    expect(remainingSeats({ capacity: 5, confirmed: 7 })).toBe(0);
    expect(remainingSeats({ capacity: 5, confirmed: 2 })).toBe(3);
  });
});

describe('sign-up window', () => {
  it('opens exactly at signUpOpensAt', () => {
    expect(signUpRefusal(schedule, t('2026-11-19T23:59:59.999Z'))).toBe('SIGNUP_NOT_OPEN');
    expect(signUpRefusal(schedule, t('2026-11-20T00:00:00Z'))).toBeNull();
  });
  it('closes exactly at signUpClosesAt', () => {
    expect(signUpRefusal(schedule, t('2026-11-24T23:59:59.999Z'))).toBeNull();
    expect(signUpRefusal(schedule, t('2026-11-25T00:00:00Z'))).toBe('SIGNUP_CLOSED');
  });
  it('closes at the start even if the deadline is later', () => {
    expect(signUpRefusal({ ...schedule, signUpClosesAt: t('2026-11-27T00:00:00Z') }, t('2026-11-26T00:00:00Z'))).toBe(
      'SIGNUP_CLOSED',
    );
  });
  it('refuses drafts, cancelled and finished activities', () => {
    for (const status of ['draft', 'cancelled', 'finished'] as const) {
      expect(signUpRefusal({ ...schedule, status }, t('2026-11-21T00:00:00Z'))).toBe('ACTIVITY_NOT_OPEN');
    }
  });
});

describe('cancellation deadline', () => {
  it('allows cancelling until the deadline and not at it', () => {
    expect(cancelRefusal(schedule, t('2026-11-25T21:59:59.999Z'))).toBeNull();
    expect(cancelRefusal(schedule, t('2026-11-25T22:00:00Z'))).toBe('CANCEL_DEADLINE_PASSED');
  });
  it('refuses cancelling for a cancelled or finished activity', () => {
    expect(cancelRefusal({ ...schedule, status: 'cancelled' }, t('2026-11-21T00:00:00Z'))).toBe('ILLEGAL_TRANSITION');
    expect(cancelRefusal({ ...schedule, status: 'finished' }, t('2026-11-21T00:00:00Z'))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('schedule', () => {
  it('requires the end after the start', () => {
    expect(scheduleProblem({ ...schedule, endAt: schedule.startAt })?.field).toBe('endAt');
  });
  it('requires sign-up to close no later than the start', () => {
    expect(scheduleProblem({ ...schedule, signUpClosesAt: t('2026-11-26T00:00:01Z') })?.field).toBe('signUpClosesAt');
  });
  it('requires sign-up to open before it closes', () => {
    expect(scheduleProblem({ ...schedule, signUpOpensAt: schedule.signUpClosesAt })?.field).toBe('signUpClosesAt');
  });
  it('requires the cancellation deadline no later than the start', () => {
    expect(scheduleProblem({ ...schedule, cancelDeadline: t('2026-11-26T00:00:01Z') })?.field).toBe('cancelDeadline');
  });
  it('accepts a consistent schedule', () => {
    expect(scheduleProblem(schedule)).toBeNull();
  });
  it('defaults: opens now, closes at the start, cancellation two hours before', () => {
    const now = t('2026-11-20T08:00:00Z');
    const filled = withScheduleDefaults({ startAt: schedule.startAt, endAt: schedule.endAt }, now);
    expect(filled.signUpOpensAt).toEqual(now);
    expect(filled.signUpClosesAt).toEqual(schedule.startAt);
    expect(filled.cancelDeadline).toEqual(t('2026-11-25T22:00:00Z'));
  });
  it('never defaults the cancellation deadline into the past', () => {
    const now = t('2026-11-25T23:00:00Z');
    expect(withScheduleDefaults({ startAt: schedule.startAt, endAt: schedule.endAt }, now).cancelDeadline).toEqual(now);
  });
});

describe('lifecycle', () => {
  it('publishes drafts only and never revives cancelled or finished activities', () => {
    expect(canTransitionActivity('draft', 'published')).toBe(true);
    expect(canTransitionActivity('published', 'published')).toBe(false);
    expect(canTransitionActivity('cancelled', 'published')).toBe(false);
    expect(canTransitionActivity('finished', 'cancelled')).toBe(false);
  });
  it('gives one booking id per person per activity', () => {
    expect(bookingId('a1', 'u1')).toBe(bookingId('a1', 'u1'));
    expect(bookingId('a1', 'u1')).not.toBe(bookingId('a1', 'u2'));
  });
});

describe('attendance corrections (更正)', () => {
  const ended = { status: 'finished' as const, endAt: schedule.endAt };
  const afterEnd = t('2026-11-26T02:00:00Z');
  it('lets staff move between the door outcomes once the activity has ended, never to the same status', () => {
    const allowed = BOOKING_STATUSES.flatMap((from) =>
      (['checked_in', 'no_show'] as const)
        .filter((to) => canCorrectAttendance({ activity: ended, from, to, now: afterEnd }))
        .map((to) => `${from}→${to}`),
    );
    expect(allowed).toEqual(['confirmed→checked_in', 'confirmed→no_show', 'checked_in→no_show', 'no_show→checked_in']);
  });
  it('refuses before the end, and for a cancelled activity', () => {
    const beforeEnd = t('2026-11-26T01:59:59Z');
    expect(canCorrectAttendance({ activity: ended, from: 'checked_in', to: 'no_show', now: beforeEnd })).toBe(false);
    expect(
      canCorrectAttendance({
        activity: { status: 'published', endAt: schedule.endAt },
        from: 'checked_in',
        to: 'no_show',
        now: afterEnd,
      }),
    ).toBe(true);
    expect(
      canCorrectAttendance({
        activity: { status: 'cancelled', endAt: schedule.endAt },
        from: 'checked_in',
        to: 'no_show',
        now: afterEnd,
      }),
    ).toBe(false);
  });
});

describe('short-code guess limits', () => {
  it('draws on the activity’s and the staff member’s allowance of one 10-minute window', () => {
    const now = new Date('2026-11-22T02:07:00Z');
    expect(shortCodeAllowances({ activityId: 'a1', staffId: 'u1', now })).toEqual([
      {
        scope: 'activity',
        key: `sc_a_a1_${Math.floor(now.getTime() / 600_000)}`,
        limit: 10,
        renewsAt: new Date('2026-11-22T02:10:00Z'),
      },
      {
        scope: 'staff',
        key: `sc_s_u1_${Math.floor(now.getTime() / 600_000)}`,
        limit: 5,
        renewsAt: new Date('2026-11-22T02:10:00Z'),
      },
    ]);
    const next = shortCodeAllowances({ activityId: 'a1', staffId: 'u1', now: new Date('2026-11-22T02:10:00Z') });
    expect(next[0]!.key).not.toBe(shortCodeAllowances({ activityId: 'a1', staffId: 'u1', now })[0]!.key);
  });
});
