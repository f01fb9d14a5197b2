import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { notify } from '../../core/notify';
import { appendAudit } from '../../core/repositories/audit';
import { decideDispute, findDispute } from '../../core/repositories/volunteers';
import { toIdDispute } from '../mappers';
import { idDisputeNotices } from '../notices';

/**
 * Staff of the dispute's station, having checked the claimant's paper ID in person, uphold it —
 * the holder's registration gives the number up (their own hours stay theirs, never moved to the
 * owner, who registers afresh) — or reject it. Decided once, audited with the reason but never the
 * number, both people told. Nobody decides a dispute they are part of.
 */
export async function resolveIdDispute(
  deps: Deps,
  caller: Caller,
  input: { disputeId: string; decision: 'uphold' | 'reject'; reason: string },
) {
  const staff = requireUser(caller);
  const dispute = await findDispute(deps.db, input.disputeId);
  if (!dispute) throw new AppError('NOT_FOUND', { userMessage: '没有这条核实申请' });
  assertCan(caller, 'hours:approve', { stationPath: dispute.stationPath });
  if (staff.userId === dispute.claimantId || staff.userId === dispute.holderId) {
    throw new AppError('SELF_REVIEW', { userMessage: '不能处理与自己有关的核实申请，请由其他社工处理' });
  }
  const now = deps.now();
  const decided = await decideDispute(deps.db, {
    disputeId: dispute._id,
    upheld: input.decision === 'uphold',
    resolution: input.reason,
    by: staff.userId,
    at: now,
  });
  if (!decided) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该申请已处理' });
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: decided.status === 'upheld' ? 'volunteer.disputeUphold' : 'volunteer.disputeReject',
    entity: 'volunteer',
    entityId: dispute._id,
    stationId: dispute.stationId,
    from: { status: 'open' },
    to: { status: decided.status, idMasked: dispute.idMasked },
    reason: input.reason,
  });
  await notify(deps, idDisputeNotices(decided));
  return toIdDispute(decided);
}
