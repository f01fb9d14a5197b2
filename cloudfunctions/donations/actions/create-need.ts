import type { z } from 'zod';
import type { ZNeedInput } from '../../../shared/contracts/donations';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { NeedDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import { appendAudit } from '../../core/repositories/audit';
import { findCharity, insertNeed } from '../../core/repositories/donations';
import { linkedActivity } from '../linked-activity';
import { toNeed } from '../mappers';

/** Staff publish a need; a funds need must name a charity of the district (the app never takes money). */
export async function createNeed(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; data: z.output<typeof ZNeedInput> },
) {
  const staff = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'donation:manage');
  const { data } = input;
  const now = deps.now();
  if (new Date(data.deadline) <= now)
    throw new AppError('INVALID_INPUT', {
      userMessage: '截止时间须晚于现在',
      fields: { 'data.deadline': '截止时间须晚于现在' },
    });
  let charityId: string | null = null;
  if (data.kind === 'funds_via_charity') {
    const charity = data.charityId ? await findCharity(deps.db, data.charityId) : null;
    if (!charity || !station.path.includes(charity.centerId)) throw new AppError('CHARITY_REQUIRED');
    charityId = charity._id;
  }
  if (data.activityId) await linkedActivity(deps, data.activityId, station._id);
  const need: NeedDoc = {
    _id: newId('n'),
    stationId: station._id,
    stationName: station.name,
    stationPath: station.path,
    title: data.title,
    kind: data.kind,
    unit: data.unit,
    targetQuantity: data.targetQuantity,
    unitValueFen: data.unitValueFen,
    pledgedQuantity: 0,
    receivedQuantity: 0,
    overPledgePercent: data.overPledgePercent,
    deadline: new Date(data.deadline),
    beneficiaryGroup: data.beneficiaryGroup,
    description: data.description,
    activityId: data.activityId ?? null,
    charityId,
    status: 'open',
    createdBy: staff.userId,
    createdAt: now,
    updatedAt: now,
  };
  await insertNeed(deps.db, need);
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'need.create',
    entity: 'station',
    entityId: need._id,
    stationId: station._id,
    from: null,
    to: { title: need.title, targetQuantity: need.targetQuantity },
  });
  return toNeed(need);
}
