import type { MajorEvent } from '../../../shared/domain/targets';
import { URGENT_VISIT_HOURS } from '../../../shared/domain/visit-plan';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { readTarget, updateTargetAtRev } from '../../core/repositories/targets';
import { assertActive, auditTarget, readerFor } from '../support';

/**
 * A major event (hospitalisation, bereavement, disaster): the record is due for a visit within 24
 * hours; the next counted visit clears it. Written at the revision just read.
 */
export async function flagEvent(
  deps: Deps,
  caller: Caller,
  input: { targetId: string; event: MajorEvent; note: string },
) {
  const user = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  assertActive(target);
  const now = deps.now();
  const applied = await updateTargetAtRev(deps.db, target._id, target.rev, {
    urgent: { event: input.event, note: input.note, since: now },
    updatedAt: now,
  });
  if (!applied) throw new AppError('CONFLICT');
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.flag',
    entityId: target._id,
    stationId: target.stationId,
    from: null,
    to: { event: input.event },
  });
  return { targetId: target._id, dueBy: new Date(now.getTime() + URGENT_VISIT_HOURS * 3_600_000) };
}
