import type { ErrorCode } from '../errors';

/** Activity categories used across the stations' service menus (DOMAIN.md). */
export const ACTIVITY_CATEGORIES = {
  elder_care: '养老服务',
  disability: '助残',
  children: '儿童/青少年',
  psychological: '心理服务',
  culture: '社区文化',
  health: '健康义诊',
  employment: '就业辅导',
  policy: '政策宣讲',
  volunteering: '志愿服务',
  family: '家庭教育',
} as const;
export type ActivityCategory = keyof typeof ACTIVITY_CATEGORIES;
export const ACTIVITY_CATEGORY_KEYS = Object.keys(ACTIVITY_CATEGORIES) as [ActivityCategory, ...ActivityCategory[]];

/** The professional method of an activity; casework (个案) belongs to service orders, not here. */
export const ACTIVITY_METHODS = { group: '小组活动', community: '社区活动' } as const;
export type ActivityMethod = keyof typeof ACTIVITY_METHODS;
export const ACTIVITY_METHOD_KEYS = Object.keys(ACTIVITY_METHODS) as [ActivityMethod, ...ActivityMethod[]];

/** Lifecycle: draft → published → finished, or cancelled by staff from draft or published. */
export const ACTIVITY_STATUSES = ['draft', 'published', 'finished', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];
export const ACTIVITY_STATUS_LABELS: Record<ActivityStatus, string> = {
  draft: '草稿',
  published: '报名中',
  finished: '已结束',
  cancelled: '已取消',
};

/**
 * Statuses of an activity that is or was really held: what the public sees and what reports
 * count — never a draft, never a cancelled one.
 */
export const HELD_STATUSES: readonly ActivityStatus[] = ['published', 'finished'];

/** Defaults staff rarely change: cancellation closes this many hours before the start. */
export const DEFAULT_CANCEL_HOURS_BEFORE = 2;
/** Upper bound on capacity: the largest community events the stations hold. */
export const MAX_CAPACITY = 2000;

/** The schedule fields the sign-up rules read. */
export interface ActivitySchedule {
  status: ActivityStatus;
  startAt: Date;
  endAt: Date;
  signUpOpensAt: Date;
  signUpClosesAt: Date;
  cancelDeadline: Date;
}

/** Seats: `capacity` is the number of residents; `confirmed` the seats taken. */
export interface SeatCount {
  capacity: number;
  confirmed: number;
}

/** Full once confirmed >= capacity; capacity 0 means sign-up closed. */
export function isFull(seats: SeatCount): boolean {
  return seats.confirmed >= seats.capacity;
}

/** Seats still free, never negative. */
export function remainingSeats(seats: SeatCount): number {
  return Math.max(0, seats.capacity - seats.confirmed);
}

/**
 * Why a sign-up at `now` is refused, or null when the window is open. The window is
 * [signUpOpensAt, min(signUpClosesAt, startAt)); only published activities take sign-ups.
 */
export function signUpRefusal(activity: ActivitySchedule, now: Date): ErrorCode | null {
  if (activity.status !== 'published') return 'ACTIVITY_NOT_OPEN';
  if (now < activity.signUpOpensAt) return 'SIGNUP_NOT_OPEN';
  if (now >= activity.signUpClosesAt || now >= activity.startAt) return 'SIGNUP_CLOSED';
  return null;
}

/** Why cancelling a confirmed booking at `now` is refused, or null. Allowed until the deadline. */
export function cancelRefusal(activity: ActivitySchedule, now: Date): ErrorCode | null {
  if (activity.status === 'cancelled' || activity.status === 'finished') return 'ILLEGAL_TRANSITION';
  if (now >= activity.cancelDeadline) return 'CANCEL_DEADLINE_PASSED';
  return null;
}

/**
 * Why staff may not cancel an activity at `now`, or null: only a draft or a published activity
 * that has not started yet. Once it is under way the people are there — it runs, or staff correct
 * attendance afterwards; a cancellation notice would reach them too late to mean anything.
 */
export function cancelActivityRefusal(
  activity: { status: ActivityStatus; startAt: Date },
  now: Date,
): { code: 'ILLEGAL_TRANSITION'; message: string } | null {
  if (!canTransitionActivity(activity.status, 'cancelled'))
    return { code: 'ILLEGAL_TRANSITION', message: '活动已结束或已取消' };
  if (activity.status === 'published' && now >= activity.startAt)
    return { code: 'ILLEGAL_TRANSITION', message: '活动已经开始，不能再取消' };
  return null;
}

/** Transitions staff may make by hand; `finished` is reached by time, not by a button. */
const ACTIVITY_TRANSITIONS: Record<ActivityStatus, readonly ActivityStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['cancelled', 'finished'],
  finished: [],
  cancelled: [],
};

/** Whether an activity may move from `from` to `to`. */
export function canTransitionActivity(from: ActivityStatus, to: ActivityStatus): boolean {
  return ACTIVITY_TRANSITIONS[from].includes(to);
}

/** Fields that may still change once people have booked (the rest would mislead them). */
export const EDITABLE_AFTER_PUBLISH = [
  'title',
  'description',
  'location',
  'capacity',
  'signUpClosesAt',
  'cancelDeadline',
  'contact',
] as const;

/**
 * Why a schedule is inconsistent, or null. Start before end, sign-up opens before it closes and
 * closes no later than the start, the cancellation deadline no later than the start.
 */
export function scheduleProblem(schedule: Omit<ActivitySchedule, 'status'>): { field: string; message: string } | null {
  if (schedule.endAt <= schedule.startAt) return { field: 'endAt', message: '结束时间须晚于开始时间' };
  if (schedule.signUpClosesAt <= schedule.signUpOpensAt)
    return { field: 'signUpClosesAt', message: '报名截止须晚于报名开始' };
  if (schedule.signUpClosesAt > schedule.startAt)
    return { field: 'signUpClosesAt', message: '报名截止不能晚于活动开始' };
  if (schedule.cancelDeadline > schedule.startAt)
    return { field: 'cancelDeadline', message: '取消截止不能晚于活动开始' };
  return null;
}

/**
 * Fill the optional schedule fields: sign-up opens at `now`, closes at the start, and
 * cancellation closes `DEFAULT_CANCEL_HOURS_BEFORE` hours before the start (or at `now` if later).
 */
export function withScheduleDefaults(
  input: { startAt: Date; endAt: Date; signUpOpensAt?: Date; signUpClosesAt?: Date; cancelDeadline?: Date },
  now: Date,
): Omit<ActivitySchedule, 'status'> {
  const defaultCancel = new Date(input.startAt.getTime() - DEFAULT_CANCEL_HOURS_BEFORE * 3600_000);
  return {
    startAt: input.startAt,
    endAt: input.endAt,
    signUpOpensAt: input.signUpOpensAt ?? now,
    signUpClosesAt: input.signUpClosesAt ?? input.startAt,
    cancelDeadline: input.cancelDeadline ?? (defaultCancel > now ? defaultCancel : now),
  };
}
