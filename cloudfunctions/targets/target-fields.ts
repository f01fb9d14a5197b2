import type { z } from 'zod';
import type { ZTargetInput } from '../../shared/contracts/targets';
import { idNumberProblem, maskIdNumber, normalizeIdNumber } from '../../shared/domain/identity';
import { can } from '../../shared/domain/policy';
import { canonicalCategories, consentDateProblem, phoneTail, samePersonText } from '../../shared/domain/targets';
import { isConsentPhotoPath } from '../../shared/domain/visit';
import { inAppZone } from '../../shared/domain/time';
import { AppError } from '../../shared/errors';
import type { UserCaller } from '../core/caller';
import type { Deps } from '../core/deps';
import type { StationDoc } from '../core/documents';
import type { StoredConsent, TargetDoc } from '../core/documents/targets';
import { cloudPathOf, fileLinks } from '../core/repositories/files';
import { findUserById } from '../core/repositories/users';
import { keyedHash } from './support';

type Input = z.output<typeof ZTargetInput>;

/** The record fields a target input sets (create and update share them). */
export type InputFields = Pick<
  TargetDoc,
  | 'name'
  | 'gender'
  | 'birthYear'
  | 'idKey'
  | 'idMasked'
  | 'sameKey'
  | 'phones'
  | 'phoneTails'
  | 'address'
  | 'guardian'
  | 'categories'
  | 'tier'
  | 'tierReason'
  | 'responsibleWorkerId'
  | 'responsibleWorkerName'
  | 'notes'
  | 'consent'
>;

/**
 * Checks a target input beyond its schema and turns it into record fields: the birth year is not in
 * the future, nor the consent's date, the ID number passes GB 11643 (then only its keyed hash and mask are kept), the
 * consent form photo was uploaded for this station, the responsible worker may visit there. On
 * update `existing` keeps the ID on file unless a new one is given or consent is withdrawn.
 */
export async function fieldsFromInput(
  deps: Deps,
  args: { caller: UserCaller; station: StationDoc; targetId: string; input: Input; existing?: TargetDoc },
): Promise<InputFields> {
  const { input, station, existing } = args;
  const now = deps.now();
  if (input.birthYear > inAppZone(now).year())
    throw new AppError('INVALID_INPUT', { fields: { 'data.birthYear': '出生年份不能晚于今年' } });
  const consentProblem = input.consent.status === 'given' ? consentDateProblem(new Date(input.consent.at), now) : null;
  if (consentProblem) throw new AppError('INVALID_INPUT', { fields: { 'data.consent.at': consentProblem } });

  let idKey = `none:${args.targetId}`;
  let idMasked: string | null = null;
  if (input.idNumber) {
    if (idNumberProblem(input.idNumber))
      throw new AppError('INVALID_ID_NUMBER', { fields: { 'data.idNumber': '身份证号校验不通过，请核对' } });
    const id = normalizeIdNumber(input.idNumber);
    idKey = `id:${keyedHash(`id:${id}`)}`;
    idMasked = maskIdNumber(id);
  } else if (existing && input.consent.status === 'given') {
    idKey = existing.idKey;
    idMasked = existing.idMasked;
  }

  let consent: StoredConsent = { status: 'none' };
  if (input.consent.status === 'given') {
    const photo = input.consent.method === 'signed_form' ? (input.consent.formPhotoFileId ?? null) : null;
    const kept = existing?.consent.status === 'given' && existing.consent.formPhotoFileId === photo && photo !== null;
    if (photo && !kept) {
      const path = cloudPathOf(photo);
      if (!path || !isConsentPhotoPath(station._id, path) || !(await fileLinks(deps, [photo])).has(photo))
        throw new AppError('PHOTO_NOT_FOUND', { fields: { 'data.consent.formPhotoFileId': '同意书照片未上传成功' } });
    }
    consent = {
      status: 'given',
      by: input.consent.by,
      method: input.consent.method,
      at: new Date(input.consent.at),
      witness: input.consent.method === 'verbal_witnessed' ? (input.consent.witness ?? null) : null,
      formPhotoFileId: photo,
      recordedBy: args.caller.userId,
    };
  }

  // Unchosen: whoever registers the person, or on update whoever is responsible already.
  let worker: { id: string | null; name: string | null } = existing
    ? { id: existing.responsibleWorkerId, name: existing.responsibleWorkerName }
    : { id: args.caller.userId, name: args.caller.user.nickname };
  const chosen = input.responsibleWorkerId;
  if (chosen && chosen !== worker.id) {
    const user = chosen === args.caller.userId ? args.caller.user : await findUserById(deps.db, chosen);
    if (!user || !can(user, 'visits:record', { stationPath: station.path }))
      throw new AppError('INVALID_INPUT', { fields: { 'data.responsibleWorkerId': '请选择本站的社工' } });
    worker = { id: user._id, name: user.nickname };
  }

  return {
    name: input.name,
    gender: input.gender,
    birthYear: input.birthYear,
    idKey,
    idMasked,
    sameKey: `same:${keyedHash(
      `same:${samePersonText({
        name: input.name,
        birthYear: input.birthYear,
        area: input.address.area,
        building: input.address.building,
        room: input.address.room,
      })}`,
    )}`,
    phones: input.phones,
    phoneTails: [...new Set(input.phones.map(phoneTail).filter((t): t is string => t !== null))],
    address: input.address,
    guardian: input.guardian,
    categories: canonicalCategories(input.categories),
    tier: input.tier,
    tierReason: input.tierReason,
    responsibleWorkerId: worker.id,
    responsibleWorkerName: worker.name,
    notes: input.consent.status === 'given' ? input.notes : '',
    consent,
  };
}
