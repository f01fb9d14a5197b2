import type { z } from 'zod';
import type { ZCheckInRequest } from '../../../shared/contracts/activities';
import { checkInRefusal } from '../../../shared/domain/booking';
import { maskName } from '../../../shared/domain/privacy';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import { verifyCode } from '../../core/checkin-codes';
import type { Deps } from '../../core/deps';
import type { BookingDoc } from '../../core/documents';
import { findActivity } from '../../core/repositories/activities';
import { matchShortCodeWithinLimits } from '../../core/short-codes';
import { appendAudit } from '../../core/repositories/audit';
import { findActivityBookingsByStatus, findBooking, transitionBooking } from '../../core/repositories/bookings';

/**
 * Staff at the door check a person in by scanned code, typed short code (guesses limited, each
 * check-in audited), or (for someone without a phone) by picking them from the roster with a
 * reason (audited). Idempotent: a second scan answers "already checked in" with when and by
 * whom, and changes nothing.
 */
export async function checkIn(deps: Deps, caller: Caller, input: z.output<typeof ZCheckInRequest>) {
  const staff = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'booking:checkIn', activity);
  if (activity.status === 'cancelled') throw new AppError('ACTIVITY_CANCELLED');
  const windowRefusal = checkInRefusal(activity, now);
  if (windowRefusal === 'CHECKIN_NOT_OPEN') {
    throw new AppError(windowRefusal, {
      userMessage: `还未到签到时间（开始前${activity.checkInOpensMinutesBefore}分钟可签到）`,
    });
  }
  if (windowRefusal) throw new AppError(windowRefusal);

  let refId: string;
  if ('code' in input) {
    refId = verifyCode(input.code, 'b', now).refId;
  } else if ('shortCode' in input) {
    refId = await matchShortCodeWithinLimits(deps, {
      kind: 'b',
      activityId: activity._id,
      staffId: staff.userId,
      shortCode: input.shortCode,
      candidates: async () =>
        (await findActivityBookingsByStatus(deps.db, activity._id, ['confirmed', 'checked_in'])).map((b) => b._id),
    });
  } else {
    refId = input.bookingId;
  }

  const booking = await findBooking(deps.db, refId);
  if (!booking) throw new AppError('CHECKIN_CODE_INVALID');
  if (booking.activityId !== activity._id) throw new AppError('CHECKIN_WRONG_ACTIVITY');
  if (booking.status === 'checked_in') return answer(booking, 'already_checked_in');
  if (booking.status === 'cancelled' || booking.status === 'expired') throw new AppError('CHECKIN_BOOKING_CANCELLED');
  if (booking.status === 'waitlisted' || booking.status === 'offered') throw new AppError('CHECKIN_NOT_CONFIRMED');

  const manualReason = 'reason' in input ? input.reason : undefined;
  const staffName = staff.user.nickname;
  const done = await transitionBooking(deps.db, {
    bookingId: booking._id,
    from: ['confirmed', 'no_show'],
    to: 'checked_in',
    fields: { checkedInAt: now, checkedInBy: staff.userId, checkedInByName: staffName },
    event: {
      at: now,
      by: staff.userId,
      from: booking.status,
      to: 'checked_in',
      ...(manualReason ? { reason: manualReason } : {}),
    },
  });
  if (!done) {
    // Two scanners raced: whoever lost reports the winner's check-in.
    const raced = await findBooking(deps.db, booking._id);
    if (raced?.status === 'checked_in') return answer(raced, 'already_checked_in');
    throw new AppError('CONFLICT');
  }
  const fresh: BookingDoc = {
    ...booking,
    status: 'checked_in',
    checkedInAt: now,
    checkedInBy: staff.userId,
    checkedInByName: staffName,
  };
  // A typed short code could be a guess and a roster pick has no code at all: both are audited.
  if (manualReason || 'shortCode' in input) {
    await appendAudit(deps.db, {
      at: now,
      actorId: staff.userId,
      action: manualReason ? 'booking.manualCheckIn' : 'booking.shortCode',
      entity: 'booking',
      entityId: booking._id,
      stationId: activity.stationId,
      from: { status: booking.status },
      to: { status: 'checked_in' },
      ...(manualReason ? { reason: manualReason } : {}),
    });
  }
  return answer(fresh, 'checked_in');

  function answer(row: BookingDoc, result: 'checked_in' | 'already_checked_in') {
    return {
      result,
      bookingId: row._id,
      attendeeName: maskName(row.attendeeName),
      phoneTail: row.phoneTail,
      activityTitle: activity!.title,
      checkedInAt: row.checkedInAt ?? now,
      checkedInByName: row.checkedInByName ?? '',
    };
  }
}
