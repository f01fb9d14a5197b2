import { DEFAULT_HOURS_POLICY, verifiedMinutes } from '../../../shared/domain/hours';
import { SHIFT_AUTO_CLOSE_GRACE_MINUTES } from '../../../shared/domain/shift';
import type { Deps } from '../../core/deps';
import { checkOutWithEntry, findOpenShiftsEndedBefore } from '../../core/repositories/shifts';
import { verifiedEntryFor } from '../entries';

/** How many forgotten check-outs one run closes at most. */
const AUTO_CLOSE_LIMIT = 100;

/**
 * Timer job: check-ins still open `SHIFT_AUTO_CLOSE_GRACE_MINUTES` after the scheduled end are
 * closed at the scheduled end; the entry is marked auto-closed and waits in the staff review
 * queue. Same transaction as a scanned check-out, so a late scan cannot add a second entry.
 */
export async function autoClose(deps: Deps): Promise<{ closed: number }> {
  const now = deps.now();
  const open = await findOpenShiftsEndedBefore(
    deps.db,
    new Date(now.getTime() - SHIFT_AUTO_CLOSE_GRACE_MINUTES * 60_000),
    AUTO_CLOSE_LIMIT,
  );
  let closed = 0;
  for (const shift of open) {
    const checkInAt = shift.checkInAt ?? shift.scheduledStart;
    const minutes = verifiedMinutes(
      {
        scheduledStart: shift.scheduledStart,
        scheduledEnd: shift.scheduledEnd,
        checkInAt,
        checkOutAt: shift.scheduledEnd,
      },
      DEFAULT_HOURS_POLICY,
    );
    const done = await checkOutWithEntry(deps.db, {
      shiftId: shift._id,
      fields: { checkOutAt: shift.scheduledEnd, checkOutBy: 'system', minutes, autoClosed: true },
      entry: verifiedEntryFor(shift, {
        checkInAt,
        checkOutAt: shift.scheduledEnd,
        minutes,
        autoClosed: true,
        by: 'system',
        now,
      }),
      at: now,
    });
    if (done) closed++;
  }
  return { closed };
}
