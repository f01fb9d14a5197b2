import type { TOrderPolicy } from '../../../shared/contracts/orders';
import { deadlineHoursProblem, TIME_CLASS_KEYS } from '../../../shared/domain/orders';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { appendAudit } from '../../core/repositories/audit';
import { findOrderPolicy, saveOrderPolicy } from '../../core/repositories/menu';
import { findStation } from '../../core/repositories/stations';
import { policyOf } from '../menu-view';
import { policyAnswer } from './get-policy';

/**
 * A 中心's head or admin sets the district's deadline rules (per class: response and completion
 * hours; the confirmation window). Orders placed afterwards get them; placed ones keep theirs.
 * Conditional on the revision read, audited with before and after.
 */
export async function setPolicy(deps: Deps, caller: Caller, input: { centerId: string; data: TOrderPolicy }) {
  const admin = requireUser(caller);
  const center = await findStation(deps.db, input.centerId);
  if (!center) throw new AppError('NOT_FOUND', { userMessage: '指导中心不存在' });
  if (center.tier !== 'center') {
    throw new AppError('INVALID_INPUT', {
      userMessage: '时限规则由区级指导中心设置',
      fields: { centerId: '请选择指导中心' },
    });
  }
  assertCan(caller, 'order:policy', { stationPath: center.path });
  for (const timeClass of TIME_CLASS_KEYS) {
    const problem = deadlineHoursProblem(input.data[timeClass]);
    if (problem)
      throw new AppError('INVALID_INPUT', { userMessage: problem, fields: { [`data.${timeClass}`]: problem } });
  }
  const now = deps.now();
  const existing = await findOrderPolicy(deps.db, center._id);
  const doc = {
    _id: center._id,
    ...input.data,
    rev: (existing?.rev ?? 0) + 1,
    updatedBy: admin.userId,
    updatedAt: now,
  };
  if (!(await saveOrderPolicy(deps.db, doc, existing ? existing.rev : null))) throw new AppError('CONFLICT');
  await appendAudit(deps.db, {
    at: now,
    actorId: admin.userId,
    action: 'orderPolicy.set',
    entity: 'orderPolicy',
    entityId: center._id,
    stationId: center._id,
    from: policyOf(existing),
    to: input.data,
  });
  return policyAnswer(center, doc, caller);
}
