/**
 * The client's own pure rules, tested without a screen: the activity page's booking panel
 * (`bookingPanelState`), the staff roster's words and buttons (`roster-rules`), the QR code's size,
 * unbreakable dates and times, the words on cards, and the forms' own checks.
 */
import type { TActivityDetail, TBooking, TRosterEntry } from '../../shared/contracts/activities';
import { activityScope } from '../../client/lib/station-scope';
import { myStateLine, phaseLabel } from '../../client/lib/activity-text';
import { designScale, qrSide } from '../../client/lib/qr-size';
import { timeChunks } from '../../client/lib/time-chunks';
import { targetsOnlyNote, urgentHint } from '../../client/packages/orders/lib/text';
import { bookingPanelState } from '../../client/packages/activity/lib/booking-panel';
import { checkFamilyForm } from '../../client/packages/activity/lib/family-form';
import { copyForm } from '../../client/packages/staff/lib/activity-form';
import { shiftLine } from '../../client/packages/staff/lib/volunteer-rows';
import {
  emptyRosterText,
  rosterPageActions,
  rosterStatusText,
  rosterTone,
  rowActions,
} from '../../client/packages/staff/lib/roster-rules';

const t = (iso: string) => new Date(iso);

/** 11-26 08:00–10:00 Beijing; sign-up 11-20 → 11-25 08:00; cancel until 11-26 06:00 Beijing. */
function activity(overrides: Partial<TActivityDetail> = {}): TActivityDetail {
  return {
    activityId: 'a1',
    stationId: 'st_1',
    stationName: '江滨街道社工站',
    title: '健康义诊',
    category: 'health',
    method: 'community',
    status: 'published',
    location: '活动室',
    startAt: '2026-11-26T00:00:00.000Z',
    endAt: '2026-11-26T02:00:00.000Z',
    signUpOpensAt: '2026-11-20T00:00:00.000Z',
    signUpClosesAt: '2026-11-25T00:00:00.000Z',
    capacity: 10,
    confirmed: 3,
    remaining: 7,
    waitlistCapacity: 0,
    waitlisted: 0,
    volunteerSlots: 0,
    volunteersSignedUp: 0,
    ratingCount: 0,
    ratingAverage: null,
    description: '',
    contact: '',
    cancelDeadline: '2026-11-24T22:00:00.000Z',
    stationPath: ['st_1'],
    promotionMode: 'auto',
    claimWindowHours: 12,
    checkInOpensMinutesBefore: 30,
    cancelReason: null,
    myBooking: null,
    canManage: false,
    ...overrides,
  } as TActivityDetail;
}

function booking(status: TBooking['status'], overrides: Partial<TBooking> = {}): TBooking {
  return {
    bookingId: 'a1_u1',
    activityId: 'a1',
    status,
    createdAt: '2026-11-21T01:00:00.000Z',
    cancelledAt: null,
    waitlistPosition: null,
    offerExpiresAt: null,
    checkedInAt: null,
    myRating: null,
    ...overrides,
  } as TBooking;
}

describe('booking panel state', () => {
  const before = t('2026-11-22T00:00:00Z');

  it('offers one-tap booking while sign-up is open and cancelling still possible', () => {
    expect(bookingPanelState(activity(), null, before)).toEqual({
      kind: 'open',
      previous: null,
      refusal: null,
      waitlistOpen: false,
      hint: '报名截止：11月25日 周三 08:00',
      buttonLabel: '立即报名',
      confirm: null,
    });
  });

  it('asks first once the cancel deadline has passed, and says so', () => {
    const late = activity({ signUpClosesAt: '2026-11-25T23:00:00.000Z' });
    const state = bookingPanelState(late, null, t('2026-11-25T12:00:00Z'));
    expect(state).toMatchObject({ kind: 'open', refusal: null, buttonLabel: '立即报名' });
    expect(state.kind === 'open' && state.confirm).toEqual({
      title: '确认报名？',
      content:
        '本活动的取消截止时间（11月25日 周三 06:00）已过，报名后不能在线取消。如临时不能参加，请联系社工站。\n活动：健康义诊',
      confirmText: '确认报名',
    });
  });

  it('explains the waitlist before joining it, with the deadline warning when late', () => {
    const full = activity({
      confirmed: 10,
      remaining: 0,
      waitlistCapacity: 5,
      waitlisted: 2,
      signUpClosesAt: '2026-11-25T23:00:00.000Z',
    });
    const early = bookingPanelState(full, null, before);
    expect(early).toMatchObject({ kind: 'open', waitlistOpen: true, buttonLabel: '加入候补', refusal: null });
    expect(early.kind === 'open' && early.confirm?.content).not.toContain('取消截止时间');
    const late = bookingPanelState(full, null, t('2026-11-25T12:00:00Z'));
    expect(late.kind === 'open' && late.confirm?.content).toContain('报名后不能在线取消');
  });

  it('refuses in words when full without a waitlist, closed, or not yet open', () => {
    expect(bookingPanelState(activity({ confirmed: 10 }), null, before)).toMatchObject({
      refusal: '名额已满',
      buttonLabel: '暂不能报名',
      confirm: null,
    });
    expect(bookingPanelState(activity(), null, t('2026-11-25T00:00:00Z'))).toMatchObject({
      refusal: '报名已截止',
      buttonLabel: '暂不能报名',
    });
    expect(bookingPanelState(activity({ capacity: 0, confirmed: 0 }), null, before)).toMatchObject({
      refusal: '暂不接受报名',
    });
  });

  it('books again after a cancelled booking, showing what happened before', () => {
    const state = bookingPanelState(activity(), booking('cancelled'), before);
    expect(state).toMatchObject({ kind: 'open', buttonLabel: '重新报名', previous: { text: '您已取消过报名' } });
  });

  it('shows a confirmed booking with the code until the end and cancelling until the deadline', () => {
    expect(bookingPanelState(activity(), booking('confirmed'), before)).toEqual({
      kind: 'confirmed',
      line: '✓ 您已报名成功',
      ended: false,
      checkInHint: '活动开始前 30 分钟（11月26日 周四 07:30）起可签到，到场后请出示签到码。',
      cancelDeadlineText: '取消截止：11月25日 周三 06:00',
      cancelRefusal: null,
    });
    expect(bookingPanelState(activity(), booking('confirmed'), t('2026-11-25T00:00:00Z'))).toMatchObject({
      cancelRefusal: '已过取消截止时间，如需取消请联系社工站',
    });
    expect(bookingPanelState(activity(), booking('confirmed'), t('2026-11-26T02:00:00Z'))).toMatchObject({
      ended: true,
    });
  });

  it('names the place in line, the offer deadline and attendance', () => {
    expect(bookingPanelState(activity(), booking('waitlisted', { waitlistPosition: 3 }), before)).toMatchObject({
      kind: 'waitlisted',
      line: '候补第 3 位',
    });
    expect(
      bookingPanelState(activity(), booking('offered', { offerExpiresAt: '2026-11-23T04:00:00.000Z' }), before),
    ).toEqual({ kind: 'offered', line: '有空位了！请在 11月23日 周一 12:00 前确认' });
    expect(
      bookingPanelState(activity(), booking('checked_in', { checkedInAt: '2026-11-26T00:05:00.000Z' }), before),
    ).toEqual({ kind: 'attended', line: '✓ 已签到 08:05', tone: 'ok', noShow: false });
    expect(bookingPanelState(activity(), booking('no_show'), before)).toMatchObject({ noShow: true });
  });

  it('says a cancelled activity is cancelled, whatever the booking', () => {
    expect(
      bookingPanelState(activity({ status: 'cancelled', cancelReason: '场地维修' }), booking('cancelled'), before),
    ).toEqual({ kind: 'activityCancelled', reason: '场地维修', bookingCancelled: true });
  });
});

describe('roster rules', () => {
  const live = activity();
  const entry = (status: TRosterEntry['status']) => ({ status });

  it('says each status in words, with the place in line, the offer deadline and the time of check-in', () => {
    const base = { waitlistPosition: null, offerExpiresAt: null, checkedInAt: null };
    expect(rosterStatusText({ ...base, status: 'waitlisted', waitlistPosition: 2 })).toBe('候补第 2 位');
    expect(rosterStatusText({ ...base, status: 'offered', offerExpiresAt: '2026-11-23T04:00:00.000Z' })).toBe(
      '待确认（11月23日 周一 12:00 前）',
    );
    expect(rosterStatusText({ ...base, status: 'checked_in', checkedInAt: '2026-11-26T00:05:00.000Z' })).toBe(
      '✓ 已签到 08:05',
    );
    expect(rosterStatusText({ ...base, status: 'no_show' })).toBe('未到场');
    expect(rosterTone('confirmed')).toBe('ok');
    expect(rosterTone('expired')).toBe('danger');
    expect(rosterTone('offered')).toBe('warn');
  });

  it('offers 代签到 for a confirmed seat while the activity is on, and 更正 only after it ended', () => {
    const during = t('2026-11-26T00:30:00Z');
    expect(rowActions(entry('confirmed'), live, during)).toEqual({ proxyCheckIn: true, correctTo: [] });
    expect(rowActions(entry('waitlisted'), live, during)).toEqual({ proxyCheckIn: false, correctTo: [] });
    const after = t('2026-11-26T02:00:00Z');
    expect(rowActions(entry('confirmed'), live, after)).toEqual({
      proxyCheckIn: false,
      correctTo: ['checked_in', 'no_show'],
    });
    expect(rowActions(entry('checked_in'), live, after).correctTo).toEqual(['no_show']);
    expect(rowActions(entry('checked_in'), activity({ status: 'cancelled' }), after).correctTo).toEqual([]);
    expect(rowActions(entry('confirmed'), undefined, after)).toEqual({ proxyCheckIn: false, correctTo: [] });
  });

  it('shows 扫码签到 until the end and 代报名 only before sign-up closes and the start', () => {
    expect(rosterPageActions(live, t('2026-11-24T00:00:00Z'))).toEqual({ scan: true, bookOnBehalf: true });
    expect(rosterPageActions(live, t('2026-11-25T00:00:00Z'))).toEqual({ scan: true, bookOnBehalf: false });
    expect(rosterPageActions(live, t('2026-11-26T02:00:00Z'))).toEqual({ scan: false, bookOnBehalf: false });
    expect(rosterPageActions(activity({ status: 'draft' }), t('2026-11-24T00:00:00Z'))).toEqual({
      scan: false,
      bookOnBehalf: false,
    });
  });

  it('explains an empty list by the search or the filter', () => {
    expect(emptyRosterText({ search: '王', status: undefined })).toBe('没有找到“王”');
    expect(emptyRosterText({ search: '', status: 'no_show' })).toBe('没有未到场的居民');
    expect(emptyRosterText({ search: '', status: undefined })).toBe('还没有人报名');
  });
});

describe('QR code size', () => {
  it('fills the width a 375-wide phone leaves, up to 260 px (300 in 大字模式)', () => {
    expect(qrSide(375, false)).toBe(260);
    expect(qrSide(375, true)).toBe(300);
    expect(qrSide(414, true)).toBe(300);
  });
  it('shrinks to the window at 200 % zoom, and never below a scannable 120 px', () => {
    expect(qrSide(195, true)).toBe(130); // 195 − 65 px of padding
    expect(qrSide(320, true)).toBe(255);
    expect(qrSide(150, true)).toBe(120);
  });
  it('measures padding in CSS px as the H5 root font does (never below a 375-wide scale)', () => {
    expect(designScale(195)).toBe(0.5);
    expect(designScale(375)).toBe(0.5);
    expect(designScale(750)).toBe(1);
  });
});

describe('time chunks', () => {
  it('keeps dates, weekdays and a day’s time range whole, and only those', () => {
    expect(timeChunks('取消截止：11月25日 周三 06:00')).toEqual([
      { text: '取消截止：', keep: false },
      { text: '11月25日', keep: true },
      { text: ' ', keep: false },
      { text: '周三', keep: true },
      { text: ' ', keep: false },
      { text: '06:00', keep: true },
    ]);
    expect(
      timeChunks('11月23日 周一 14:00–15:30')
        .filter((c) => c.keep)
        .map((c) => c.text),
    ).toEqual(['11月23日', '周一', '14:00–15:30']);
    expect(
      timeChunks('服务期间 2026-11-01 至 2026-11-29')
        .filter((c) => c.keep)
        .map((c) => c.text),
    ).toEqual(['2026-11-01', '2026-11-29']);
    expect(
      timeChunks('没有日期')
        .map((c) => c.text)
        .join(''),
    ).toBe('没有日期');
  });
});

describe('activity words', () => {
  const base = {
    status: 'published' as const,
    startAt: '2026-11-26T00:00:00.000Z',
    endAt: '2026-11-26T02:00:00.000Z',
    signUpOpensAt: '2026-11-20T00:00:00.000Z',
    signUpClosesAt: '2026-11-25T00:00:00.000Z',
    capacity: 10,
    confirmed: 3,
  };
  it('never says 报名中 beside 已满', () => {
    expect(phaseLabel(base, t('2026-11-22T00:00:00Z'))).toBe('报名中');
    expect(phaseLabel({ ...base, confirmed: 10 }, t('2026-11-22T00:00:00Z'))).toBeNull();
  });
  it('says where the activity stands otherwise', () => {
    expect(phaseLabel(base, t('2026-11-19T00:00:00Z'))).toBe('报名未开始');
    expect(phaseLabel(base, t('2026-11-25T12:00:00Z'))).toBe('报名已截止');
    expect(phaseLabel(base, t('2026-11-26T01:00:00Z'))).toBe('进行中');
    expect(phaseLabel(base, t('2026-11-26T02:00:00Z'))).toBe('已结束');
    expect(phaseLabel({ ...base, status: 'draft' }, t('2026-11-22T00:00:00Z'))).toBe('草稿');
  });
  it('says the caller’s own state on a card, naming a family member', () => {
    const state = { waitlistPosition: null, checkedInAt: null, forName: null };
    expect(myStateLine({ ...state, status: 'confirmed' })).toEqual({ text: '✓ 已报名', tone: 'ok' });
    expect(myStateLine({ ...state, status: 'waitlisted', waitlistPosition: 3 })).toEqual({
      text: '候补第 3 位',
      tone: 'warn',
    });
    expect(myStateLine({ ...state, status: 'checked_in', forName: '母亲 王秀英' })).toEqual({
      text: '母亲 王秀英：✓ 已签到',
      tone: 'ok',
    });
  });
  it('widens a home 社工室 to its 社工站 for 查看全部活动', () => {
    const ancestors = [
      { stationId: 'c', name: '指导中心', tier: 'center' as const },
      { stationId: 's', name: '江滨街道社工站', tier: 'station' as const },
    ];
    expect(activityScope({ stationId: 'r', name: '颐和社区社工室', tier: 'room', ancestors })).toEqual({
      stationId: 's',
      stationName: '江滨街道社工站',
    });
    expect(
      activityScope({ stationId: 's', name: '江滨街道社工站', tier: 'station', ancestors: ancestors.slice(0, 1) }),
    ).toEqual({
      stationId: 's',
      stationName: '江滨街道社工站',
    });
  });
});

describe('forms', () => {
  it('checks the 添加家人 form with the contract’s words', () => {
    expect(checkFamilyForm({ name: ' ', relation: '', phone: '123', consent: false })).toEqual({
      ok: false,
      errors: {
        name: '请填写家人姓名',
        relation: '请选择与您的关系',
        phone: '请输入11位手机号',
        consent: '请先确认已征得家人同意',
      },
    });
    expect(checkFamilyForm({ name: ' 王秀英 ', relation: 'mother', phone: '', consent: true })).toEqual({
      ok: true,
      data: { name: '王秀英', relation: 'mother', phone: null, consent: true },
    });
  });
  it('copies an activity to a new date without any of its dates', () => {
    const copied = copyForm(activity({ volunteerSlots: 3, waitlistCapacity: 5 }));
    expect(copied).toMatchObject({
      title: '健康义诊',
      location: '活动室',
      capacity: '10',
      volunteerSlots: '3',
      waitlistCapacity: '5',
      startAt: '',
      endAt: '',
      signUpOpensAt: '',
      signUpClosesAt: '',
      cancelDeadline: '',
    });
  });
  it('says a volunteer’s shift at the door in words, never "0 分钟"', () => {
    const row = { checkInAt: '2026-11-26T00:05:00.000Z', checkOutAt: '2026-11-26T00:20:00.000Z', autoClosed: false };
    expect(shiftLine({ ...row, status: 'checked_out', minutes: 0 })).toBe(
      '08:05 签到 · 08:20 签退 · 不足半小时，不计时长',
    );
    expect(shiftLine({ ...row, status: 'checked_out', minutes: 90 })).toBe('08:05 签到 · 08:20 签退 · 90 分钟');
    expect(shiftLine({ ...row, status: 'checked_in', checkOutAt: null, minutes: null })).toBe('服务中：08:05 签到');
  });
});

describe('order words', () => {
  it('promises the 中心’s urgent response allowance, in hours or whole days', () => {
    expect(urgentHint({ responseHours: 2 })).toBe('紧急需求 2 小时内响应。如有生命危险请立即拨打 120 / 110。');
    expect(urgentHint({ responseHours: 1 })).toBe('紧急需求 1 小时内响应。如有生命危险请立即拨打 120 / 110。');
    expect(urgentHint({ responseHours: 72 })).toBe('紧急需求 3 天内响应。如有生命危险请立即拨打 120 / 110。');
  });
});

describe('service targets only', () => {
  it('explains how to link to anyone who may not order the item themself, and nothing to a linked person', () => {
    expect(targetsOnlyNote(true)).toBeNull();
    for (const state of [false, null]) {
      expect(targetsOnlyNote(state)).toContain('请向社工索取绑定码');
      expect(targetsOnlyNote(state)).toContain('我的 → 绑定服务对象');
    }
  });
});
