import { canTransitionPledge, formatFen, isValueSetByDonor, valueFen } from '../../../shared/domain/donation';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { notify } from '../../core/notify';
import { appendAudit } from '../../core/repositories/audit';
import { findNeed, findPledge, markNeedFulfilledIfMet, transitionPledge } from '../../core/repositories/donations';
import { toStaffPledge } from '../mappers';
import { pledgeReceivedNotice } from '../notices';
import { staffPledge } from '../pledge-access';
import { assertArrivalPhoto } from '../photos';
import { pledgeLeavesOpen } from '../need-counters';

/**
 * Staff confirm what actually arrived (possibly less, possibly more than pledged) and what a unit
 * is worth: a donor's own figure must be confirmed or corrected here, a need's stands unless
 * corrected. The received value is recomputed in integer fen within the ceiling, and the need's
 * received total moves with it.
 * The donor is told (消息, and a subscription message on weapp when they consented).
 */
export async function confirmArrival(
  deps: Deps,
  caller: Caller,
  input: { pledgeId: string; receivedQuantity: number; unitValueFen?: number; note: string; photoFileId?: string },
) {
  const staff = requireUser(caller);
  const found = await staffPledge(deps, caller, input.pledgeId);
  const now = deps.now();
  if (!canTransitionPledge(found.status, 'received', 'staff'))
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该认捐已接收或已结束' });
  const donorValued = isValueSetByDonor(found);
  if (donorValued && input.unitValueFen === undefined) {
    const problem = `请核对并填写每${found.unit}的价值（捐赠人填写 ${formatFen(found.unitValueFen)}）`;
    throw new AppError('INVALID_INPUT', { userMessage: problem, fields: { unitValueFen: problem } });
  }
  const unitValueFen = input.unitValueFen ?? found.unitValueFen;
  const receivedValueFen = valueFen(input.receivedQuantity, unitValueFen);
  if (receivedValueFen === null) {
    const problem = '估值过大，请核对接收数量和单价';
    throw new AppError('INVALID_INPUT', { userMessage: problem, fields: { receivedQuantity: problem } });
  }
  const photoLinks = input.photoFileId ? await assertArrivalPhoto(deps, found, input.photoFileId) : new Map();
  const label =
    (input.receivedQuantity < found.quantity
      ? `站点已接收 ${input.receivedQuantity}/${found.quantity}${found.unit}（部分到达）`
      : `站点已接收 ${input.receivedQuantity}${found.unit}，价值约 ${formatFen(receivedValueFen)}`) +
    (input.photoFileId ? '，附到货照片' : '');
  const done = await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['pledged'],
    set: {
      status: 'received',
      receivedQuantity: input.receivedQuantity,
      receivedValueFen,
      receivedAt: now,
      partial: input.receivedQuantity < found.quantity,
      arrivalNote: input.note || null,
      photoFileId: input.photoFileId ?? null,
    },
    event: { at: now, label },
    now,
  });
  if (!done) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该认捐已接收或已结束' });
  if (found.needId) {
    await pledgeLeavesOpen(deps, found, { received: input.receivedQuantity, now });
    const need = await findNeed(deps.db, found.needId);
    if (need) await markNeedFulfilledIfMet(deps.db, need._id, need.targetQuantity, now);
  }
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'pledge.receive',
    entity: 'station',
    entityId: found._id,
    stationId: found.stationId,
    from: { status: 'pledged' },
    to: {
      status: 'received',
      receivedQuantity: input.receivedQuantity,
      receivedValueFen,
      unitValueFen,
      ...(donorValued ? { donorUnitValueFen: found.unitValueFen } : {}),
      ...(input.photoFileId ? { photoFileId: input.photoFileId } : {}),
    },
    ...(input.note ? { reason: input.note } : {}),
  });
  await notify(deps, [pledgeReceivedNotice(found, input.receivedQuantity)]);
  return toStaffPledge((await findPledge(deps.db, found._id))!, now, photoLinks);
}
