import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { notify } from '../../core/notify';
import { findActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';
import { findActivityBookingsByStatus } from '../../core/repositories/bookings';
import { stationNotice } from '../notices';

/**
 * Staff write to everyone booked on an activity — confirmed, offered, waiting or already checked
 * in — as a station notice in their 消息 (one message per account, however many family bookings
 * it holds). Refused for a cancelled activity (its people were already told) and one that ended.
 * Audited with the text: what a station tells residents in its own name is a record.
 */
export async function notifyParticipants(deps: Deps, caller: Caller, input: { activityId: string; message: string }) {
  const staff = requireUser(caller);
  const now = deps.now();
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity || activity.status === 'draft')
    throw new AppError('NOT_FOUND', { userMessage: '活动不存在或尚未发布' });
  assertCan(caller, 'activity:manage', activity);
  if (activity.status !== 'published' || now >= activity.endAt)
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '活动已结束或已取消，不能再发送通知' });
  const booked = await findActivityBookingsByStatus(deps.db, activity._id, [
    'confirmed',
    'offered',
    'waitlisted',
    'checked_in',
  ]);
  const userIds = [...new Set(booked.map((b) => b.userId))];
  await notify(
    deps,
    userIds.map((userId) => stationNotice(activity, userId, input.message)),
  );
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'activity.notify',
    entity: 'activity',
    entityId: activity._id,
    stationId: activity.stationId,
    from: null,
    to: { notified: userIds.length },
    reason: input.message,
  });
  return { notified: userIds.length };
}
