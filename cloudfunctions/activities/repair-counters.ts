import { calledThrough } from '../../shared/domain/booking';
import { counterDrift, unaccountedTickets } from '../../shared/domain/counters';
import type { CounterRepairJob } from '../core/counter-repair';
import type { Deps } from '../core/deps';
import type { ActivityDoc } from '../core/documents';
import { correctActivityCounters, findActivitiesByIds } from '../core/repositories/activities';
import { appendAudit } from '../core/repositories/audit';
import { COLLECTIONS } from '../core/repositories/base';
import {
  countSeatRows,
  findCalledWaiting,
  findWaitingTickets,
  type SeatRowCounts,
} from '../core/repositories/bookings';
import { fillFreeSeats, settleOwnPlace } from './seats';

/** Called places settled per activity and run; more wait for the next run. */
const STUCK_LIMIT = 20;

const NO_ROWS: SeatRowCounts = {
  seatHolding: 0,
  waiting: 0,
  minWaitingTicket: null,
  ratingCount: 0,
  ratingSum: 0,
  lastChange: null,
};

/**
 * The `sweep` timer's recount of each activity's seat, line and rating counters from its booking
 * rows (issue 10: a crash between a counter write and its row write, or a row that could not be
 * written, must heal within one timer run). See `runCounterRepair` for which activities and when.
 */
export const seatCounterRepair: CounterRepairJob = {
  name: 'activities',
  parents: COLLECTIONS.activities,
  rows: { collection: COLLECTIONS.bookings, parentField: 'activityId' },
  async recount(deps, activityIds, before) {
    // The activity first, then its rows: a request that writes a row first shows in the rows'
    // latest change (and is left alone); one that writes the activity first fails the
    // correction's condition on `updatedAt`.
    const activities = await findActivitiesByIds(deps.db, activityIds);
    const counts = await countSeatRows(deps.db, activityIds);
    let corrected = 0;
    for (const activity of activities) {
      const rows = counts.get(activity._id) ?? NO_ROWS;
      if (activity.updatedAt > before || (rows.lastChange !== null && rows.lastChange > before)) continue;
      if (await recountActivity(deps, activity, rows)) corrected++;
    }
    return corrected;
  },
};

/**
 * Bring one activity at rest in line with its rows. Places called whose rows were never settled
 * (the caller died in between) are settled first, as the caller would have; then the counters
 * are recounted: seats held, people waiting, rating totals, and the line — outstanding tickets
 * that no waiting row and no given-up record accounts for (a request died between drawing a
 * ticket and writing its row) are recorded as given up, so the next call passes over them. An
 * activity from before the line kept `lineOutstanding` gets it here. Audited; true iff changed.
 */
async function recountActivity(deps: Deps, activity: ActivityDoc, counted: SeatRowCounts): Promise<boolean> {
  let rows = counted;
  const now = deps.now();
  const legacy = typeof activity.lineOutstanding !== 'number';
  const called = legacy
    ? rows.minWaitingTicket !== null
      ? rows.minWaitingTicket - 1
      : activity.waitlistTicket
    : calledThrough(activity);
  let settled = 0;
  if (!legacy && rows.minWaitingTicket !== null && rows.minWaitingTicket <= called) {
    const stuck = await findCalledWaiting(deps.db, activity._id, called, STUCK_LIMIT);
    for (const booking of stuck) await settleOwnPlace(deps, activity, booking);
    // Settled now either way (by us or by whoever got there first): seats, no longer waiting.
    if (stuck.length === STUCK_LIMIT) return true;
    settled = stuck.length;
    rows = { ...rows, seatHolding: rows.seatHolding + settled, waiting: rows.waiting - settled };
  }
  const recorded = legacy ? [] : [...new Set((activity.lineGivenUp ?? []).filter((t) => t > called))];
  const outstanding = activity.waitlistTicket - called;
  const lineGivenUp =
    outstanding === rows.waiting + recorded.length
      ? recorded
      : [
          ...recorded,
          ...unaccountedTickets({
            calledThrough: called,
            waitlistTicket: activity.waitlistTicket,
            waiting: await findWaitingTickets(deps.db, activity._id, called),
            givenUp: recorded,
          }),
        ].sort((a, b) => a - b);
  const fromRows = {
    confirmed: rows.seatHolding,
    waitlisted: rows.waiting,
    ratingCount: rows.ratingCount,
    ratingSum: rows.ratingSum,
    lineOutstanding: outstanding,
  };
  const drift = counterDrift(
    {
      confirmed: activity.confirmed,
      waitlisted: activity.waitlisted,
      ratingCount: activity.ratingCount,
      ratingSum: activity.ratingSum,
      lineOutstanding: legacy ? -1 : activity.lineOutstanding,
    },
    fromRows,
  );
  const givenUpChanged = (activity.lineGivenUp ?? []).join(',') !== lineGivenUp.join(',');
  if (!drift && !givenUpChanged) return settled > 0;
  const set = { ...fromRows, lineGivenUp };
  if (!(await correctActivityCounters(deps.db, { seen: activity, set, now }))) return false;
  await appendAudit(deps.db, {
    at: now,
    actorId: 'system',
    action: 'activity.recountCounters',
    entity: 'activity',
    entityId: activity._id,
    stationId: activity.stationId,
    from: { ...drift?.from, ...(givenUpChanged ? { lineGivenUp: activity.lineGivenUp ?? null } : {}) },
    to: { ...drift?.to, ...(givenUpChanged ? { lineGivenUp } : {}) },
    reason: '名额计数与报名记录不一致，已按记录重新计数',
  });
  // Seats the recount freed while people wait go to the line now, not at the next run.
  if (activity.status === 'published' && set.confirmed < activity.capacity && set.waitlisted > 0)
    await fillFreeSeats(deps, { ...activity, ...set, updatedAt: now });
  return true;
}
