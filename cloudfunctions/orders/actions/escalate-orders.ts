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
import { orderNotice, send, stationStaff } from '../notices';
import { when } from '../views';

/** Orders looked at per run and per kind; a backlog drains over the next runs. */
const BATCH = 100;

const WORDS: Record<EscalationStage, { title: string; body: (o: OrderDoc) => string; toAssignee: boolean }> = {
  responseNear: {
    title: '服务单即将超时未响应',
    body: (o) => `${o.itemName}（${o.stationName}）请在${when(o.responseDueAt)}前接单或答复`,
    toAssignee: true,
  },
  responseOverdue: {
    title: '服务单已超时未响应',
    body: (o) => `${o.itemName}（${o.stationName}）响应时限${when(o.responseDueAt)}已过`,
    toAssignee: true,
  },
  completionNear: {
    title: '服务单即将到期',
    body: (o) => `${o.itemName}（${o.stationName}）请在${when(o.completionDueAt)}前办结`,
    toAssignee: true,
  },
  completionOverdue: {
    title: '服务单已超期未办结',
    body: (o) => `${o.itemName}（${o.stationName}）办结时限${when(o.completionDueAt)}已过`,
    toAssignee: true,
  },
};

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
      for (const stage of notify) {
        const words = WORDS[stage];
        const people = new Set(staffOf(order));
        if (words.toAssignee && order.assigneeId) people.add(order.assigneeId);
        for (const userId of people)
          notices.push(orderNotice(order, userId, 'order_due', words.title, words.body(order)));
      }
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
    const _ = deps.db.command;
    const applied = await transitionOrder(deps.db, {
      orderId: order._id,
      from: [order.status],
      where: { confirmBy: _.lte(now) },
      set: { status: 'closed', confirmedAt: now, nextDueAt: null },
      event,
      now,
    });
    if (applied) autoConfirmed++;
  }

  await send(deps, notices);
  return { escalated: marked.length, messages: notices.length, autoConfirmed };
}
