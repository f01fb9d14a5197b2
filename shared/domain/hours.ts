/**
 * Volunteer hours (《志愿服务记录与证明出具办法》: true, accurate, complete). Verified minutes come
 * from a check-in/check-out pair, clipped to the shift: arrival before the scheduled start counts
 * from the start; departure after the scheduled end counts up to end + tolerance; the total is
 * rounded DOWN to the rounding step (default half an hour) and never negative.
 */
export interface HoursPolicy {
  /** Round down to this many minutes (30 = half-hour steps); 1 = exact minutes. */
  roundingMinutes: number;
  /** Minutes after the scheduled end that still count (e.g. clearing up). */
  toleranceMinutes: number;
}

export const DEFAULT_HOURS_POLICY: HoursPolicy = { roundingMinutes: 30, toleranceMinutes: 30 };

/** Verified minutes for one shift. Pure; works across midnight because it uses instants. */
export function verifiedMinutes(
  shift: { scheduledStart: Date; scheduledEnd: Date; checkInAt: Date; checkOutAt: Date },
  policy: HoursPolicy = DEFAULT_HOURS_POLICY,
): number {
  const from = Math.max(shift.checkInAt.getTime(), shift.scheduledStart.getTime());
  const until = Math.min(shift.checkOutAt.getTime(), shift.scheduledEnd.getTime() + policy.toleranceMinutes * 60_000);
  const minutes = Math.floor(Math.max(0, until - from) / 60_000);
  const step = Math.max(1, policy.roundingMinutes);
  return Math.floor(minutes / step) * step;
}

/** Hours for display from integer minutes: `2.5`, `3`. */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** Whether two time spans overlap (touching ends do not overlap). */
export function spansOverlap(a: { startAt: Date; endAt: Date }, b: { startAt: Date; endAt: Date }): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt;
}

/** Why a top-up claim is refused by its own fields, or null. */
export function claimProblem(
  claim: { startAt: Date; minutes: number },
  context: { now: Date; activityMinutes: number | null },
): 'CLAIM_IN_FUTURE' | 'CLAIM_TOO_LONG' | null {
  const endAt = new Date(claim.startAt.getTime() + claim.minutes * 60_000);
  if (endAt > context.now) return 'CLAIM_IN_FUTURE';
  if (context.activityMinutes !== null && claim.minutes > context.activityMinutes) return 'CLAIM_TOO_LONG';
  return null;
}
