import { can } from '../../../shared/domain/policy';
import { isOwnOrder, nextDueAt } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findUserById } from '../../core/repositories/users';
import { findVolunteer } from '../../core/repositories/volunteers';
import { answer, applyTransition } from '../apply';
import { assignedNotice, send } from '../notices';
import { orderFor, volunteerServes } from '../standing';

/**
 * 派单 (or reassign): staff give an order to a social worker of its station or a volunteer
 * registered there — never to the person it is for. One conditional write on the status and
 * holder staff saw; the worker is told. Audited.
 */
export async function dispatchOrder(
  deps: Deps,
  caller: Caller,
  input: { orderId: string; assigneeId: string; note: string },
) {
  const { order, standing } = await orderFor(deps, caller, input.orderId);
  const target = await findUserById(deps.db, input.assigneeId);
  if (!target) throw new AppError('NOT_FOUND', { userMessage: '没有找到这位社工或志愿者' });
  if (isOwnOrder(order, target._id)) throw new AppError('OWN_ORDER');
  let kind: 'staff' | 'volunteer' | null = can(target, 'order:manage', { stationPath: order.stationPath })
    ? 'staff'
    : null;
  if (!kind) {
    const volunteer = await findVolunteer(deps.db, target._id);
    if (volunteer && volunteerServes(volunteer, order.stationPath)) kind = 'volunteer';
  }
  if (!kind) throw new AppError('NOT_ELIGIBLE_WORKER', { userMessage: '只能派给本站社工或本站登记的志愿者' });
  const next = await applyTransition(deps, {
    order,
    action: 'dispatch',
    standing,
    where: { assigneeId: order.assigneeId },
    set: {
      assigneeId: target._id,
      assigneeKind: kind,
      assigneeName: target.nickname,
      scheduledAt: null,
      nextDueAt: nextDueAt({ status: 'assigned', respondedAt: order.respondedAt }, order),
    },
    subjectName: target.nickname,
    note: input.note || null,
  });
  await send(deps, [assignedNotice(next, target._id)]);
  return answer(deps, next, standing);
}
