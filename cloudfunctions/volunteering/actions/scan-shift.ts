import { DEFAULT_HOURS_POLICY, verifiedMinutes } from '../../../shared/domain/hours';
import { maskName } from '../../../shared/domain/privacy';
import {
  checkOutNeedsConfirmation,
  MIN_SHIFT_MINUTES_BEFORE_CHECKOUT,
  shiftScanRefusal,
} from '../../../shared/domain/shift';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import { verifyCode } from '../../core/checkin-codes';
import type { Deps } from '../../core/deps';
import type { ShiftDoc } from '../../core/documents';
import { findActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';
import { matchShortCodeWithinLimits } from '../../core/short-codes';
import { checkOutWithEntry, findActivityShifts, findShift, transitionShift } from '../../core/repositories/shifts';
import { verifiedEntryFor } from '../entries';
import { assertHoursActor } from '../hours-actor';

/**
 * Staff scan a volunteer's code with the same scanner as residents. The first scan checks in;
 * the next (at least a few minutes later) checks out and writes the verified hours in the same
 * transaction. A second scan that would record no time at all answers `confirm_checkout` with
 * the minutes it would record and changes nothing: staff confirm with `mode: 'out'` (then the
 * shift closes and, with no minutes, no ledger row is written). Repeats change nothing. Nobody
 * scans their own shift (SELF_REVIEW); typed short codes are limited like residents' and every
 * scan they make is audited.
 */
export async function scanShift(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; mode: 'auto' | 'in' | 'out' } & ({ code: string } | { shortCode: string }),
) {
  const staff = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'booking:checkIn', activity);
  let shiftId: string;
  if ('code' in input) {
    shiftId = verifyCode(input.code, 'v', now).refId;
  } else {
    shiftId = await matchShortCodeWithinLimits(deps, {
      kind: 'v',
      activityId: activity._id,
      staffId: staff.userId,
      shortCode: input.shortCode,
      candidates: async () =>
        (await findActivityShifts(deps.db, activity._id, ['signed_up', 'checked_in'])).map((s) => s._id),
    });
  }
  const shift = await findShift(deps.db, shiftId);
  if (!shift) throw new AppError('CHECKIN_CODE_INVALID');
  if (shift.activityId !== activity._id) throw new AppError('CHECKIN_WRONG_ACTIVITY');
  assertHoursActor(caller, { stationPath: shift.stationPath, volunteerId: shift.userId }, 'booking:checkIn');
  if (shift.status === 'cancelled')
    throw new AppError('CHECKIN_BOOKING_CANCELLED', { userMessage: '该志愿岗位已取消' });
  const answer = (
    row: ShiftDoc,
    result: 'checked_in' | 'checked_out' | 'already_checked_out' | 'confirm_checkout',
    at: Date,
  ) => ({
    result,
    volunteerName: maskName(row.volunteerName),
    activityTitle: row.activityTitle,
    at,
    minutes: row.minutes,
  });
  if (shift.status === 'checked_out') return answer(shift, 'already_checked_out', shift.checkOutAt ?? now);
  const refusal = shiftScanRefusal(shift, now);
  if (refusal) throw new AppError(refusal);

  if (shift.status === 'signed_up') {
    if (input.mode === 'out') throw new AppError('CHECKOUT_WITHOUT_CHECKIN');
    const done = await transitionShift(deps.db, {
      shiftId,
      from: 'signed_up',
      to: 'checked_in',
      fields: { checkInAt: now, checkInBy: staff.userId },
      at: now,
    });
    if (!done) throw new AppError('CONFLICT');
    await auditShortCode('signed_up', 'checked_in');
    return answer({ ...shift, status: 'checked_in', checkInAt: now }, 'checked_in', now);
  }

  // Checked in: a second scan within minutes is the same arrival, not a departure.
  const checkInAt = shift.checkInAt ?? now;
  if (input.mode !== 'out' && now.getTime() - checkInAt.getTime() < MIN_SHIFT_MINUTES_BEFORE_CHECKOUT * 60_000) {
    return answer(shift, 'checked_in', checkInAt);
  }
  if (input.mode === 'in') return answer(shift, 'checked_in', checkInAt);
  const minutes = verifiedMinutes(
    { scheduledStart: shift.scheduledStart, scheduledEnd: shift.scheduledEnd, checkInAt, checkOutAt: now },
    DEFAULT_HOURS_POLICY,
  );
  if (input.mode === 'auto' && checkOutNeedsConfirmation(minutes, DEFAULT_HOURS_POLICY.roundingMinutes)) {
    return { ...answer(shift, 'confirm_checkout', checkInAt), minutes };
  }
  const closed = await checkOutWithEntry(deps.db, {
    shiftId,
    fields: { checkOutAt: now, checkOutBy: staff.userId, minutes, autoClosed: false },
    entry:
      minutes > 0
        ? verifiedEntryFor(shift, { checkInAt, checkOutAt: now, minutes, autoClosed: false, by: staff.userId, now })
        : null,
    at: now,
  });
  if (!closed) {
    const current = await findShift(deps.db, shiftId);
    if (current?.status === 'checked_out') return answer(current, 'already_checked_out', current.checkOutAt ?? now);
    throw new AppError('CONFLICT');
  }
  await auditShortCode('checked_in', 'checked_out');
  return answer(closed, 'checked_out', now);

  /** A typed short code could be a guess: every scan it makes is audited. */
  async function auditShortCode(from: 'signed_up' | 'checked_in', to: 'checked_in' | 'checked_out') {
    if (!('shortCode' in input)) return;
    await appendAudit(deps.db, {
      at: now,
      actorId: staff.userId,
      action: 'hours.shortCode',
      entity: 'shift',
      entityId: shiftId,
      stationId: activity!.stationId,
      from: { status: from },
      to: { status: to },
    });
  }
}
