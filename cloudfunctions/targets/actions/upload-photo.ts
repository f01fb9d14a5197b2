import { createHash } from 'node:crypto';
import { sniffImage } from '../../../shared/domain/donation';
import {
  consentPhotoFolder,
  photoPath,
  VISIT_PHOTO_MAX_BYTES,
  visitPhotoFolder,
  visitTimeProblem,
} from '../../../shared/domain/visit';
import { AppError } from '../../../shared/errors';
import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { fileLinks, putFile } from '../../core/repositories/files';
import { readTarget } from '../../core/repositories/targets';
import { readerFor } from '../support';

type UploadRequest =
  | { kind: 'visit'; targetId: string; clientId: string; startAt: string; imageBase64: string }
  | { kind: 'consent'; stationId: string; clientId: string; imageBase64: string };

/**
 * A photo for a visit draft (it waited on the phone with the draft) or for a signed consent form.
 * As for arrival photos (ADR 0013): it travels in the call, is checked by its bytes, and is stored
 * by the function in the draft's own folder under a content-derived name — a retried upload is the
 * same file. Visit photos need the person's consent and the right to record a visit then.
 */
export async function uploadPhoto(deps: Deps, caller: Caller, input: UploadRequest) {
  let folder: string;
  if (input.kind === 'visit') {
    const startAt = new Date(input.startAt);
    if (visitTimeProblem({ startAt, endAt: startAt }, deps.now()))
      throw new AppError('VISIT_TIME_INVALID', { fields: { startAt: '探访时间不正确' } });
    const { target } = await readTarget(
      deps.db,
      readerFor(deps, caller, 'record_visit', { at: startAt }),
      input.targetId,
    );
    if (target.consent.status !== 'given')
      throw new AppError('CONSENT_REQUIRED', { userMessage: '未取得本人单独同意，探访不能拍照' });
    folder = visitPhotoFolder(target._id, input.clientId);
  } else {
    const station = await stationWithPermission(deps, caller, input.stationId, 'targets:manage');
    folder = consentPhotoFolder(station._id, input.clientId);
  }
  const bytes = Buffer.from(input.imageBase64, 'base64');
  const type = sniffImage(bytes);
  if (!type || bytes.length > VISIT_PHOTO_MAX_BYTES) throw new AppError('PHOTO_INVALID');
  const digest = createHash('sha256').update(bytes).digest('hex');
  const fileId = await putFile(deps, photoPath(folder, digest, type), bytes);
  const url = (await fileLinks(deps, [fileId])).get(fileId);
  if (!url) throw new AppError('STORAGE_UNAVAILABLE');
  return { fileId, url, bytes: bytes.length };
}
