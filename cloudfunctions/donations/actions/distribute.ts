import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { DistributionDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import { notify } from '../../core/notify';
import { appendAudit } from '../../core/repositories/audit';
import {
  addDistributedQuantity,
  findPledge,
  insertDistribution,
  transitionPledge,
} from '../../core/repositories/donations';
import { linkedActivity } from '../linked-activity';
import { ANONYMOUS_DONOR } from '../mappers';
import { pledgeDistributedNotice } from '../notices';
import { staffPledge } from '../pledge-access';
import { staffPledgeView } from '../photos';

/**
 * Record where received goods went. One conditional write keeps the distributed total within
 * what was received; once everything is out the pledge becomes `distributed`. A named activity
 * must be a public one of the pledge's station subtree (its title reaches the public ledger).
 * The donor is told where it went.
 */
export async function distribute(
  deps: Deps,
  caller: Caller,
  input: { pledgeId: string; quantity: number; beneficiaryGroup: string; activityId?: string; note: string },
) {
  const staff = requireUser(caller);
  const found = await staffPledge(deps, caller, input.pledgeId);
  const now = deps.now();
  if (found.status !== 'received')
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '只有已接收的认捐可以登记发放' });
  const activity = input.activityId ? await linkedActivity(deps, input.activityId, found.stationId) : null;
  const counted = await addDistributedQuantity(deps.db, {
    pledgeId: found._id,
    quantity: input.quantity,
    receivedQuantity: found.receivedQuantity,
    event: {
      at: now,
      label: `发放 ${input.quantity}${found.unit} 给${input.beneficiaryGroup}${activity ? `（${activity.title}）` : ''}`,
    },
    now,
  });
  if (!counted) throw new AppError('DISTRIBUTE_MORE_THAN_RECEIVED');
  const row: DistributionDoc = {
    _id: newId('d'),
    pledgeId: found._id,
    stationId: found.stationId,
    stationPath: found.stationPath,
    needTitle: found.needTitle,
    donorName: found.anonymous ? ANONYMOUS_DONOR : found.donorName,
    unit: found.unit,
    quantity: input.quantity,
    beneficiaryGroup: input.beneficiaryGroup,
    activityId: activity?._id ?? null,
    activityTitle: activity?.title ?? null,
    note: input.note,
    by: staff.userId,
    at: now,
  };
  await insertDistribution(deps.db, row);
  await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['received'],
    where: { distributedQuantity: found.receivedQuantity },
    set: { status: 'distributed' },
    event: { at: now, label: '已全部发放' },
    now,
  });
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'pledge.distribute',
    entity: 'station',
    entityId: found._id,
    stationId: found.stationId,
    from: null,
    to: { quantity: input.quantity, beneficiaryGroup: input.beneficiaryGroup },
  });
  await notify(deps, [pledgeDistributedNotice(found, row)]);
  return staffPledgeView(deps, (await findPledge(deps.db, found._id))!, now);
}
