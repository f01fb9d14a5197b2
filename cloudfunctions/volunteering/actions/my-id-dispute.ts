import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findLatestDisputeOf } from '../../core/repositories/volunteers';
import { toIdDispute } from '../mappers';

/** The caller's latest ID dispute and its outcome, or null. */
export async function myIdDispute(deps: Deps, caller: Caller) {
  const user = requireUser(caller);
  const dispute = await findLatestDisputeOf(deps.db, user.userId);
  return dispute ? toIdDispute(dispute) : null;
}
