import { createHash } from 'node:crypto';
import { idNumberProblem, maskIdNumber } from '../../../shared/domain/identity';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { IdDisputeDoc } from '../../core/documents';
import { findStation } from '../../core/repositories/stations';
import { findDispute, findVolunteer, findVolunteerByIdHash, insertDispute } from '../../core/repositories/volunteers';
import { idHashOf } from '../id-hash';
import { toIdDispute } from '../mappers';

/**
 * Someone registered the caller's ID number as their own (冒用): the caller names the station where
 * they will show the paper ID. Only a valid number that another volunteer holds can be disputed;
 * one dispute per person and number (asking again answers the same one). The number is kept only
 * as its keyed hash and mask.
 */
export async function disputeIdNumber(
  deps: Deps,
  caller: Caller,
  input: { data: { realName: string; idNumber: string; phone: string; stationId: string } },
) {
  const user = requireUser(caller);
  const { data } = input;
  if (idNumberProblem(data.idNumber)) {
    throw new AppError('INVALID_ID_NUMBER', { fields: { 'data.idNumber': '身份证号校验不通过，请核对' } });
  }
  if (await findVolunteer(deps.db, user.userId)) {
    throw new AppError('ALREADY_REGISTERED', { userMessage: '您已完成志愿者登记，无需申请核实' });
  }
  const station = await findStation(deps.db, data.stationId);
  if (!station)
    throw new AppError('NOT_FOUND', { userMessage: '所选站点不存在', fields: { 'data.stationId': '所选站点不存在' } });
  const idHash = idHashOf(data.idNumber);
  const holder = await findVolunteerByIdHash(deps.db, idHash);
  if (!holder) {
    throw new AppError('RULE_VIOLATION', { userMessage: '该身份证号尚未被登记，可直接进行志愿者登记' });
  }
  const dispute: IdDisputeDoc = {
    _id: `dsp${createHash('sha256').update(`${idHash}:${user.userId}`).digest('hex').slice(0, 24)}`,
    idHash,
    idMasked: maskIdNumber(data.idNumber),
    stationId: station._id,
    stationName: station.name,
    stationPath: station.path,
    claimantId: user.userId,
    claimantName: data.realName,
    claimantPhone: data.phone,
    holderId: holder._id,
    holderName: holder.realName,
    holderVolunteerNo: holder.volunteerNo,
    status: 'open',
    resolution: null,
    resolvedBy: null,
    resolvedAt: null,
    createdAt: deps.now(),
  };
  if (await insertDispute(deps.db, dispute)) return toIdDispute(dispute);
  const existing = await findDispute(deps.db, dispute._id);
  if (!existing) throw new AppError('CONFLICT');
  return toIdDispute(existing);
}
