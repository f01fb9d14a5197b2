import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { transitionOrder } from '../../core/repositories/orders';
import { answer } from '../apply';
import { scheduledNotice, send } from '../notices';
import { orderFor } from '../standing';
import { when } from '../views';

/** How far ahead an appointment may be set. */
const MAX_SCHEDULE_DAYS = 60;

/** The appointment time, refused when in the past (beyond a few minutes' slack) or too far ahead. */
export function assertScheduleTime(iso: string, now: Date): Date {
  const at = new Date(iso);
  if (at.getTime() < now.getTime() - 10 * 60_000 || at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86400_000) {
    throw new AppError('INVALID_INPUT', {
      userMessage: '请选择今后60天内的时间',
      fields: { scheduledAt: '请选择今后60天内的时间' },
    });
  }
  return at;
}

/** The worker holding an order sets or changes when they will come; the resident is told. */
export async function scheduleOrder(deps: Deps, caller: Caller, input: { orderId: string; scheduledAt: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  if (!standing.roles.includes('assignee')) throw new AppError('FORBIDDEN');
  const now = deps.now();
  const scheduledAt = assertScheduleTime(input.scheduledAt, now);
  const event = {
    at: now,
    action: 'schedule' as const,
    from: order.status,
    to: order.status,
    byId: standing.user.userId,
    byRole: 'assignee' as const,
    byName: standing.user.user.nickname,
    subjectName: null,
    note: when(scheduledAt),
    notePublic: true,
  };
  const applied = await transitionOrder(deps.db, {
    orderId: order._id,
    from: ['accepted'],
    where: { assigneeId: standing.user.userId },
    set: { scheduledAt },
    events: [event],
    now,
  });
  if (!applied) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '接单后才能预约服务时间' });
  const next = { ...order, scheduledAt, history: [...order.history, event], rev: order.rev + 1, updatedAt: now };
  await send(deps, scheduledNotice(next, standing.user.user.nickname, scheduledAt));
  return answer(deps, next, standing);
}
