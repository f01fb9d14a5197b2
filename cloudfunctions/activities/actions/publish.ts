import { canTransitionActivity } from '../../../shared/domain/activity';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivityDetail } from '../mappers';
import { findActivity, patchActivity } from '../../core/repositories/activities';
import { appendAudit } from '../../core/repositories/audit';

/** Staff publish a draft (draft → published); the write only succeeds from draft. */
export async function publish(deps: Deps, caller: Caller, input: { activityId: string }) {
  const staff = requireUser(caller);
  const activity = await findActivity(deps.db, input.activityId);
  if (!activity) throw new AppError('NOT_FOUND', { userMessage: '活动不存在' });
  assertCan(caller, 'activity:manage', activity);
  if (!canTransitionActivity(activity.status, 'published')) {
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '只有草稿状态的活动可以发布' });
  }
  const now = deps.now();
  if (activity.startAt <= now)
    throw new AppError('RULE_VIOLATION', { userMessage: '活动开始时间已过，请先修改时间再发布' });
  const patch = { status: 'published' as const, publishedAt: now };
  const applied = await patchActivity(deps.db, { activityId: activity._id, expectedStatus: 'draft', patch, now });
  if (!applied) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '只有草稿状态的活动可以发布' });
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'activity.publish',
    entity: 'activity',
    entityId: activity._id,
    stationId: activity.stationId,
    from: { status: 'draft' },
    to: { status: 'published' },
  });
  return toActivityDetail({ ...activity, ...patch, updatedAt: now }, { booking: null, canManage: true });
}
