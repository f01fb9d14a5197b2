import type { z } from 'zod';
import type { ZTargetInput } from '../../../shared/contracts/targets';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { readTarget, updateTargetAtRev, type TargetPatch } from '../../core/repositories/targets';
import { assertActive, auditTarget, continueSpans, existingStation, readerFor, spanOf } from '../support';
import { fieldsFromInput } from '../target-fields';

/**
 * Change a record as the editor saw it at `rev`: if anyone changed it since, STALE_EDIT and the page
 * shows the current version — never a silent overwrite. A new tier or category set starts a new
 * span (past months keep theirs); withdrawing consent drops what only consent allowed.
 */
export async function updateTarget(
  deps: Deps,
  caller: Caller,
  input: { targetId: string; rev: number; data: z.output<typeof ZTargetInput> },
) {
  const user = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  assertActive(target);
  if (target.rev !== input.rev) throw new AppError('STALE_EDIT');
  const station = await existingStation(deps, target.stationId);
  const now = deps.now();
  const fields = await fieldsFromInput(deps, {
    caller: user,
    station,
    targetId: target._id,
    input: input.data,
    existing: target,
  });
  const regrouped = fields.tier !== target.tier || fields.categories.join(',') !== target.categories.join(',');
  const patch: TargetPatch = { ...fields, updatedAt: now };
  if (regrouped) patch.spans = continueSpans(target.spans, now, 'change', spanOf(station, fields, now));
  if (fields.consent.status === 'none' && target.pairedVolunteerIds.length) {
    patch.pairedVolunteers = [];
    patch.pairedVolunteerIds = [];
  }
  if (!(await updateTargetAtRev(deps.db, target._id, input.rev, patch))) throw new AppError('STALE_EDIT');
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
    (key) => JSON.stringify(fields[key]) !== JSON.stringify(target[key]),
  );
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.update',
    entityId: target._id,
    stationId: target.stationId,
    from: null,
    to: { changed: changed.filter((key) => key !== 'phoneTails') },
  });
  return { targetId: target._id, rev: input.rev + 1 };
}
