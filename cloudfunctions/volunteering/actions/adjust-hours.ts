import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { HourEntryDoc } from '../../core/documents';
import { newId } from '../../core/ids';
import { appendAudit } from '../../core/repositories/audit';
import { findEntry, insertEntry, markEntryReviewed } from '../../core/repositories/hours';
import { assertHoursActor } from '../hours-actor';
import { toEntry } from '../mappers';

/**
 * Staff correct an entry by appending an adjustment (±minutes, reason) — the original stays as
 * it was, so the volunteer sees the whole history. An entry never drops below zero in total.
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
  if (original.minutes + input.minutes < 0) {
    throw new AppError('RULE_VIOLATION', {
      userMessage: `最多可减少${original.minutes}分钟`,
      fields: { minutes: `最多可减少${original.minutes}分钟` },
    });
  }
  const adjustment: HourEntryDoc = {
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
  await insertEntry(deps.db, adjustment);
  if (original.autoClosed && !original.reviewed) await markEntryReviewed(deps.db, original._id);
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'hours.adjust',
    entity: 'hourEntry',
    entityId: original._id,
    stationId: original.stationId,
    from: { minutes: original.minutes },
    to: { minutes: original.minutes + input.minutes, adjustmentId: adjustment._id },
    reason: input.reason,
  });
  return toEntry(adjustment);
}
