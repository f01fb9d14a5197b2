import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findActivity } from '../../core/repositories/activities';
import { findActivityShifts } from '../../core/repositories/shifts';
import { findVolunteersByIds } from '../../core/repositories/volunteers';

/**
 * Staff of an activity's station: who volunteers on it — real name, phone tail (the full number
 * stays on the volunteer's own record), status, check-in and check-out times, minutes — in the
 * order they signed up. Three reads, whatever the number of volunteers (at most 500 slots).
 */
export async function activityVolunteers(deps: Deps, caller: Caller, input: { activityId: string }) {
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'booking:checkIn', activity);
  const shifts = await findActivityShifts(deps.db, activity._id, ['signed_up', 'checked_in', 'checked_out']);
  const volunteers = new Map(
    (await findVolunteersByIds(deps.db, [...new Set(shifts.map((s) => s.userId))])).map((v) => [v._id, v]),
  );
  return {
    activityTitle: activity.title,
    items: shifts
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((s) => ({
        shiftId: s._id,
        name: s.volunteerName,
        phoneTail: volunteers.get(s.userId)?.phone.slice(-4) ?? null,
        status: s.status,
        checkInAt: s.checkInAt,
        checkOutAt: s.checkOutAt,
        minutes: s.minutes,
        autoClosed: s.autoClosed,
      })),
  };
}
