/**
 * Where an entry of the hours ledger comes from: `verified` from a check-in/check-out pair
 * (信用时), `topup` from an approved claim (补录, 荣誉时), `adjustment` a staff correction (± minutes)
 * of an earlier entry.
 */
export const HOUR_ENTRY_KINDS = ['verified', 'topup', 'adjustment'] as const;
export type HourEntryKind = (typeof HOUR_ENTRY_KINDS)[number];
/** The kinds a total is kept for; an adjustment moves the total of the entry it corrects. */
export type HourBaseKind = Exclude<HourEntryKind, 'adjustment'>;

/** The kinds that record service itself (an adjustment only corrects one of them). */
export const HOUR_BASE_KINDS: readonly HourBaseKind[] = ['verified', 'topup'];

/**
 * 谁组织谁记录: hours are recorded (scans), confirmed, corrected and reviewed by someone other than
 * the volunteer they belong to. True when the actor would be acting on their own hours — every
 * hours action refuses that, and pages hide the button.
 */
export function isOwnHoursRecord(actorId: string, record: { volunteerId: string }): boolean {
  return actorId === record.volunteerId;
}

/**
 * Minutes an adjustment may take off an entry at most: what the entry counts now, its own minutes
 * plus every adjustment so far. An entry's total never goes below zero (a correction can cancel a
 * record, never make it negative).
 */
export function maxReduction(entry: { minutes: number; adjustedMinutes: number }): number {
  return Math.max(0, entry.minutes + entry.adjustedMinutes);
}

/** A top-up claim waits for review, then is approved (an entry is written) or rejected. */
export const CLAIM_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

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

/** Minutes split by provenance. */
export interface HoursTotals {
  verifiedMinutes: number;
  topupMinutes: number;
  adjustmentMinutes: number;
  totalMinutes: number;
}

const EMPTY: HoursTotals = { verifiedMinutes: 0, topupMinutes: 0, adjustmentMinutes: 0, totalMinutes: 0 };

/** Add one entry's minutes to totals (integers only). */
export function addToTotals(totals: HoursTotals, entry: { kind: HourEntryKind; minutes: number }): HoursTotals {
  return {
    verifiedMinutes: totals.verifiedMinutes + (entry.kind === 'verified' ? entry.minutes : 0),
    topupMinutes: totals.topupMinutes + (entry.kind === 'topup' ? entry.minutes : 0),
    adjustmentMinutes: totals.adjustmentMinutes + (entry.kind === 'adjustment' ? entry.minutes : 0),
    totalMinutes: totals.totalMinutes + entry.minutes,
  };
}

/**
 * Totals overall, by month key and by station, kept apart by provenance (verified 信用时 vs
 * top-up 荣誉时 vs staff adjustments). `monthOf` maps an instant to its Asia/Shanghai month.
 */
export function summarizeHours<
  E extends { kind: HourEntryKind; minutes: number; serviceDate: Date; stationId: string },
>(
  entries: readonly E[],
  monthOf: (at: Date) => string,
): { totals: HoursTotals; byMonth: Map<string, HoursTotals>; byStation: Map<string, HoursTotals> } {
  let totals = EMPTY;
  const byMonth = new Map<string, HoursTotals>();
  const byStation = new Map<string, HoursTotals>();
  for (const entry of entries) {
    totals = addToTotals(totals, entry);
    const month = monthOf(entry.serviceDate);
    byMonth.set(month, addToTotals(byMonth.get(month) ?? EMPTY, entry));
    byStation.set(entry.stationId, addToTotals(byStation.get(entry.stationId) ?? EMPTY, entry));
  }
  return { totals, byMonth, byStation };
}

/** A ledger entry as a certificate reads it; `serviceItem` names what was done (the activity, or the claim's content). */
export interface CertifiableEntry {
  entryId: string;
  kind: HourEntryKind;
  minutes: number;
  serviceDate: Date;
  adjustsEntryId: string | null;
  serviceItem: string;
}

/** One row of a 志愿服务记录证明: a service once, with its corrections folded in. */
export interface CertificateLine {
  serviceDate: Date;
  serviceItem: string;
  minutes: number;
  kind: HourEntryKind;
}

/**
 * The rows a certificate prints: each service (verified or top-up) once with the minutes of its
 * corrections added, an orphan correction (its service outside the range) as a row of its own,
 * and no row that comes to zero minutes or less — a double scan must never print "0 分钟". Rows
 * keep the ledger's date order. The certified total stays the ledger's own sum.
 */
export function certificateLines(entries: readonly CertifiableEntry[]): CertificateLine[] {
  const base = new Map<string, CertificateLine>();
  const lines: CertificateLine[] = [];
  for (const entry of entries) {
    if (entry.kind !== 'adjustment') {
      const line = {
        serviceDate: entry.serviceDate,
        serviceItem: entry.serviceItem,
        minutes: entry.minutes,
        kind: entry.kind,
      };
      base.set(entry.entryId, line);
      lines.push(line);
    }
  }
  for (const entry of entries) {
    if (entry.kind !== 'adjustment') continue;
    const corrected = entry.adjustsEntryId ? base.get(entry.adjustsEntryId) : undefined;
    if (corrected) corrected.minutes += entry.minutes;
    else
      lines.push({
        serviceDate: entry.serviceDate,
        serviceItem: entry.serviceItem,
        minutes: entry.minutes,
        kind: 'adjustment',
      });
  }
  return lines.filter((line) => line.minutes > 0).sort((a, b) => a.serviceDate.getTime() - b.serviceDate.getTime());
}
