import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { newId } from '../../core/ids';
import { appendAudit } from '../../core/repositories/audit';
import { insertCharity } from '../../core/repositories/donations';
import { findStation } from '../../core/repositories/stations';
import { toCharity } from '../mappers';

/** District admins add a qualified charity and its project page to the district's list. */
export async function addCharity(
  deps: Deps,
  caller: Caller,
  input: {
    centerId: string;
    data: { name: string; registrationNo: string; projectName: string; projectUrl: string; howToGive: string };
  },
) {
  const admin = requireUser(caller);
  const center = await findStation(deps.db, input.centerId);
  if (!center || center.tier !== 'center') throw new AppError('NOT_FOUND', { userMessage: '指导中心不存在' });
  assertCan(caller, 'station:manage', { stationPath: center.path });
  const now = deps.now();
  const charity = { _id: newId('ch'), centerId: center._id, ...input.data, createdBy: admin.userId, createdAt: now };
  await insertCharity(deps.db, charity);
  await appendAudit(deps.db, {
    at: now,
    actorId: admin.userId,
    action: 'charity.add',
    entity: 'station',
    entityId: charity._id,
    stationId: center._id,
    from: null,
    to: { name: charity.name },
  });
  return toCharity(charity);
}
