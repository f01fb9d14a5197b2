import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { noteCountedVisit } from '../../core/repositories/targets';
import { decidePendingVisit, readVisit } from '../../core/repositories/visits';
import { auditTarget, readerFor } from '../support';

/**
 * Staff of the visit's station confirm a volunteer's visit (from then on it counts towards the plan
 * and the visit rate) or reject it with a reason. One conditional write on the pending row; never
 * one's own visit.
 */
export async function confirmVisit(
  deps: Deps,
  caller: Caller,
  input: { visitId: string; decision: 'confirm' | 'reject'; reason: string },
) {
  const reader = readerFor(deps, caller, 'visits');
  const visit = await readVisit(deps.db, reader, input.visitId);
  if (!can(reader.caller, 'visits:record', { stationPath: visit.stationPath })) throw new AppError('FORBIDDEN');
  if (visit.authorId === reader.caller.userId)
    throw new AppError('SELF_REVIEW', { userMessage: '不能确认自己记录的探访' });
  if (visit.status !== 'pending') throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该探访已确认或已退回' });
  if (input.decision === 'reject' && !input.reason)
    throw new AppError('INVALID_INPUT', { fields: { reason: '请填写不计入的原因' } });
  const status = input.decision === 'confirm' ? 'counted' : 'rejected';
  const decided = await decidePendingVisit(deps.db, visit._id, {
    status,
    by: reader.caller.userId,
    byName: reader.caller.user.nickname,
    at: reader.now,
    reason: input.decision === 'reject' ? input.reason : null,
  });
  if (!decided) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该探访已确认或已退回' });
  // The record's open event may be answered by this visit; the write checks it (no extra read).
  if (status === 'counted') await noteCountedVisit(deps.db, visit.targetId, { at: visit.startAt, answersUrgent: true });
  await auditTarget(deps, {
    entity: 'visit',
    actorId: reader.caller.userId,
    action: input.decision === 'confirm' ? 'visit.confirm' : 'visit.reject',
    entityId: visit._id,
    stationId: visit.stationId,
    from: { status: 'pending' },
    to: { status },
    reason: input.reason || undefined,
  });
  return { visitId: visit._id, status };
}
