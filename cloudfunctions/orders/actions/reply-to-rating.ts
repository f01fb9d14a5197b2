import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { OrderEventDoc } from '../../core/documents/orders';
import { appendAudit } from '../../core/repositories/audit';
import { transitionOrder } from '../../core/repositories/orders';
import { answer } from '../apply';
import { ratingReplyNotice, send } from '../notices';
import { orderFor } from '../standing';

/**
 * Staff reply to a rating (the resident sees it). A head's (or admin's) reply to a bad rating
 * also takes it off the head's queue. The worker who did the order never answers its rating.
 * Audited.
 */
export async function replyToRating(deps: Deps, caller: Caller, input: { orderId: string; reply: string }) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  if (!standing.roles.includes('staff')) throw new AppError('FORBIDDEN');
  if (order.assigneeId === standing.user.userId)
    throw new AppError('SELF_REVIEW', { userMessage: '不能回复对自己服务的评价' });
  if (!order.rating) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '居民评价后才能回复' });
  const now = deps.now();
  const reviews =
    order.rating.bad && !order.rating.reviewedAt && can(caller, 'order:review', { stationPath: order.stationPath });
  const rating = {
    ...order.rating,
    reply: { text: input.reply, at: now, byId: standing.user.userId },
    ...(reviews ? { reviewedAt: now, reviewedBy: standing.user.userId } : {}),
  };
  const event: OrderEventDoc = {
    at: now,
    action: 'reply',
    from: order.status,
    to: order.status,
    byId: standing.user.userId,
    byRole: 'staff',
    byName: standing.user.user.nickname,
    subjectName: null,
    note: input.reply,
    notePublic: true,
  };
  const applied = await transitionOrder(deps.db, {
    orderId: order._id,
    from: [order.status],
    where: { 'rating.updatedAt': order.rating.updatedAt },
    set: { rating },
    events: [event],
    now,
  });
  if (!applied) throw new AppError('CONFLICT');
  await appendAudit(deps.db, {
    at: now,
    actorId: standing.user.userId,
    action: reviews ? 'order.reviewBadRating' : 'order.replyRating',
    entity: 'order',
    entityId: order._id,
    stationId: order.stationId,
    from: { score: order.rating.score, reviewed: Boolean(order.rating.reviewedAt) },
    to: { reviewed: Boolean(rating.reviewedAt) },
    reason: input.reply,
  });
  const next = { ...order, rating, history: [...order.history, event], rev: order.rev + 1, updatedAt: now };
  await send(deps, ratingReplyNotice(next, input.reply));
  return answer(deps, next, standing);
}
