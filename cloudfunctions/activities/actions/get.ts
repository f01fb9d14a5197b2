import { bookingId } from '../../../shared/domain/booking';
import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { BookingDoc } from '../../core/documents';
import { findActivity } from '../../core/repositories/activities';
import { countWaitingAhead, findBookingsByIds } from '../../core/repositories/bookings';
import { toActivityDetail } from '../mappers';
import { settleActivity } from '../settle';

/**
 * One activity with the caller's booking, their family members' bookings (and places in line);
 * a draft is visible only to staff who manage it. The caller's and the family's rows come in one
 * read. The activity is settled first (`settleActivity`), so this read may write.
 */
export async function get(deps: Deps, caller: Caller, input: { activityId: string }) {
  const found = await findActivity(deps.db, input.activityId);
  const canManage = found ? can(caller, 'activity:manage', found) : false;
  if (!found || (found.status === 'draft' && !canManage))
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  const family = caller.kind === 'user' ? (caller.user.family ?? []) : [];
  const ownId = caller.kind === 'user' ? bookingId(found._id, caller.userId) : null;
  const familyIds = family.map((m) => bookingId(found._id, caller.kind === 'user' ? caller.userId : '', m.memberId));
  const rows = ownId ? await findBookingsByIds(deps.db, [ownId, ...familyIds]) : [];
  const byId = new Map(rows.map((b) => [b._id, b]));
  const { activity, booking } = await settleActivity(deps, found, ownId ? (byId.get(ownId) ?? null) : null);
  const positionOf = async (row: BookingDoc | null) =>
    row?.status === 'waitlisted' ? (await countWaitingAhead(deps.db, row)) + 1 : null;
  return toActivityDetail(activity, {
    booking,
    canManage,
    waitlistPosition: await positionOf(booking),
    family: await Promise.all(
      family.map(async (member, i) => {
        const row = byId.get(familyIds[i]!) ?? null;
        return { member, booking: row, waitlistPosition: await positionOf(row) };
      }),
    ),
  });
}
