import type { VisitPolicy } from '../../../shared/domain/visit-plan';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findVisitPolicy, saveVisitPolicy } from '../../core/repositories/visit-policies';
import { auditTarget } from '../support';

/**
 * A centre's admins set how often each tier must be visited in their district. Plans and the
 * visit rate use it from the next request on (deadlines are computed, never stored). Audited.
 */
export async function setVisitPolicy(deps: Deps, caller: Caller, input: { centerId: string; policy: VisitPolicy }) {
  const user = requireUser(caller);
  const center = await stationWithPermission(deps, caller, input.centerId, 'visits:configure');
  if (center.tier !== 'center')
    throw new AppError('RULE_VIOLATION', {
      userMessage: '探访频次由区级指导中心设置',
      fields: { centerId: '请选择指导中心' },
    });
  const before = await findVisitPolicy(deps.db, center._id);
  await saveVisitPolicy(deps.db, {
    _id: center._id,
    policy: input.policy,
    updatedBy: user.userId,
    updatedAt: deps.now(),
  });
  await auditTarget(deps, {
    entity: 'visitPolicy',
    actorId: user.userId,
    action: 'visitPolicy.set',
    entityId: center._id,
    stationId: center._id,
    from: before.policy,
    to: input.policy,
  });
  return { centerId: center._id, policy: input.policy };
}
