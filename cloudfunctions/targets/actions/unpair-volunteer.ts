import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { readTarget, updateTargetAtRev } from '../../core/repositories/targets';
import { auditTarget, readerFor } from '../support';

/** End a pairing: the volunteer no longer sees the task. */
export async function unpairVolunteer(deps: Deps, caller: Caller, input: { targetId: string; userId: string }) {
  const user = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  if (!target.pairedVolunteerIds.includes(input.userId)) return { pairedVolunteers: target.pairedVolunteers };
  const pairedVolunteers = target.pairedVolunteers.filter((p) => p.userId !== input.userId);
  const applied = await updateTargetAtRev(deps.db, target._id, target.rev, {
    pairedVolunteers,
    pairedVolunteerIds: pairedVolunteers.map((p) => p.userId),
    updatedAt: deps.now(),
  });
  if (!applied) throw new AppError('CONFLICT');
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.unpair',
    entityId: target._id,
    stationId: target.stationId,
    from: { userId: input.userId },
    to: null,
  });
  return { pairedVolunteers };
}
