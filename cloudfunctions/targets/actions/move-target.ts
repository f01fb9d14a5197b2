import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { readTarget, updateTargetAtRev } from '../../core/repositories/targets';
import {
  assertActive,
  assertTargetStation,
  auditTarget,
  continueSpans,
  existingStation,
  readerFor,
  spanOf,
} from '../support';

/**
 * Move a record to another 站 or 室 of the same district: it belongs to exactly one station at a
 * time, so the move is one conditional write of the station, its path and a new span. The new
 * station assigns its own worker and volunteers. Audited at both stations; the old one keeps the
 * move in its 已转出 list, the record's history shows both.
 */
export async function moveTarget(
  deps: Deps,
  caller: Caller,
  input: { targetId: string; rev: number; toStationId: string; reason: string },
) {
  const user = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  assertActive(target);
  if (target.rev !== input.rev) throw new AppError('STALE_EDIT');
  const to = await existingStation(deps, input.toStationId);
  assertTargetStation(to);
  if (to.path[0] !== target.centerId)
    throw new AppError('RULE_VIOLATION', {
      userMessage: '只能转到本区的社工站或社工室',
      fields: { toStationId: '请选择本区站点' },
    });
  if (to._id === target.stationId)
    throw new AppError('RULE_VIOLATION', {
      userMessage: '该对象已在这个站点',
      fields: { toStationId: '请选择其他站点' },
    });
  const now = deps.now();
  const applied = await updateTargetAtRev(deps.db, target._id, input.rev, {
    stationId: to._id,
    stationName: to.name,
    stationPath: to.path,
    spans: continueSpans(target.spans, now, 'move', spanOf(to, target, now)),
    responsibleWorkerId: null,
    responsibleWorkerName: null,
    pairedVolunteers: [],
    pairedVolunteerIds: [],
    updatedAt: now,
  });
  if (!applied) throw new AppError('STALE_EDIT');
  for (const stationId of [target.stationId, to._id]) {
    await auditTarget(deps, {
      actorId: user.userId,
      action: 'target.move',
      entityId: target._id,
      stationId,
      from: { stationName: target.stationName },
      to: { stationName: to.name },
      reason: input.reason,
    });
  }
  return { targetId: target._id, rev: input.rev + 1 };
}
