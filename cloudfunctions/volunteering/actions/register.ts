import type { z } from 'zod';
import type { ZRegisterRequest } from '../../../shared/contracts/volunteering';
import { idNumberProblem, maskIdNumber, normalizeIdNumber } from '../../../shared/domain/identity';
import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { nextInSequence } from '../../core/repositories/counters';
import { findStation } from '../../core/repositories/stations';
import { insertVolunteer } from '../../core/repositories/volunteers';
import { idHashOf } from '../id-hash';
import { toProfile } from '../mappers';

/**
 * Real-name registration. The ID number is validated (GB 11643 checksum and birth date), then
 * only a keyed hash (for "one registration per person") and a masked form are kept. The
 * volunteer number is the home station's code plus a sequence, so it reveals nothing.
 */
export async function register(deps: Deps, caller: Caller, input: z.output<typeof ZRegisterRequest>) {
  const user = requireUser(caller);
  const { data } = input;
  if (idNumberProblem(data.idNumber)) {
    throw new AppError('INVALID_ID_NUMBER', { fields: { 'data.idNumber': '身份证号校验不通过，请核对' } });
  }
  const station = await findStation(deps.db, data.homeStationId);
  if (!station)
    throw new AppError('NOT_FOUND', {
      userMessage: '所选站点不存在',
      fields: { 'data.homeStationId': '所选站点不存在' },
    });
  const now = deps.now();
  const id = normalizeIdNumber(data.idNumber);
  const seq = await nextInSequence(deps.db, `volunteer-no:${station.code}`);
  const volunteer = {
    _id: user.userId,
    volunteerNo: `${station.code}V${String(seq).padStart(5, '0')}`,
    realName: data.realName,
    idHash: idHashOf(id),
    idMasked: maskIdNumber(id),
    phone: data.phone,
    skills: data.skills,
    serviceAreas: data.serviceAreas,
    emergencyContact: data.emergencyContact,
    homeStationId: station._id,
    homeStationName: station.name,
    homeStationPath: station.path,
    leaderboardOptIn: data.leaderboardOptIn,
    busy: [],
    rev: 0,
    registeredAt: now,
    updatedAt: now,
  };
  if (!(await insertVolunteer(deps.db, volunteer))) throw new AppError('ALREADY_REGISTERED');
  return toProfile(volunteer);
}
