import type { z } from 'zod';
import type { ZTargetInput } from '../../../shared/contracts/targets';
import { can } from '../../../shared/domain/policy';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { TargetDoc } from '../../core/documents/targets';
import { newId } from '../../core/ids';
import { findSamePerson, insertTarget } from '../../core/repositories/targets';
import { assertTargetStation, auditTarget, readerFor, spanOf } from '../support';
import { fieldsFromInput } from '../target-fields';

/**
 * Register a person at a 站 or 室. The same person is never two records: the insert itself is
 * refused by the unique indexes on the keyed ID hash and on the keyed name + birth year + address,
 * so two staff registering the same neighbour at once get one record and one TARGET_DUPLICATE.
 */
export async function createTarget(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; data: z.output<typeof ZTargetInput> },
) {
  const user = requireUser(caller);
  const station = await stationWithPermission(deps, caller, input.stationId, 'targets:manage');
  assertTargetStation(station);
  const now = deps.now();
  const targetId = newId('t');
  const fields = await fieldsFromInput(deps, { caller: user, station, targetId, input: input.data });
  const target: TargetDoc = {
    _id: targetId,
    stationId: station._id,
    stationName: station.name,
    stationPath: station.path,
    centerId: station.path[0]!,
    ...fields,
    pairedVolunteers: [],
    pairedVolunteerIds: [],
    status: 'active',
    close: null,
    activeFrom: now,
    spans: [spanOf(station, fields, now)],
    lastVisitAt: null,
    urgent: null,
    homeLocation: null,
    rev: 0,
    createdBy: user.userId,
    createdAt: now,
    updatedAt: now,
  };
  if (!(await insertTarget(deps.db, target))) {
    const [same] = await findSamePerson(
      deps.db,
      readerFor(deps, caller, 'duplicate_check'),
      { idKey: fields.idKey, sameKey: fields.sameKey },
      station,
    );
    const where = same && can(user, 'targets:read', same) ? '本站（或下属社工室）' : '其他站点';
    const closed = same?.status === 'closed' ? '（已结案）' : '';
    if (same?.rule === 'id')
      throw new AppError('TARGET_DUPLICATE', {
        userMessage: `该身份证号已在${where}建档${closed}，请勿重复登记`,
        fields: { 'data.idNumber': '该身份证号已有档案' },
      });
    throw new AppError('TARGET_DUPLICATE', {
      userMessage: `同名、同出生年份、同住址的对象已在${where}建档${closed}，请勿重复登记`,
      fields: { 'data.name': '已有同一人的档案' },
    });
  }
  await auditTarget(deps, {
    actorId: user.userId,
    action: 'target.create',
    entityId: targetId,
    stationId: station._id,
    from: null,
    to: { tier: target.tier, consent: target.consent.status },
  });
  return { targetId, rev: 0 };
}
