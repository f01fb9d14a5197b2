import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findEntry, markEntryReviewed } from '../../core/repositories/hours';
import { assertHoursActor } from '../hours-actor';
import { toEntry } from '../mappers';

/** Staff accept an auto-closed check-out as it stands (never their own); it leaves the review queue. */
export async function confirmAutoClosed(deps: Deps, caller: Caller, input: { entryId: string }) {
  const entry = await findEntry(deps.db, input.entryId);
  if (!entry || !entry.autoClosed) throw new AppError('NOT_FOUND', { userMessage: '没有这条待复核的记录' });
  const staff = assertHoursActor(caller, entry, 'hours:approve');
  await markEntryReviewed(deps.db, entry._id);
  await appendAudit(deps.db, {
    at: deps.now(),
    actorId: staff.userId,
    action: 'hours.confirmAutoClosed',
    entity: 'hourEntry',
    entityId: entry._id,
    stationId: entry.stationId,
    from: { reviewed: entry.reviewed },
    to: { reviewed: true, minutes: entry.minutes },
  });
  return toEntry({ ...entry, reviewed: true });
}
