import { AppError } from '../../shared/errors';
import { assertCan } from '../core/authorize';
import type { Caller, UserCaller } from '../core/caller';
import type { Deps } from '../core/deps';
import type { PledgeDoc } from '../core/documents';
import { findPledge } from '../core/repositories/donations';

/** A pledge of a station subtree the caller manages (`donation:manage`), or NOT_FOUND / FORBIDDEN. */
export async function staffPledge(deps: Deps, caller: Caller, pledgeId: string): Promise<PledgeDoc> {
  const found = await findPledge(deps.db, pledgeId);
  if (!found) throw new AppError('NOT_FOUND', { userMessage: '认捐记录不存在' });
  assertCan(caller, 'donation:manage', { stationPath: found.stationPath });
  return found;
}

/** The donor's own pledge; someone else's answers NOT_FOUND, as if it did not exist. */
export async function donorPledge(deps: Deps, donor: UserCaller, pledgeId: string): Promise<PledgeDoc> {
  const found = await findPledge(deps.db, pledgeId);
  if (!found || found.donorId !== donor.userId) throw new AppError('NOT_FOUND', { userMessage: '认捐记录不存在' });
  return found;
}
