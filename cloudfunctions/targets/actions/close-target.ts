import type { CloseReason } from '../../../shared/domain/targets';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { readTarget, updateTargetAtRev } from '../../core/repositories/targets';
import { assertActive, auditTarget, continueSpans, readerFor } from '../support';

/**
 * Close a record (moved away, deceased, no longer eligible): it leaves the plan and the lists of
 * active records, keeps its visits and history, and still counts for the months it was active.
 */
export async function closeTarget(
  deps: Deps,
  caller: Caller,
  input: { targetId: string; rev: number; reason: CloseReason; note: string },
) {
  const user = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  assertActive(target);
  if (target.rev !== input.rev) throw new AppError('STALE_EDIT');
  const now = deps.now();
  const applied = await updateTargetAtRev(deps.db, target._id, input.rev, {
    status: 'closed',
    close: { reason: input.reason, note: input.note, at: now, by: user.userId },
    spans: continueSpans(target.spans, now, 'close', null),
    urgent: null,
    updatedAt: now,
  });
  if (!applied) throw new AppError('STALE_EDIT');
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.close',
    entityId: target._id,
    stationId: target.stationId,
    from: { status: 'active' },
    to: { status: 'closed', reason: input.reason },
    reason: input.note || undefined,
  });
  return { targetId: target._id, rev: input.rev + 1 };
}
