import { CODE_WINDOW_SECONDS, codeExpiresAt } from '../../../shared/domain/checkin-code';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import { issueCode } from '../../core/checkin-codes';
import type { Deps } from '../../core/deps';
import { findShift } from '../../core/repositories/shifts';
import { requireVolunteer } from '../require-volunteer';

/** A rotating code for the caller's shift (kind `v`), shown at arrival and again at departure. */
export async function myShiftCode(deps: Deps, caller: Caller, input: { activityId: string }) {
  const { user } = await requireVolunteer(deps, caller);
  const now = deps.now();
  const shift = await findShift(deps.db, `${input.activityId}_${user.userId}`);
  if (!shift || (shift.status !== 'signed_up' && shift.status !== 'checked_in')) {
    throw new AppError('BOOKING_NOT_FOUND', { userMessage: '没有找到进行中的志愿岗位' });
  }
  const issued = issueCode('v', shift._id, now);
  return {
    code: issued.code,
    shortCode: issued.shortCode,
    expiresAt: codeExpiresAt(issued.window),
    refreshAt: new Date(Math.max(now.getTime() + 5000, (issued.window + 1) * CODE_WINDOW_SECONDS * 1000)),
    activityTitle: shift.activityTitle,
  };
}
