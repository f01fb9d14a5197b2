import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { HourEntryDoc } from '../../core/documents';
import { appendAudit } from '../../core/repositories/audit';
import { decideClaim, findClaim } from '../../core/repositories/hours';
import { assertHoursActor } from '../hours-actor';
import { toClaim } from '../mappers';

/**
 * Staff of the claim's station approve or reject it. Approval writes the top-up entry in the
 * same transaction (谁组织谁记录); a decided claim is locked; nobody reviews their own claim.
 */
export async function reviewClaim(
  deps: Deps,
  caller: Caller,
  input: { claimId: string; decision: 'approve' | 'reject'; reason: string },
) {
  const now = deps.now();
  const claim = await findClaim(deps.db, input.claimId);
  if (!claim) throw new AppError('NOT_FOUND', { userMessage: '补录申请不存在' });
  const staff = assertHoursActor(caller, claim, 'hours:approve');
  if (claim.status !== 'pending') throw new AppError('ENTRY_LOCKED');
  if (input.decision === 'reject' && !input.reason) {
    throw new AppError('INVALID_INPUT', { userMessage: '驳回时请填写原因', fields: { reason: '驳回时请填写原因' } });
  }
  const approved = input.decision === 'approve';
  const entry: HourEntryDoc | null = approved
    ? {
        _id: `top_${claim._id}`,
        volunteerId: claim.volunteerId,
        volunteerName: claim.volunteerName,
        kind: 'topup',
        baseKind: 'topup',
        minutes: claim.minutes,
        serviceDate: claim.startAt,
        serviceEnd: claim.endAt,
        stationId: claim.stationId,
        stationName: claim.stationName,
        stationPath: claim.stationPath,
        activityId: claim.activityId,
        activityTitle: claim.activityTitle,
        shiftId: null,
        claimId: claim._id,
        adjustsEntryId: null,
        provenance: `补录（${staff.user.nickname}审核通过）`,
        autoClosed: false,
        reviewed: true,
        reason: input.reason || null,
        createdBy: staff.userId,
        createdAt: now,
      }
    : null;
  const decided = await decideClaim(deps.db, {
    claimId: claim._id,
    fields: {
      status: approved ? 'approved' : 'rejected',
      reviewReason: input.reason || null,
      reviewedBy: staff.userId,
      reviewedByName: staff.user.nickname,
      reviewedAt: now,
    },
    entry,
  });
  if (!decided) throw new AppError('ENTRY_LOCKED');
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: approved ? 'hours.approveClaim' : 'hours.rejectClaim',
    entity: 'claim',
    entityId: claim._id,
    stationId: claim.stationId,
    from: { status: 'pending' },
    to: { status: decided.status, minutes: claim.minutes },
    ...(input.reason ? { reason: input.reason } : {}),
  });
  return toClaim(decided);
}
