import type { z } from 'zod';
import type { ZPlaceOrderRequest } from '../../../shared/contracts/orders';
import { can } from '../../../shared/domain/policy';
import { orderRoles } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { createOrder, orderIdFor } from '../../core/repositories/orders';
import { targetRoster } from '../../core/target-roster';
import { viewFor } from '../apply';
import { policyFor } from '../menu-view';
import { checkOrderAsk, stationOf } from '../place';

/**
 * 点单: a resident orders an item of their station's menu (or asks for something off it, which
 * goes to triage) — for themself, or as a family member for an elder (naming them and the
 * relationship). "Service targets only" items need a link to an active target record of the
 * station (本人 for oneself, 家属 for the person ordered for; ADR 0027). The same
 * `clientKey` twice is one order. Four reads and one write (one storage call more with a photo).
 */
export async function placeOrder(deps: Deps, caller: Caller, input: z.output<typeof ZPlaceOrderRequest>) {
  const user = requireUser(caller);
  const { station, item, delivery } = await checkOrderAsk(deps, input, await stationOf(deps, input.stationId), {
    userId: user.userId,
  });
  if (item?.audience === 'targets') {
    const onRoster = await targetRoster.isServiceTarget(deps, {
      userId: user.userId,
      stationId: station._id,
      as: input.forOther ? 'family' : 'self',
    });
    if (!onRoster) throw new AppError('TARGETS_ONLY');
  }
  const policy = await policyFor(deps, station.path[0]!);
  const { order } = await createOrder(
    deps.db,
    {
      id: input.clientKey ? orderIdFor({ userId: user.userId, clientKey: input.clientKey }) : undefined,
      station,
      item,
      title: input.title ?? null,
      description: input.description,
      photoFileId: input.photoFileId ?? null,
      preferredTime: input.preferredTime,
      timeNote: input.timeNote,
      delivery,
      urgent: input.urgent,
      channel: input.forOther ? 'family' : 'self',
      orderedBy: { userId: user.userId, name: user.user.nickname },
      recipient: input.forOther
        ? { userId: null, name: input.forOther.recipientName, relationship: input.forOther.relationship }
        : { userId: user.userId, name: user.user.nickname, relationship: null },
      contactPhone: input.contactPhone,
      address: input.address,
      proxy: null,
      source: null,
      policy,
    },
    deps.now(),
  );
  if (order.orderedBy !== user.userId) throw new AppError('CONFLICT');
  const isStaff = can(caller, 'order:manage', { stationPath: order.stationPath });
  const standing = {
    user,
    roles: orderRoles(order, { userId: user.userId, isStaff, isWorker: false }),
    isStaff,
    isWorker: false,
    workerKind: null,
  };
  return viewFor(deps, order, standing, 'owner');
}
