import type { z } from 'zod';
import type { ZCreateFromVisitRequest } from '../../../shared/contracts/orders';
import { containsPaymentNumber } from '../../../shared/domain/payment-numbers';
import { orderRoles } from '../../../shared/domain/orders';
import { checklistLabel, type ChecklistItem } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { OrderSourceDoc } from '../../core/documents/orders';
import type { VisitDoc } from '../../core/documents/targets';
import { appendAudit } from '../../core/repositories/audit';
import { createOrder, orderIdFor } from '../../core/repositories/orders';
import { findStation } from '../../core/repositories/stations';
import { findVisit, linkFollowUpOrder, readVisitForOrder } from '../../core/repositories/visits';
import { viewFor } from '../apply';
import { policyFor } from '../menu-view';
import { checkOrderAsk } from '../place';

/** What a free-form order raised from a visit asks for; the follow-up note says the rest. */
export const VISIT_ORDER_TITLE = '探访跟进';

/**
 * 转为服务单: staff of a visit's station turn a counted visit's abnormal item into a service order
 * for the person visited, at the person's station. Only what the service needs goes into the
 * order (the name as staff see it, the first phone, the address, the follow-up note) — never
 * categories, ID or notes. The follow-up is claimed first by one conditional write, so one visit
 * follow-up gives one order however often (or however many staff at once) ask; a retry after a
 * lost answer finds the claim and the existing order. Read logged, audited.
 */
export async function createFromVisit(deps: Deps, caller: Caller, input: z.output<typeof ZCreateFromVisitRequest>) {
  const staff = requireUser(caller);
  const now = deps.now();
  const source: OrderSourceDoc = { kind: 'visit', visitId: input.visitId, item: input.item };
  const orderId = orderIdFor({ source });
  const { visit, target } = await readVisitForOrder(
    deps.db,
    { caller: staff, purpose: 'visits', now },
    input.visitId,
    (v) => assertOrderable(v, input.item, orderId),
  );
  if (target.status !== 'active') throw new AppError('TARGET_CLOSED');
  const note = visit.followUp!.note;

  const address = [target.address.area, target.address.building, target.address.room].join('');
  const { station, item, delivery } = await checkOrderAsk(
    deps,
    { stationId: target.stationId, itemId: input.itemId, address },
    await findStation(deps.db, target.stationId),
    { userId: staff.userId },
  );
  assertCan(staff, 'order:manage', { stationPath: station.path });
  // The claim decides: whoever links the follow-up first owns it; a repeat of the same item finds
  // its own id there and goes on to the (idempotent) insert.
  if (visit.followUp!.orderId === null && !(await linkFollowUpOrder(deps.db, visit._id, orderId))) {
    // Someone linked it meanwhile: the same item (then go on) or another one (refused).
    const again = await findVisit(deps.db, visit._id);
    if (again?.followUp?.orderId !== orderId) throw new AppError('FOLLOW_UP_LINKED');
  }
  const { order, created } = await createOrder(
    deps.db,
    {
      id: orderId,
      station,
      item,
      // Neutral on purpose: the checklist item may be about health, which the order does not carry.
      title: item ? null : VISIT_ORDER_TITLE,
      description: note,
      photoFileId: null,
      preferredTime: 'anytime',
      timeNote: '',
      delivery,
      urgent: input.urgent,
      channel: 'visit',
      orderedBy: { userId: staff.userId, name: staff.user.nickname },
      recipient: { userId: null, name: target.name, relationship: null },
      contactPhone: target.phones[0] ?? '',
      address,
      proxy: null,
      source,
      policy: await policyFor(deps, station.path[0]!),
    },
    now,
  );
  if (created) {
    await appendAudit(deps.db, {
      at: now,
      actorId: staff.userId,
      action: 'order.createFromVisit',
      entity: 'order',
      entityId: order._id,
      stationId: order.stationId,
      from: null,
      to: { status: order.status, itemName: order.itemName, channel: order.channel, visitId: visit._id },
    });
  }
  const standing = {
    user: staff,
    roles: orderRoles(order, { userId: staff.userId, isStaff: true, isWorker: true }),
    isStaff: true,
    isWorker: true,
    workerKind: 'staff' as const,
  };
  return viewFor(deps, order, standing, 'staff');
}

/**
 * Refuse a visit whose follow-up cannot become this order: not counted (a volunteer visit staff
 * have not confirmed), the item not abnormal, a note carrying payment numbers, or the follow-up
 * already linked to another order (the same order is fine: a repeat).
 */
function assertOrderable(visit: VisitDoc, item: ChecklistItem, orderId: string): void {
  if (visit.status !== 'counted')
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该探访尚未确认计入，不能转为服务单' });
  if (visit.checklist[item] !== 'abnormal' || !visit.followUp)
    throw new AppError('RULE_VIOLATION', {
      userMessage: `探访中“${checklistLabel(item)}”不是异常项`,
      fields: { item: '请选择本次探访的异常项' },
    });
  if (visit.followUp.orderId !== null && visit.followUp.orderId !== orderId) throw new AppError('FOLLOW_UP_LINKED');
  if (containsPaymentNumber(visit.followUp.note))
    throw new AppError('RULE_VIOLATION', { userMessage: '跟进事项中含有银行卡号、账号等信息，请先更正' });
}
