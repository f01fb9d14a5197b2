import { escalationsDue, type EscalationStage } from '../../../shared/domain/orders';
import type { Deps } from '../../core/deps';
import type { OrderDoc, OrderEventDoc } from '../../core/documents/orders';
import type { Notice } from '../../core/notify';
import {
  findConfirmationsDue,
  findEscalationCandidates,
  markEscalations,
  transitionOrder,
} from '../../core/repositories/orders';
import { escalationNotices, send, stationStaff } from '../notices';

/** Orders looked at per run and per kind; a backlog drains over the next runs. */
const BATCH = 100;

/**
 * The escalation timer (every 5 minutes on CloudBase, every minute locally). Near a deadline the
 * assignee and the station's staff get a message; past it the order is overdue in the queue and
 * on the 中心's console (both read the deadline itself) and the same people are told. Each stage
 * is marked on the order by a conditional write and only the run that marked it sends, so two
 * runs — even at once — never send the same message twice. Also closes orders whose resident let
 * the confirmation window pass.
 */
export async function escalateOrders(deps: Deps) {
  const now = deps.now();
  const [candidates, confirmations] = await Promise.all([
    findEscalationCandidates(deps.db, now, BATCH),
    findConfirmationsDue(deps.db, now, BATCH),
  ]);

  const marked: { order: OrderDoc; notify: EscalationStage[] }[] = [];
  for (const order of candidates) {
    const due = escalationsDue(order, now);
    if (due.length === 0) continue;
    const won = await markEscalations(deps.db, {
      orderId: order._id,
      status: order.status,
      stages: due.map((d) => d.stage),
      now,
    });
    if (won) marked.push({ order, notify: due.filter((d) => d.notify).map((d) => d.stage) });
  }

  const notices: Notice[] = [];
  const toNotify = marked.filter((m) => m.notify.length > 0);
  if (toNotify.length) {
    const staffOf = await stationStaff(
      deps,
      toNotify.map((m) => m.order),
    );
    for (const { order, notify } of toNotify) {
      for (const stage of notify) notices.push(...escalationNotices(order, stage, staffOf(order)));
    }
  }

  let autoConfirmed = 0;
  for (const order of confirmations) {
    const event: OrderEventDoc = {
      at: now,
      action: 'autoConfirm',
      from: order.status,
      to: 'closed',
      byId: 'system',
      byRole: 'system',
      byName: '系统',
      subjectName: null,
      note: null,
      notePublic: false,
    };
    const applied = await transitionOrder(deps.db, {
      orderId: order._id,
      from: [order.status],
      confirmBy: { atMost: now },
      set: { status: 'closed', confirmedAt: now, nextDueAt: null },
      events: [event],
      now,
    });
    if (applied) autoConfirmed++;
  }

  await send(deps, notices);
  return { escalated: marked.length, messages: notices.length, autoConfirmed };
}
