import type { Deps } from '../core/deps';
import type { PledgeDoc } from '../core/documents';
import { adjustNeedCounters } from '../core/repositories/donations';

/**
 * A pledge stops being undelivered: it left (cancelled, lapsed, voided) and its quantity no longer
 * counts against the need, or it arrived (`received`) and the need's received total grows. Either
 * way the donor's open share shrinks (for pledges counted in it). One write on the need.
 */
export async function pledgeLeavesOpen(
  deps: Deps,
  pledge: PledgeDoc,
  change: { received?: number; now: Date },
): Promise<void> {
  if (!pledge.needId) return;
  await adjustNeedCounters(deps.db, {
    needId: pledge.needId,
    ...(change.received === undefined ? { pledged: -pledge.quantity } : { received: change.received }),
    ...(pledge.shareCounted ? { open: { donorId: pledge.donorId, delta: -pledge.quantity } } : {}),
    now: change.now,
  });
}
