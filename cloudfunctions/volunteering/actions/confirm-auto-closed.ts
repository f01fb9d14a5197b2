import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findEntry, markEntryReviewed } from '../../core/repositories/hours';
import { toEntry } from '../mappers';

/** Staff accept an auto-closed check-out as it stands; it leaves the review queue. */
export async function confirmAutoClosed(deps: Deps, caller: Caller, input: { entryId: string }) {
  const staff = requireUser(caller);
  const entry = await findEntry(deps.db, input.entryId);
  if (!entry || !entry.autoClosed) throw new AppError('NOT_FOUND', { userMessage: '没有这条待复核的记录' });
  assertCan(caller, 'hours:approve', { stationPath: entry.stationPath });
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
