import { canTransitionPledge } from '../../../shared/domain/donation';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findCharity, findPledge, transitionPledge } from '../../core/repositories/donations';
import { toPledge } from '../mappers';
import { donorPledge } from '../pledge-access';
import { pledgeLeavesOpen } from '../need-counters';

/** The donor cancels before the station received anything; the need counts it no more. */
export async function cancelPledge(deps: Deps, caller: Caller, input: { pledgeId: string }) {
  const donor = requireUser(caller);
  const now = deps.now();
  const found = await donorPledge(deps, donor, input.pledgeId);
  if (!canTransitionPledge(found.status, 'cancelled', 'donor'))
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '站点已接收，不能取消' });
  const done = await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['pledged'],
    set: { status: 'cancelled' },
    event: { at: now, label: '捐赠人取消了认捐' },
    now,
  });
  if (!done) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '站点已接收，不能取消' });
  await pledgeLeavesOpen(deps, found, { now });
  const fresh = (await findPledge(deps.db, found._id))!;
  return toPledge(fresh, {
    charity: found.charityId ? await findCharity(deps.db, found.charityId) : null,
    distributions: [],
  });
}
