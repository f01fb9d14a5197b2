import { runCounterRepair } from '../../core/counter-repair';
import type { Deps } from '../../core/deps';
import { findEndedPublished, findWithWaitlist, patchActivity } from '../../core/repositories/activities';
import { markNoShows } from '../../core/repositories/bookings';
import { seatCounterRepair } from '../repair-counters';
import { expireOffers, fillFreeSeats } from '../seats';

/** How much one sweep does at most, so a timer invocation stays within its time limit. */
const SWEEP_LIMIT = 50;

/**
 * The scheduled pass (CloudBase timer trigger; the local gateway runs the same schedule):
 * expire unclaimed offers and pass their seats on, promote into seats that are free while people
 * wait, finish ended activities — their unchecked confirmed bookings become no-shows — and
 * recount the seat, line and rating counters of activities that changed since the last run from
 * their booking rows (`seatCounterRepair`). Every step is idempotent, so overlapping runs are
 * harmless.
 */
export async function sweep(deps: Deps): Promise<{
  offersExpired: number;
  promoted: number;
  finished: number;
  noShows: number;
  countersChecked: number;
  countersCorrected: number;
  countersCaughtUp: boolean;
}> {
  const offersExpired = await expireOffers(deps, {}, SWEEP_LIMIT);
  let promoted = 0;
  for (const activity of await findWithWaitlist(deps.db, SWEEP_LIMIT)) {
    if (activity.confirmed < activity.capacity) promoted += await fillFreeSeats(deps, activity);
  }
  let finished = 0;
  let noShows = 0;
  for (const activity of await findEndedPublished(deps.db, deps.now(), SWEEP_LIMIT)) {
    noShows += await markNoShows(deps.db, activity._id, { at: deps.now(), by: 'system' });
    if (
      await patchActivity(deps.db, {
        activityId: activity._id,
        expectedStatus: 'published',
        patch: { status: 'finished' },
        now: deps.now(),
      })
    )
      finished++;
  }
  const repair = await runCounterRepair(deps, seatCounterRepair);
  return {
    offersExpired,
    promoted,
    finished,
    noShows,
    countersChecked: repair.checked,
    countersCorrected: repair.corrected,
    countersCaughtUp: repair.caughtUp,
  };
}
