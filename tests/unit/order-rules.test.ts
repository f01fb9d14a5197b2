import {
  ORDER_ACTIONS,
  ORDER_ACTORS,
  ORDER_STATUSES,
  DEFAULT_ORDER_POLICY,
  allowanceOf,
  canAct,
  canEditOrderRating,
  deadlineAt,
  deadlineHoursProblem,
  escalationsDue,
  fromStatuses,
  isAwaitingResponse,
  isOrderPhotoPath,
  isOverdue,
  isOwnOrder,
  nearAt,
  nextDueAt,
  orderDeadlines,
  orderPhotoFolder,
  orderPhotoPath,
  orderRoles,
  orderTransition,
  recordTimeProblem,
  timeClassOf,
  withinConfirmWindow,
  type EscalationView,
  type OrderAction,
  type OrderActor,
  type OrderStatus,
} from '../../shared/domain/orders';
import {
  foldOrderRows,
  formatPermille,
  orderFiguresFrom,
  orderFiguresLine,
  ZERO_ORDER_COUNTS,
} from '../../shared/domain/order-report';
import { fromAppWallClock } from '../../shared/domain/time';

describe('order state machine', () => {
  const legal: [OrderStatus, OrderAction, OrderActor, OrderStatus][] = [
    ['triage', 'release', 'staff', 'pending'],
    ['triage', 'dispatch', 'staff', 'assigned'],
    ['pending', 'dispatch', 'staff', 'assigned'],
    ['assigned', 'dispatch', 'staff', 'assigned'],
    ['accepted', 'dispatch', 'staff', 'assigned'],
    ['pending', 'take', 'worker', 'accepted'],
    ['assigned', 'take', 'assignee', 'accepted'],
    ['assigned', 'return', 'assignee', 'pending'],
    ['assigned', 'return', 'staff', 'pending'],
    ['accepted', 'return', 'assignee', 'pending'],
    ['accepted', 'return', 'staff', 'pending'],
    ['triage', 'decline', 'staff', 'declined'],
    ['pending', 'decline', 'staff', 'declined'],
    ['assigned', 'decline', 'staff', 'declined'],
    ['triage', 'refer', 'staff', 'referred'],
    ['pending', 'refer', 'staff', 'referred'],
    ['assigned', 'refer', 'staff', 'referred'],
    ['accepted', 'refer', 'staff', 'referred'],
    ['triage', 'cancel', 'orderer', 'cancelled'],
    ['pending', 'cancel', 'orderer', 'cancelled'],
    ['assigned', 'cancel', 'orderer', 'cancelled'],
    ['accepted', 'complete', 'assignee', 'done'],
    ['accepted', 'fail', 'assignee', 'failed'],
    ['done', 'confirm', 'orderer', 'closed'],
    ['failed', 'confirm', 'orderer', 'closed'],
    ['done', 'reopen', 'orderer', 'accepted'],
    ['failed', 'reopen', 'orderer', 'accepted'],
    ['done', 'autoConfirm', 'system', 'closed'],
    ['failed', 'autoConfirm', 'system', 'closed'],
  ];

  it.each(legal)('allows %s —%s by %s→ %s', (from, action, actor, to) => {
    expect(orderTransition(from, action, actor)).toBe(to);
  });

  it('refuses every other (status, action, actor) — all 600 combinations checked', () => {
    let checked = 0;
    for (const from of ORDER_STATUSES) {
      for (const action of ORDER_ACTIONS) {
        for (const actor of ORDER_ACTORS) {
          const edge = legal.find(([f, a, r]) => f === from && a === action && r === actor);
          expect([from, action, actor, orderTransition(from, action, actor)]).toEqual([
            from,
            action,
            actor,
            edge ? edge[3] : null,
          ]);
          checked++;
        }
      }
    }
    expect(checked).toBe(ORDER_STATUSES.length * ORDER_ACTIONS.length * ORDER_ACTORS.length);
  });

  it('ends closed, declined, referred and cancelled orders for good', () => {
    for (const from of ['closed', 'declined', 'referred', 'cancelled'] as const) {
      for (const action of ORDER_ACTIONS) expect(canAct(from, action, [...ORDER_ACTORS])).toBe(false);
    }
  });

  it('lists the statuses an action may start from, for the conditional write', () => {
    expect(fromStatuses('take', ['worker'])).toEqual(['pending']);
    expect(fromStatuses('take', ['assignee', 'worker'])).toEqual(['pending', 'assigned']);
    expect(fromStatuses('return', ['staff'])).toEqual(['assigned', 'accepted']);
    expect(fromStatuses('cancel', ['staff'])).toEqual([]);
  });
});

describe('who someone is to an order', () => {
  const order = { orderedBy: 'u-res', recipientUserId: 'u-res', proxy: false, assigneeId: 'u-vol' };

  it('makes the person who ordered the orderer, and only that, even if they are staff', () => {
    expect(orderRoles(order, { userId: 'u-res', isStaff: true, isWorker: true })).toEqual(['orderer']);
    expect(isOwnOrder(order, 'u-res')).toBe(true);
  });

  it('gives station staff and the assignee their roles, never the orderer role', () => {
    expect(orderRoles(order, { userId: 'u-staff', isStaff: true, isWorker: false })).toEqual(['staff', 'worker']);
    expect(orderRoles(order, { userId: 'u-vol', isStaff: false, isWorker: true })).toEqual(['assignee', 'worker']);
    expect(orderRoles(order, { userId: 'u-other', isStaff: false, isWorker: false })).toEqual([]);
  });

  it('treats a family order as the family member’s own, not the elder’s account', () => {
    const family = { orderedBy: 'u-daughter', recipientUserId: null, proxy: false, assigneeId: null };
    expect(orderRoles(family, { userId: 'u-daughter', isStaff: false, isWorker: true })).toEqual(['orderer']);
    expect(isOwnOrder(family, 'u-elder')).toBe(false);
  });

  it('lets station staff speak for the resident on a 代点单, except the worker who did it', () => {
    const proxy = { orderedBy: 'u-staff', recipientUserId: null, proxy: true, assigneeId: 'u-staff2' };
    expect(orderRoles(proxy, { userId: 'u-staff', isStaff: true, isWorker: false })).toEqual([
      'orderer',
      'staff',
      'worker',
    ]);
    expect(orderRoles(proxy, { userId: 'u-staff2', isStaff: true, isWorker: false })).toEqual([
      'staff',
      'assignee',
      'worker',
    ]);
    expect(isOwnOrder(proxy, 'u-staff')).toBe(false);
  });

  it('treats an order the station raised from a visit like a 代点单: not the recording worker’s own', () => {
    const fromVisit = {
      orderedBy: 'u-staff',
      recipientUserId: null,
      proxy: null,
      source: { kind: 'visit' },
      assigneeId: null,
    };
    expect(isOwnOrder(fromVisit, 'u-staff')).toBe(false);
    expect(orderRoles(fromVisit, { userId: 'u-staff', isStaff: true, isWorker: true })).toEqual([
      'orderer',
      'staff',
      'worker',
    ]);
  });
});

describe('deadlines (Asia/Shanghai)', () => {
  const at = (wall: string) => fromAppWallClock(wall);

  it('counts short allowances in clock hours', () => {
    expect(deadlineAt(at('2026-11-22 10:00'), 2)).toEqual(at('2026-11-22 12:00'));
    expect(deadlineAt(at('2026-11-22 23:30'), 24)).toEqual(at('2026-11-23 23:30'));
    expect(deadlineAt(at('2026-11-22 10:00'), 36)).toEqual(at('2026-11-23 22:00'));
  });

  it('ends whole-day allowances at 24:00 Beijing time of the last day, whatever the UTC date', () => {
    expect(deadlineAt(at('2026-11-22 10:00'), 7 * 24)).toEqual(at('2026-11-30 00:00'));
    // 23:30 on the 22nd in Beijing is still the 22nd (15:30 UTC): due at the end of the 29th.
    expect(deadlineAt(at('2026-11-22 23:30'), 7 * 24)).toEqual(at('2026-11-30 00:00'));
    // 00:10 on the 23rd in Beijing is the 22nd in UTC: due at the end of the 30th.
    expect(deadlineAt(at('2026-11-23 00:10'), 7 * 24)).toEqual(at('2026-12-01 00:00'));
    expect(deadlineAt(at('2026-11-22 10:00'), 48)).toEqual(at('2026-11-25 00:00'));
  });

  it('warns a quarter of the allowance before the deadline, at most a day', () => {
    expect(nearAt(at('2026-11-22 10:00'), at('2026-11-22 12:00'))).toEqual(at('2026-11-22 11:30'));
    expect(nearAt(at('2026-11-22 10:00'), at('2026-11-23 10:00'))).toEqual(at('2026-11-23 04:00'));
    expect(nearAt(at('2026-11-22 10:00'), at('2026-11-30 00:00'))).toEqual(at('2026-11-29 00:00'));
  });

  it('uses 12345-style defaults per class, item hours over the policy, never loosening urgency', () => {
    const policy = DEFAULT_ORDER_POLICY;
    expect(allowanceOf('normal', null, policy)).toEqual({ responseHours: 24, completionHours: 168 });
    expect(allowanceOf('complex', null, policy)).toEqual({ responseHours: 24, completionHours: 360 });
    expect(allowanceOf('urgent', null, policy)).toEqual({ responseHours: 2, completionHours: 24 });
    expect(allowanceOf('normal', { responseHours: 4, completionHours: null }, policy)).toEqual({
      responseHours: 4,
      completionHours: 168,
    });
    expect(allowanceOf('urgent', { responseHours: 48, completionHours: 12 }, policy)).toEqual({
      responseHours: 2,
      completionHours: 12,
    });
    expect(timeClassOf({ timeClass: 'complex' }, false)).toBe('complex');
    expect(timeClassOf({ timeClass: 'complex' }, true)).toBe('urgent');
    expect(timeClassOf(null, false)).toBe('normal');
  });

  it('refuses a response allowance longer than the completion allowance', () => {
    expect(deadlineHoursProblem({ responseHours: 48, completionHours: 24 })).toBe('响应时限不能长于办结时限');
    expect(deadlineHoursProblem({ responseHours: 24, completionHours: 24 })).toBeNull();
  });

  it('fixes all four instants when the order is placed', () => {
    expect(orderDeadlines(at('2026-11-22 10:00'), { responseHours: 24, completionHours: 168 })).toEqual({
      responseDueAt: at('2026-11-23 10:00'),
      completionDueAt: at('2026-11-30 00:00'),
      responseNearAt: at('2026-11-23 04:00'),
      completionNearAt: at('2026-11-29 00:00'),
    });
  });

  it('follows the response deadline until the station answers, then completion, then none', () => {
    const d = { responseDueAt: at('2026-11-23 10:00'), completionDueAt: at('2026-11-30 00:00') };
    const answered = at('2026-11-22 11:00');
    expect(nextDueAt({ status: 'pending', respondedAt: null }, d)).toEqual(d.responseDueAt);
    expect(nextDueAt({ status: 'assigned', respondedAt: null }, d)).toEqual(d.responseDueAt);
    expect(nextDueAt({ status: 'accepted', respondedAt: answered }, d)).toEqual(d.completionDueAt);
    // Sent back to the pool or reassigned after a worker took it: the station has answered.
    expect(nextDueAt({ status: 'pending', respondedAt: answered }, d)).toEqual(d.completionDueAt);
    expect(nextDueAt({ status: 'assigned', respondedAt: answered }, d)).toEqual(d.completionDueAt);
    expect(nextDueAt({ status: 'done', respondedAt: answered }, d)).toBeNull();
    expect(isAwaitingResponse({ status: 'triage', respondedAt: null })).toBe(true);
    expect(isAwaitingResponse({ status: 'pending', respondedAt: answered })).toBe(false);
    expect(isOverdue({ status: 'pending', nextDueAt: d.responseDueAt }, at('2026-11-23 10:00'))).toBe(true);
    expect(isOverdue({ status: 'pending', nextDueAt: d.responseDueAt }, at('2026-11-23 09:59'))).toBe(false);
  });
});

describe('escalation stages', () => {
  const at = (wall: string) => fromAppWallClock(wall);
  const none = { responseNear: null, responseOverdue: null, completionNear: null, completionOverdue: null };
  const base: EscalationView = {
    status: 'pending',
    respondedAt: null,
    ...orderDeadlines(at('2026-11-22 10:00'), { responseHours: 2, completionHours: 24 }),
    notified: none,
  };

  it('sends nothing before the near mark', () => {
    expect(escalationsDue(base, at('2026-11-22 11:29'))).toEqual([]);
  });
  it('sends "nearly due" at the mark, once', () => {
    expect(escalationsDue(base, at('2026-11-22 11:30'))).toEqual([{ stage: 'responseNear', notify: true }]);
    const marked = { ...base, notified: { ...none, responseNear: at('2026-11-22 11:30') } };
    expect(escalationsDue(marked, at('2026-11-22 11:45'))).toEqual([]);
  });
  it('at the deadline sends the overdue message and marks a missed near stage silently', () => {
    expect(escalationsDue(base, at('2026-11-22 12:00'))).toEqual([
      { stage: 'responseNear', notify: false },
      { stage: 'responseOverdue', notify: true },
    ]);
  });
  it('stops the response stages once the station answered, and follows completion', () => {
    const accepted = { ...base, status: 'accepted' as const, respondedAt: at('2026-11-22 10:30') };
    expect(escalationsDue(accepted, at('2026-11-23 04:00'))).toEqual([{ stage: 'completionNear', notify: true }]);
    expect(escalationsDue(accepted, at('2026-11-23 10:00'))).toEqual([
      { stage: 'completionNear', notify: false },
      { stage: 'completionOverdue', notify: true },
    ]);
  });
  it('follows completion, not response, for an answered order sent back to the pool', () => {
    const returned = { ...base, status: 'pending' as const, respondedAt: at('2026-11-22 10:30') };
    expect(escalationsDue(returned, at('2026-11-22 12:00'))).toEqual([]);
    expect(escalationsDue(returned, at('2026-11-23 04:00'))).toEqual([{ stage: 'completionNear', notify: true }]);
  });
  it('never escalates closed or ended orders', () => {
    for (const status of ['done', 'failed', 'closed', 'declined', 'referred', 'cancelled'] as const) {
      expect(escalationsDue({ ...base, status }, at('2026-12-30 00:00'))).toEqual([]);
    }
  });
});

describe('confirmation, rating and records', () => {
  const now = new Date('2026-11-22T02:00:00Z');
  it('keeps the confirm window open until its end, exclusive', () => {
    expect(withinConfirmWindow(new Date(now.getTime() + 1), now)).toBe(true);
    expect(withinConfirmWindow(now, now)).toBe(false);
    expect(withinConfirmWindow(null, now)).toBe(false);
  });
  it('keeps a rating editable for 7 days', () => {
    expect(canEditOrderRating(new Date(now.getTime() - 7 * 86400_000 + 1), now)).toBe(true);
    expect(canEditOrderRating(new Date(now.getTime() - 7 * 86400_000), now)).toBe(false);
  });
  it('refuses service time in the future or before the order', () => {
    const created = new Date(now.getTime() - 3600_000);
    expect(recordTimeProblem({ startAt: created, minutes: 60 }, { now, orderCreatedAt: created })).toBeNull();
    expect(recordTimeProblem({ startAt: created, minutes: 61 }, { now, orderCreatedAt: created })).toBe(
      '服务时间不能晚于现在',
    );
    expect(
      recordTimeProblem({ startAt: new Date(created.getTime() - 1), minutes: 10 }, { now, orderCreatedAt: created }),
    ).toBe('服务开始时间不能早于下单时间');
  });
  it('names photos only inside their own folder', () => {
    const folder = orderPhotoFolder('st_A', { userId: 'u1' });
    expect(folder).toBe('orders/st_A/new-u1/');
    const path = orderPhotoPath(folder, 'a'.repeat(64), 'jpg');
    expect(path).toBe(`orders/st_A/new-u1/${'a'.repeat(24)}.jpg`);
    expect(isOrderPhotoPath(folder, path)).toBe(true);
    expect(isOrderPhotoPath(orderPhotoFolder('st_A', { userId: 'u2' }), path)).toBe(false);
    expect(isOrderPhotoPath(folder, `${folder}../x/${'a'.repeat(24)}.jpg`)).toBe(false);
    expect(isOrderPhotoPath(folder, `${folder}${'a'.repeat(24)}.gif`)).toBe(false);
    expect(orderPhotoFolder('st_A', { orderId: 'o1' })).toBe('orders/st_A/o1/');
  });
});

describe('the 月报 order section fold', () => {
  const row = (current: number, child: string | null, category: string, channel: string, c: object) => ({
    current,
    child,
    category,
    channel,
    ...c,
  });

  it('adds rows into totals, children, categories and channels with exact rates', () => {
    const folded = foldOrderRows([
      row(1, 'r1', 'elder_care', 'self', {
        received: 4,
        responseDue: 4,
        respondedOnTime: 3,
        completionDue: 3,
        completedOnTime: 2,
        rated: 2,
        ratingSum: 9,
        satisfied: 2,
      }),
      row(1, null, 'elder_care', 'family', {
        received: 2,
        responseDue: 2,
        respondedOnTime: 2,
        completionDue: 1,
        completedOnTime: 1,
        rated: 1,
        ratingSum: 2,
        satisfied: 0,
      }),
      row(1, 'r1', 'legal', 'phone', { received: 1, responseDue: 1, respondedOnTime: 0 }),
      row(0, 'r1', 'elder_care', 'self', { received: 5, responseDue: 5, respondedOnTime: 5 }),
    ]);
    expect(folded.total).toEqual({
      received: 7,
      responseDue: 7,
      respondedOnTime: 5,
      completionDue: 4,
      completedOnTime: 3,
      rated: 3,
      ratingSum: 11,
      satisfied: 2,
      responseRatePermille: 714,
      onTimeRatePermille: 750,
      averageRatingTenths: 37,
      satisfactionPermille: 667,
    });
    expect(folded.previous.received).toBe(5);
    expect(folded.previous.responseRatePermille).toBe(1000);
    expect(folded.byChild.get('r1')?.received).toBe(5);
    expect(folded.byChild.get(null)?.received).toBe(2);
    expect(folded.byCategory.map((c) => [c.category, c.figures.received])).toEqual([
      ['elder_care', 6],
      ['legal', 1],
    ]);
    expect(folded.byChannel).toEqual([
      {
        channel: 'self',
        figures: {
          received: 4,
          responseDue: 4,
          respondedOnTime: 3,
          completionDue: 3,
          completedOnTime: 2,
          rated: 2,
          ratingSum: 9,
          satisfied: 2,
          responseRatePermille: 750,
          onTimeRatePermille: 667,
          averageRatingTenths: 45,
          satisfactionPermille: 1000,
        },
      },
      {
        channel: 'family',
        figures: {
          received: 2,
          responseDue: 2,
          respondedOnTime: 2,
          completionDue: 1,
          completedOnTime: 1,
          rated: 1,
          ratingSum: 2,
          satisfied: 0,
          responseRatePermille: 1000,
          onTimeRatePermille: 1000,
          averageRatingTenths: 20,
          satisfactionPermille: 0,
        },
      },
      { channel: 'phone', figures: orderFiguresFrom({ ...ZERO_ORDER_COUNTS, received: 1, responseDue: 1 }) },
    ]);
    expect(folded.byChannel[2]!.figures).toMatchObject({ responseRatePermille: 0, averageRatingTenths: 0 });
    expect(orderFiguresLine('居民自助点单', folded.byChannel[0]!.figures)).toBe(
      '居民自助点单：4 张 · 响应率 75.0% · 按时办结率 66.7% · 平均评分 4.5 分 · 满意率 100.0%',
    );
    expect(orderFiguresLine('电话代点单', folded.byChannel[2]!.figures)).toBe(
      '电话代点单：1 张 · 响应率 0.0% · 按时办结率 — · 平均评分 — · 满意率 —',
    );
  });

  it('gives zeros, not NaN, with nothing due or rated, and files unknown categories under 其他', () => {
    expect(orderFiguresFrom(ZERO_ORDER_COUNTS)).toMatchObject({
      responseRatePermille: 0,
      onTimeRatePermille: 0,
      averageRatingTenths: 0,
      satisfactionPermille: 0,
    });
    const folded = foldOrderRows([row(1, null, 'from-the-future', 'pigeon', { received: 1 })]);
    expect(folded.byCategory).toEqual([{ category: 'other', figures: expect.objectContaining({ received: 1 }) }]);
    expect(folded.byChannel).toEqual([]);
    expect(folded.total.received).toBe(1);
    expect(formatPermille(0, 0)).toBe('—');
    expect(formatPermille(714, 7)).toBe('71.4%');
  });
});
