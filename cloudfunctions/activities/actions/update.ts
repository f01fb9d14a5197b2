import type { z } from 'zod';
import type { ZActivityPatch } from '../../../shared/contracts/activities';
import { EDITABLE_AFTER_PUBLISH, scheduleProblem } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { ActivityDoc } from '../../core/documents';
import { toActivityDetail } from '../mappers';
import { findActivity, patchActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';
import { fillFreeSeats } from '../seats';

const DATE_FIELDS = ['startAt', 'endAt', 'signUpOpensAt', 'signUpClosesAt', 'cancelDeadline'] as const;

/**
 * Staff edit an activity. Drafts may change anything; once published only the fields people can
 * live with changing; capacity never drops below the seats already taken (checked by the write).
 */
export async function update(
  deps: Deps,
  caller: Caller,
  input: { activityId: string; data: z.output<typeof ZActivityPatch> },
) {
  const staff = requireUser(caller);
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'activity:manage', activity);
  if (activity.status !== 'draft' && activity.status !== 'published') {
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '活动已结束或已取消，不能再修改' });
  }
  const keys = Object.keys(input.data) as (keyof typeof input.data)[];
  if (activity.status === 'published') {
    const locked = keys.filter((key) => !(EDITABLE_AFTER_PUBLISH as readonly string[]).includes(key));
    if (locked.length > 0) {
      throw new AppError('ILLEGAL_TRANSITION', {
        userMessage: '活动已发布，不能再修改时间、类别和形式',
        detail: locked.join(','),
      });
    }
  }
  const patch: Partial<ActivityDoc> = {};
  for (const key of keys) {
    const value = input.data[key];
    if (value === undefined) continue;
    (patch as Record<string, unknown>)[key] = (DATE_FIELDS as readonly string[]).includes(key)
      ? new Date(value as string)
      : value;
  }
  const problem = scheduleProblem({ ...activity, ...patch });
  if (problem)
    throw new AppError('INVALID_INPUT', {
      userMessage: problem.message,
      fields: { [`data.${problem.field}`]: problem.message },
    });

  const now = deps.now();
  const applied = await patchActivity(deps.db, {
    activityId: activity._id,
    expectedStatus: activity.status,
    patch,
    now,
  });
  if (!applied) {
    const current = await findActivity(deps.db, activity._id);
    if (
      current &&
      current.status === activity.status &&
      patch.capacity !== undefined &&
      current.confirmed > patch.capacity
    ) {
      const message = `名额不能少于已报名人数（${current.confirmed}人）`;
      throw new AppError('RULE_VIOLATION', { userMessage: message, fields: { 'data.capacity': message } });
    }
    throw new AppError('CONFLICT', { detail: 'activity changed while updating' });
  }
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'activity.update',
    entity: 'activity',
    entityId: activity._id,
    stationId: activity.stationId,
    from: Object.fromEntries(keys.map((key) => [key, activity[key]])),
    to: patch,
  });
  // More seats (or a longer line) may let people in from the waitlist at once.
  let fresh = await findActivity(deps.db, activity._id);
  if (fresh && fresh.status === 'published' && patch.capacity !== undefined && patch.capacity > activity.capacity) {
    if ((await fillFreeSeats(deps, fresh)) > 0) fresh = await findActivity(deps.db, activity._id);
  }
  return toActivityDetail(fresh ?? { ...activity, ...patch }, { booking: null, canManage: true });
}
