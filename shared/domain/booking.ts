import type { ErrorCode } from '../errors';
import type { ActivityStatus } from './activity';

/**
 * A booking's life: `confirmed` holds a seat; `waitlisted` waits in FIFO order; `offered` holds a
 * seat passed on from the waitlist until the person claims it or the claim window ends
 * (`expired`); after the door, `checked_in` or `no_show`; `cancelled` by the person or by staff.
 */
export const BOOKING_STATUSES = [
  'confirmed',
  'offered',
  'waitlisted',
  'checked_in',
  'no_show',
  'cancelled',
  'expired',
] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const BOOKING_STATUS_LABELS: Record<BookingStatus, string> = {
  confirmed: '报名成功',
  offered: '候补成功，待确认',
  waitlisted: '候补中',
  checked_in: '已签到',
  no_show: '未到场',
  cancelled: '已取消',
  expired: '未确认，已失效',
};

/** Statuses that occupy one of the activity's seats (what the `confirmed` counter counts). */
export const SEAT_HOLDING: readonly BookingStatus[] = ['confirmed', 'offered', 'checked_in', 'no_show'];
/**
 * Statuses an activity card and 我的报名 (upcoming) speak of: a seat, an offer, a place in line, or
 * having come.
 */
export const SHOWN_ON_CARDS: readonly BookingStatus[] = ['confirmed', 'offered', 'waitlisted', 'checked_in'];
/** Statuses the person can still cancel themself. */
export const CANCELLABLE: readonly BookingStatus[] = ['confirmed', 'offered', 'waitlisted'];
/** Statuses after which the person may book the same activity again (the row is reused). */
export const REBOOKABLE: readonly BookingStatus[] = ['cancelled', 'expired'];

const TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  waitlisted: ['offered', 'confirmed', 'cancelled'],
  offered: ['confirmed', 'expired', 'cancelled'],
  confirmed: ['checked_in', 'no_show', 'cancelled'],
  checked_in: ['no_show'],
  no_show: ['checked_in'],
  cancelled: ['confirmed', 'waitlisted'],
  expired: ['confirmed', 'waitlisted'],
};

/** Whether a booking may move from `from` to `to` (corrections between checked_in/no_show included). */
export function canTransitionBooking(from: BookingStatus, to: BookingStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Whether a status occupies a seat. */
export function holdsSeat(status: BookingStatus): boolean {
  return SEAT_HOLDING.includes(status);
}

/**
 * The waitlist as two counters on the activity (ADR 0021): `waitlistTicket` places drawn so far
 * (each joiner takes the next), `lineOutstanding` places drawn but not yet called. Places are
 * called strictly in ticket order, so the places called so far are tickets 1 … `calledThrough`.
 * A called place owns a seat; its booking row is moved out of `waitlisted` by one conditional
 * write of whoever gets there first.
 */
export interface LineCounters {
  waitlistTicket: number;
  lineOutstanding: number;
}

/** The highest ticket called so far (0 when none): tickets up to it have been given a seat. */
export function calledThrough(line: LineCounters): number {
  return line.waitlistTicket - line.lineOutstanding;
}

/** Whether the place with `ticket` has been called (its holder owns a seat, settled or not). */
export function isCalled(ticket: number, line: LineCounters): boolean {
  return ticket <= calledThrough(line);
}

/**
 * Whether every outstanding place was given up (so nobody can be waiting for a seat and the line
 * may be skipped to its end). `lineGivenUp` lists given-up tickets, called or not.
 */
export function allOutstandingGivenUp(line: LineCounters & { lineGivenUp: readonly number[] }): boolean {
  const called = calledThrough(line);
  return new Set(line.lineGivenUp.filter((t) => t > called)).size >= line.lineOutstanding;
}

/**
 * Whether a newcomer may take a seat straight away as far as the line is concerned: only when
 * nobody may be waiting for one — no place outstanding, or no person counted in line (the
 * outstanding places are all given up). The seat write checks the same condition.
 */
export function lineLetsNewcomerIn(line: LineCounters & { waitlisted: number }): boolean {
  return line.lineOutstanding <= 0 || line.waitlisted <= 0;
}

/** How a freed seat reaches the first person in line. */
export const PROMOTION_MODES = { auto: '自动转正', claim: '限时确认' } as const;
export type PromotionMode = keyof typeof PROMOTION_MODES;
export const PROMOTION_MODE_KEYS = Object.keys(PROMOTION_MODES) as [PromotionMode, ...PromotionMode[]];

/** The waitlist settings of an activity. `waitlistCapacity` 0 means no waitlist. */
export interface WaitlistPolicy {
  waitlistCapacity: number;
  promotionMode: PromotionMode;
  claimWindowHours: number;
  startAt: Date;
}

/**
 * What the first person in line becomes when a seat frees up at `now`: confirmed at once, or
 * offered until the claim window ends — never later than the start of the activity.
 */
export function promotionOutcome(
  policy: WaitlistPolicy,
  now: Date,
): { status: 'confirmed'; offerExpiresAt: null } | { status: 'offered'; offerExpiresAt: Date } {
  if (policy.promotionMode === 'auto') return { status: 'confirmed', offerExpiresAt: null };
  const windowEnd = new Date(now.getTime() + policy.claimWindowHours * 3600_000);
  return { status: 'offered', offerExpiresAt: windowEnd < policy.startAt ? windowEnd : policy.startAt };
}

/** Default check-in opening: half an hour before the start. */
export const DEFAULT_CHECKIN_OPENS_MINUTES = 30;

/** The door: check-in is open from `checkInOpensMinutesBefore` before the start until the end. */
export interface CheckInWindow {
  startAt: Date;
  endAt: Date;
  checkInOpensMinutesBefore: number;
}

/** Why a check-in at `now` is refused by time, or null. */
export function checkInRefusal(
  window: CheckInWindow,
  now: Date,
): Extract<ErrorCode, 'CHECKIN_NOT_OPEN' | 'CHECKIN_CLOSED'> | null {
  const opens = new Date(window.startAt.getTime() - window.checkInOpensMinutesBefore * 60_000);
  if (now < opens) return 'CHECKIN_NOT_OPEN';
  if (now >= window.endAt) return 'CHECKIN_CLOSED';
  return null;
}

/** The two door outcomes staff may correct a booking between. */
export const ATTENDANCE_OUTCOMES = ['checked_in', 'no_show'] as const;
export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];

/**
 * Whether staff may correct a booking's attendance to `to` at `now` (更正): only once the activity
 * has ended and if it was not cancelled; only between the door outcomes — a booking still
 * `confirmed` after the end (before the no-show sweep ran) may be settled either way — and never
 * to the status it already has.
 */
export function canCorrectAttendance(correction: {
  activity: { status: ActivityStatus; endAt: Date };
  from: BookingStatus;
  to: AttendanceOutcome;
  now: Date;
}): boolean {
  const { activity, from, to, now } = correction;
  if (activity.status === 'cancelled' || now < activity.endAt) return false;
  return from !== to && (from === 'confirmed' || from === 'checked_in' || from === 'no_show');
}

/** A rating may be edited for this many days after it was first given. */
export const RATING_EDIT_DAYS = 7;

/** Whether a rating first given at `firstRatedAt` may still be changed at `now`. */
export function canEditRating(firstRatedAt: Date, now: Date): boolean {
  return now.getTime() < firstRatedAt.getTime() + RATING_EDIT_DAYS * 86400_000;
}

/**
 * The deterministic id of a booking: one row per person per activity. A resident's own booking is
 * `${activityId}_${userId}`; one they make for a family member adds that member's id, which is
 * derived from the member's name under the resident (see `accounts`), so the same family member
 * can never hold two bookings for one activity — not even after being removed and added again.
 */
export function bookingId(activityId: string, userId: string, memberId?: string | null): string {
  return memberId ? `${activityId}_${userId}_${memberId}` : `${activityId}_${userId}`;
}

/** How a family member is related to the resident who books for them. */
export const FAMILY_RELATIONS = {
  spouse: '配偶',
  father: '父亲',
  mother: '母亲',
  child: '子女',
  grandchild: '孙子女',
  sibling: '兄弟姐妹',
  other: '其他亲属',
} as const;
export type FamilyRelation = keyof typeof FAMILY_RELATIONS;
export const FAMILY_RELATION_KEYS = Object.keys(FAMILY_RELATIONS) as [FamilyRelation, ...FamilyRelation[]];

/** At most this many family members per resident (the people one household books for). */
export const MAX_FAMILY_MEMBERS = 5;

/** Whom a family booking is for, in words: "母亲 王秀英". */
export function familyMemberLabel(member: { relation: FamilyRelation; name: string }): string {
  return `${FAMILY_RELATIONS[member.relation]} ${member.name}`;
}
