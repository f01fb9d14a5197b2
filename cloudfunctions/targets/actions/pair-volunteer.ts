import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { readTarget, updateTargetAtRev } from '../../core/repositories/targets';
import { findVolunteerByPhone } from '../../core/repositories/volunteers';
import { assertActive, auditTarget, MAX_PAIRED_VOLUNTEERS, readerFor } from '../support';

/**
 * Pair a registered (real-name) volunteer with a record, found by the phone they registered with.
 * The volunteer then sees the masked task and may record volunteer visits. Sharing a record with a
 * volunteer needs the person's separate consent.
 */
export async function pairVolunteer(deps: Deps, caller: Caller, input: { targetId: string; phone: string }) {
  const user = requireUser(caller);
  const { target } = await readTarget(deps.db, readerFor(deps, caller, 'edit'), input.targetId);
  assertActive(target);
  if (target.consent.status !== 'given')
    throw new AppError('CONSENT_REQUIRED', { userMessage: '未取得本人单独同意，不能配对志愿者' });
  const volunteer = await findVolunteerByPhone(deps.db, input.phone);
  if (!volunteer)
    throw new AppError('NOT_FOUND', {
      userMessage: '没有找到用该手机号实名登记的志愿者',
      fields: { phone: '请确认对方已完成志愿者登记' },
    });
  if (target.pairedVolunteerIds.includes(volunteer._id)) return { pairedVolunteers: target.pairedVolunteers };
  if (target.pairedVolunteerIds.length >= MAX_PAIRED_VOLUNTEERS)
    throw new AppError('RULE_VIOLATION', { userMessage: `每位对象最多配对 ${MAX_PAIRED_VOLUNTEERS} 名志愿者` });
  const pairedVolunteers = [...target.pairedVolunteers, { userId: volunteer._id, name: volunteer.realName }];
  const applied = await updateTargetAtRev(deps.db, target._id, target.rev, {
    pairedVolunteers,
    pairedVolunteerIds: pairedVolunteers.map((p) => p.userId),
    updatedAt: deps.now(),
  });
  if (!applied) throw new AppError('CONFLICT');
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.pair',
    entityId: target._id,
    stationId: target.stationId,
    from: null,
    to: { volunteerNo: volunteer.volunteerNo },
  });
  return { pairedVolunteers };
}
