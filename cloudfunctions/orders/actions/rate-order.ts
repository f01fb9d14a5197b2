import {
  AWAITING_CONFIRMATION,
  BAD_RATING_MAX,
  canEditOrderRating,
  COMPLETED_STATUSES,
  raisedByStation,
  type OrderStatus,
} from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { OrderEventDoc, OrderRatingDoc } from '../../core/documents/orders';
import { appendAudit } from '../../core/repositories/audit';
import { transitionOrder } from '../../core/repositories/orders';
import { answer } from '../apply';
import { badRatingNotice, send, stationStaff } from '../notices';
import { orderFor } from '../standing';

/**
 * 评单: the orderer rates 1–5 with an optional comment once the worker closed the order; rating an
 * order still awaiting confirmation confirms it in the same write. One rating per order, editable
 * for 7 days (conditional on the rating they saw). The worker who did it never rates it. A bad
 * rating (≤ 2) goes to the station head's queue and the heads are told.
 */
export async function rateOrder(
  deps: Deps,
  caller: Caller,
  input: { orderId: string; score: number; comment: string },
) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  if (!standing.roles.includes('orderer') || order.assigneeId === standing.user.userId) {
    throw new AppError('FORBIDDEN');
  }
  if (!(COMPLETED_STATUSES as readonly OrderStatus[]).includes(order.status)) {
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '服务办结后才能评价' });
  }
  const now = deps.now();
  const previous = order.rating;
  if (previous && !canEditOrderRating(previous.firstRatedAt, now)) throw new AppError('RATING_LOCKED');
  const bad = input.score <= BAD_RATING_MAX;
  const rating: OrderRatingDoc = {
    score: input.score,
    comment: input.comment,
    ratedBy: standing.user.userId,
    firstRatedAt: previous?.firstRatedAt ?? now,
    updatedAt: now,
    bad,
    reviewedAt: bad && previous?.bad ? previous.reviewedAt : null,
    reviewedBy: bad && previous?.bad ? previous.reviewedBy : null,
    reply: previous?.reply ?? null,
  };
  const confirming = !previous && (AWAITING_CONFIRMATION as readonly OrderStatus[]).includes(order.status);
  const to: OrderStatus = confirming ? 'closed' : order.status;
  const event = (action: OrderEventDoc['action'], from: OrderStatus): OrderEventDoc => ({
    at: now,
    action,
    from,
    to,
    byId: standing.user.userId,
    byRole: 'orderer',
    byName: standing.user.user.nickname,
    subjectName: null,
    note: null,
    notePublic: false,
  });
  const events = confirming ? [event('confirm', order.status), event('rate', to)] : [event('rate', order.status)];
  const set: Record<string, unknown> = {
    rating,
    status: to,
    ...(confirming ? { confirmedAt: now, nextDueAt: null } : {}),
  };
  const applied = await transitionOrder(deps.db, {
    orderId: order._id,
    from: [order.status],
    where: previous
      ? { 'rating.firstRatedAt': previous.firstRatedAt, 'rating.updatedAt': previous.updatedAt }
      : { rating: null },
    set,
    events,
    now,
  });
  if (!applied) throw new AppError('CONFLICT');
  const next = {
    ...order,
    ...set,
    rating,
    status: to,
    history: [...order.history, ...events],
    rev: order.rev + 1,
    updatedAt: now,
  };
  if (raisedByStation(order)) {
    await appendAudit(deps.db, {
      at: now,
      actorId: standing.user.userId,
      action: 'order.rateForResident',
      entity: 'order',
      entityId: order._id,
      stationId: order.stationId,
      from: previous ? { score: previous.score } : null,
      to: { score: input.score },
    });
  }
  if (bad && !previous?.bad) {
    const heads = (await stationStaff(deps, [next], ['head']))(next);
    await send(
      deps,
      heads.map((userId) => badRatingNotice(next, userId, input)),
    );
  }
  return answer(deps, next, standing);
}
