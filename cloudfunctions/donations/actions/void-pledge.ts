import { canTransitionPledge } from '../../../shared/domain/donation';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { notify } from '../../core/notify';
import { appendAudit } from '../../core/repositories/audit';
import { findPledge, transitionPledge } from '../../core/repositories/donations';
import { pledgeLeavesOpen } from '../need-counters';
import { pledgeVoidedNotice } from '../notices';
import { staffPledge } from '../pledge-access';
import { staffPledgeView } from '../photos';

/**
 * Staff void an undelivered pledge — one that blocks a need, or that nobody will deliver — with a
 * reason: it leaves the need's counts by the same conditional step as any other exit, the donor is
 * told in 消息, and the audit log keeps who and why.
 */
export async function voidPledge(deps: Deps, caller: Caller, input: { pledgeId: string; reason: string }) {
  const staff = requireUser(caller);
  const found = await staffPledge(deps, caller, input.pledgeId);
  const now = deps.now();
  const refusal = new AppError('ILLEGAL_TRANSITION', { userMessage: '只有尚未送达的认捐可以作废' });
  if (!canTransitionPledge(found.status, 'voided', 'staff')) throw refusal;
  const done = await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['pledged'],
    set: { status: 'voided', voidReason: input.reason },
    event: { at: now, label: `站点作废了此认捐：${input.reason}` },
    now,
  });
  if (!done) throw refusal;
  await pledgeLeavesOpen(deps, found, { now });
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'pledge.void',
    entity: 'station',
    entityId: found._id,
    stationId: found.stationId,
    from: { status: 'pledged' },
    to: { status: 'voided' },
    reason: input.reason,
  });
  await notify(deps, [pledgeVoidedNotice(found, input.reason)]);
  return staffPledgeView(deps, (await findPledge(deps.db, found._id))!, now);
}
