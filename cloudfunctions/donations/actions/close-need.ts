import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findNeed, transitionNeed } from '../../core/repositories/donations';
import { toNeed } from '../mappers';

/** Staff close an open need with a reason; pledges already made stay as they are. */
export async function closeNeed(deps: Deps, caller: Caller, input: { needId: string; reason: string }) {
  const staff = requireUser(caller);
  const need = await findNeed(deps.db, input.needId);
  if (!need) throw new AppError('NOT_FOUND', { userMessage: '需求不存在' });
  assertCan(caller, 'donation:manage', { stationPath: need.stationPath });
  const now = deps.now();
  if (!(await transitionNeed(deps.db, { needId: need._id, from: 'open', to: 'closed', now })))
    throw new AppError('NEED_NOT_OPEN');
  await appendAudit(deps.db, {
    at: now,
    actorId: staff.userId,
    action: 'need.close',
    entity: 'station',
    entityId: need._id,
    stationId: need.stationId,
    from: { status: need.status },
    to: { status: 'closed' },
    reason: input.reason,
  });
  return toNeed({ ...need, status: 'closed' });
}
