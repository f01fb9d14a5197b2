import { createHash } from 'node:crypto';
import { ARRIVAL_PHOTO_MAX_BYTES, arrivalPhotoPath, sniffImage } from '../../../shared/domain/donation';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { fileLinks, putFile } from '../../core/repositories/files';
import { staffPledge } from '../pledge-access';

/**
 * Staff photograph what arrived before confirming it. The photo travels in the call, is checked by
 * its bytes (JPEG/PNG signature, size), and is stored by the function under the pledge's own
 * folder with a content-derived name — so a retried upload is the same file, and no client ever
 * needs write access to storage.
 */
export async function uploadArrivalPhoto(deps: Deps, caller: Caller, input: { pledgeId: string; imageBase64: string }) {
  const found = await staffPledge(deps, caller, input.pledgeId);
  if (found.status !== 'pledged') throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该认捐已接收或已结束' });
  const bytes = Buffer.from(input.imageBase64, 'base64');
  const type = sniffImage(bytes);
  if (!type || bytes.length > ARRIVAL_PHOTO_MAX_BYTES) throw new AppError('PHOTO_INVALID');
  const digest = createHash('sha256').update(bytes).digest('hex');
  const fileId = await putFile(deps, arrivalPhotoPath(found.stationId, found._id, digest, type), bytes);
  const url = (await fileLinks(deps, [fileId])).get(fileId);
  if (!url) throw new AppError('STORAGE_UNAVAILABLE');
  return { fileId, url, bytes: bytes.length };
}
