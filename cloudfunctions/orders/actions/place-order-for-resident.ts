import type { z } from 'zod';
import type { ZPlaceForResidentRequest } from '../../../shared/contracts/orders';
import { orderRoles } from '../../../shared/domain/orders';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { createOrder, orderIdFor } from '../../core/repositories/orders';
import { viewFor } from '../apply';
import { policyFor } from '../menu-view';
import { checkOrderAsk } from '../place';

/**
 * 代点单: staff take an order by phone or at the desk for someone without a phone. Staff vouch
 * for "service targets only" items. The resident is named, not linked to an account; staff speak
 * for them afterwards (confirm, record their rating). Audited.
 */
export async function placeOrderForResident(
  deps: Deps,
  caller: Caller,
  input: z.output<typeof ZPlaceForResidentRequest>,
) {
  const staff = requireUser(caller);
  const { station, item, delivery } = await checkOrderAsk(
    deps,
    input,
    await stationWithPermission(deps, caller, input.stationId, 'order:manage'),
    { userId: staff.userId },
  );
  const policy = await policyFor(deps, station.path[0]!);
  const now = deps.now();
  const { order, created } = await createOrder(
    deps.db,
    {
      id: input.clientKey ? orderIdFor({ userId: staff.userId, clientKey: input.clientKey }) : undefined,
      station,
      item,
      title: input.title ?? null,
      description: input.description,
      photoFileId: input.photoFileId ?? null,
      preferredTime: input.preferredTime,
      timeNote: input.timeNote,
      delivery,
      urgent: input.urgent,
      channel: input.via,
      orderedBy: { userId: staff.userId, name: staff.user.nickname },
      recipient: { userId: null, name: input.recipientName, relationship: null },
      contactPhone: input.contactPhone,
      address: input.address,
      proxy: { staffId: staff.userId, staffName: staff.user.nickname, via: input.via },
      source: null,
      policy,
    },
    now,
  );
  if (created) {
    await appendAudit(deps.db, {
      at: now,
      actorId: staff.userId,
      action: 'order.placeForResident',
      entity: 'order',
      entityId: order._id,
      stationId: order.stationId,
      from: null,
      to: { status: order.status, itemName: order.itemName, channel: order.channel },
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
