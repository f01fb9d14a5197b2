/** Domain rules added for issue 16: cancelling an activity under way, family booking ids, the confirmed check-out, certificate rows. */
import { cancelActivityRefusal } from '../../shared/domain/activity';
import { bookingId, familyMemberLabel } from '../../shared/domain/booking';
import { certificateLines, type CertifiableEntry } from '../../shared/domain/hours';
import { checkOutNeedsConfirmation } from '../../shared/domain/shift';

const t = (iso: string) => new Date(iso);

describe('cancelling an activity', () => {
  const startAt = t('2026-11-26T00:00:00Z');
  it('is allowed for a draft and for a published activity before it starts', () => {
    expect(cancelActivityRefusal({ status: 'draft', startAt }, t('2026-11-27T00:00:00Z'))).toBeNull();
    expect(cancelActivityRefusal({ status: 'published', startAt }, t('2026-11-25T23:59:59Z'))).toBeNull();
  });
  it('is refused from the start on, and for finished or cancelled ones', () => {
    expect(cancelActivityRefusal({ status: 'published', startAt }, startAt)).toEqual({
      code: 'ILLEGAL_TRANSITION',
      message: '活动已经开始，不能再取消',
    });
    expect(cancelActivityRefusal({ status: 'finished', startAt }, t('2026-11-20T00:00:00Z'))?.message).toBe(
      '活动已结束或已取消',
    );
    expect(cancelActivityRefusal({ status: 'cancelled', startAt }, t('2026-11-20T00:00:00Z'))).not.toBeNull();
  });
});

describe('family bookings', () => {
  it('give a family member a booking id of their own beside the holder’s', () => {
    expect(bookingId('a1', 'u1')).toBe('a1_u1');
    expect(bookingId('a1', 'u1', null)).toBe('a1_u1');
    expect(bookingId('a1', 'u1', 'fAbc')).toBe('a1_u1_fAbc');
  });
  it('say whom a booking is for', () => {
    expect(familyMemberLabel({ relation: 'mother', name: '王秀英' })).toBe('母亲 王秀英');
  });
});

describe('volunteer check-out', () => {
  it('needs confirming when it would record less than one rounding step', () => {
    expect(checkOutNeedsConfirmation(0, 30)).toBe(true);
    expect(checkOutNeedsConfirmation(29, 30)).toBe(true);
    expect(checkOutNeedsConfirmation(30, 30)).toBe(false);
    expect(checkOutNeedsConfirmation(0, 1)).toBe(true);
    expect(checkOutNeedsConfirmation(1, 1)).toBe(false);
  });
});

describe('certificate rows', () => {
  const entry = (over: Partial<CertifiableEntry> & Pick<CertifiableEntry, 'entryId'>): CertifiableEntry => ({
    kind: 'verified',
    minutes: 60,
    serviceDate: t('2026-11-20T01:00:00Z'),
    adjustsEntryId: null,
    serviceItem: '长者茶话会',
    ...over,
  });

  it('folds corrections into the row they correct and keeps date order', () => {
    expect(
      certificateLines([
        entry({ entryId: 'b', serviceDate: t('2026-11-21T01:00:00Z'), serviceItem: '助餐', minutes: 90 }),
        entry({ entryId: 'a' }),
        entry({ entryId: 'c', kind: 'adjustment', minutes: 30, adjustsEntryId: 'a', serviceItem: '更正' }),
      ]),
    ).toEqual([
      { serviceDate: t('2026-11-20T01:00:00Z'), serviceItem: '长者茶话会', minutes: 90, kind: 'verified' },
      { serviceDate: t('2026-11-21T01:00:00Z'), serviceItem: '助餐', minutes: 90, kind: 'verified' },
    ]);
  });

  it('prints no row that comes to zero minutes (a double scan, a correction to nothing)', () => {
    expect(
      certificateLines([
        entry({ entryId: 'zero', minutes: 0 }),
        entry({ entryId: 'a', minutes: 30 }),
        entry({ entryId: 'fix', kind: 'adjustment', minutes: -30, adjustsEntryId: 'a' }),
        entry({ entryId: 'kept', kind: 'topup', minutes: 60, serviceItem: '协助布置场地' }),
      ]),
    ).toEqual([{ serviceDate: t('2026-11-20T01:00:00Z'), serviceItem: '协助布置场地', minutes: 60, kind: 'topup' }]);
  });

  it('keeps a correction whose service is outside the range as a row of its own', () => {
    expect(
      certificateLines([entry({ entryId: 'x', kind: 'adjustment', minutes: 30, adjustsEntryId: 'elsewhere' })]),
    ).toEqual([{ serviceDate: t('2026-11-20T01:00:00Z'), serviceItem: '长者茶话会', minutes: 30, kind: 'adjustment' }]);
  });
});
