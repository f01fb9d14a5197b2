import { createHash } from 'node:crypto';
import { ARRIVAL_PHOTO_MAX_BYTES, sniffImage } from '../../shared/domain/donation';
import { isOrderPhotoPath, orderPhotoPath } from '../../shared/domain/orders';
import { AppError } from '../../shared/errors';
import type { Deps } from '../core/deps';
import { cloudPathOf, fileLinks, putFile } from '../core/repositories/files';

/**
 * Checks a photo by its bytes (JPEG/PNG signature and size — the arrival-photo rule of donations, never a name
 * or a claimed type) and stores it in `folder` under a content-derived name, so a retried upload
 * is the same file. Nothing is stored when the bytes are refused.
 */
export async function storeOrderPhoto(deps: Deps, folder: string, base64: string) {
  const bytes = Buffer.from(base64, 'base64');
  const type = sniffImage(bytes);
  if (!type || bytes.length > ARRIVAL_PHOTO_MAX_BYTES) throw new AppError('PHOTO_INVALID');
  const digest = createHash('sha256').update(bytes).digest('hex');
  const fileId = await putFile(deps, orderPhotoPath(folder, digest, type), bytes);
  const url = (await fileLinks(deps, [fileId])).get(fileId);
  if (!url) throw new AppError('STORAGE_UNAVAILABLE');
  return { fileId, url, bytes: bytes.length };
}

/**
 * Refuses a photo that was not stored in `folder` by {@link storeOrderPhoto} (someone else's, a
 * forged id) or is gone — one storage call.
 */
export async function assertOrderPhoto(deps: Deps, folder: string, fileId: string): Promise<void> {
  const path = cloudPathOf(fileId);
  if (!path || !isOrderPhotoPath(folder, path)) throw new AppError('PHOTO_NOT_FOUND');
  const links = await fileLinks(deps, [fileId]);
  if (!links.has(fileId)) throw new AppError('PHOTO_NOT_FOUND');
}
