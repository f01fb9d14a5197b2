import { createHash } from 'node:crypto';
import {
  isReceiptPhotoPath,
  RECEIPT_PHOTO_MAX_BYTES,
  receiptPhotoPath,
  sniffImage,
} from '../../../shared/domain/donation';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import type { PledgeDoc } from '../../core/documents';
import { findPledge } from '../../core/repositories/donations';
import { cloudPathOf, fileLinks, putFile } from '../../core/repositories/files';

/**
 * Staff photograph what arrived before confirming it. The photo travels in the call, is checked by
 * its bytes (JPEG/PNG signature, size), and is stored by the function under the pledge's own
 * folder with a content-derived name — so a retried upload is the same file, and no client ever
 * needs write access to storage.
 */
export async function uploadReceiptPhoto(deps: Deps, caller: Caller, input: { pledgeId: string; imageBase64: string }) {
  const found = await findPledge(deps.db, input.pledgeId);
  if (!found) throw new AppError('NOT_FOUND', { userMessage: '认捐记录不存在' });
  assertCan(caller, 'donation:manage', { stationPath: found.stationPath });
  if (found.status !== 'pledged') throw new AppError('ILLEGAL_TRANSITION', { userMessage: '该认捐已接收或已结束' });
  const bytes = Buffer.from(input.imageBase64, 'base64');
  const type = sniffImage(bytes);
  if (!type || bytes.length > RECEIPT_PHOTO_MAX_BYTES) throw new AppError('PHOTO_INVALID');
  const digest = createHash('sha256').update(bytes).digest('hex');
  const fileId = await putFile(deps, receiptPhotoPath(found.stationId, found._id, digest, type), bytes);
  const url = (await fileLinks(deps, [fileId])).get(fileId);
  if (!url) throw new AppError('STORAGE_UNAVAILABLE');
  return { fileId, url, bytes: bytes.length };
}

/**
 * Refuses a photo that was not uploaded for this pledge, or is gone; answers its link (the one
 * storage call the check makes serves the reply too).
 */
export async function assertReceiptPhoto(deps: Deps, pledge: PledgeDoc, fileId: string): Promise<Map<string, string>> {
  const path = cloudPathOf(fileId);
  if (!path || !isReceiptPhotoPath(pledge.stationId, pledge._id, path)) throw new AppError('PHOTO_NOT_FOUND');
  const links = await fileLinks(deps, [fileId]);
  if (!links.has(fileId)) throw new AppError('PHOTO_NOT_FOUND');
  return links;
}

/** Links to the receipt photos of these pledges (one storage call for the lot, none without photos). */
export function receiptPhotoLinks(deps: Deps, pledges: readonly PledgeDoc[]): Promise<Map<string, string>> {
  return fileLinks(
    deps,
    pledges.flatMap((p) => (p.photoFileId ? [p.photoFileId] : [])),
  );
}
