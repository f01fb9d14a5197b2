import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findPendingClaims, findUnreviewedAutoClosed } from '../../core/repositories/hours';

import { toClaim, toEntry } from '../mappers';

/** What staff of a station subtree must look at: pending claims and auto-closed check-outs. */
export async function reviewQueue(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; page: number; pageSize: number },
) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'hours:approve');
  const [claims, autoClosed] = await Promise.all([
    findPendingClaims(deps.db, station._id, input),
    findUnreviewedAutoClosed(deps.db, station._id, 100),
  ]);
  return {
    claims: claims.map(toClaim),
    autoClosed: autoClosed.map((e) => ({ ...toEntry(e), volunteerName: e.volunteerName })),
  };
}
