import { maxReduction } from '../../../shared/domain/hours';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { HourEntryDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import { appendAudit } from '../../core/repositories/audit';
import { appendAdjustmentSerialised, findEntry } from '../../core/repositories/hours';
import { assertHoursActor } from '../hours-actor';
import { toEntry } from '../mappers';

/**
 * Staff correct an entry by appending an adjustment (±minutes, reason) — the original stays as
 * it was, so the volunteer sees the whole history. The entry with all its adjustments never drops
 * below zero; adjustments of one entry are serialised on it, so several sent at once cannot
 * together take it negative. Nobody corrects their own hours.
 */
export async function adjustHours(
  deps: Deps,
  caller: Caller,
  input: { entryId: string; minutes: number; reason: string },
) {
  const now = deps.now();
  const original = await findEntry(deps.db, input.entryId);
  if (!original || original.kind === 'adjustment') throw new AppError('NOT_FOUND', { userMessage: '没有这条服务记录' });
  const staff = assertHoursActor(caller, original, 'hours:approve');
  const adjustment: HourEntryDoc & { adjustsEntryId: string } = {
    ...original,
    _id: newId('adj'),
    kind: 'adjustment',
    baseKind: original.baseKind,
    minutes: input.minutes,
    adjustsEntryId: original._id,
    shiftId: null,
    claimId: null,
    provenance: `更正：${input.reason}（${staff.user.nickname}）`,
    autoClosed: false,
    reviewed: true,
    reason: input.reason,
    createdBy: staff.userId,
    createdAt: now,
  };
  delete adjustment.adjustedMinutes;
  const before = await appendAdjustmentSerialised(deps.db, adjustment, (entry) => {
    const most = maxReduction(entry);
    if (input.minutes < -most) {
      throw new AppError('RULE_VIOLATION', {
        userMessage: `最多可减少${most}分钟`,
        fields: { minutes: `最多可减少${most}分钟` },
      });
    }
  });
  const netBefore = before.minutes + before.adjustedMinutes;
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'hours.adjust',
    entity: 'hourEntry',
    entityId: original._id,
    stationId: original.stationId,
    from: { minutes: netBefore },
    to: { minutes: netBefore + input.minutes, adjustmentId: adjustment._id },
    reason: input.reason,
  });
  return toEntry(adjustment);
}
