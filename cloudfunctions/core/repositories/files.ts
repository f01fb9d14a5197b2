import { AppError } from '../../../shared/errors';
import type { Deps } from '../deps';

/**
 * Cloud storage, the one place functions touch it (as repositories are for the database). Files
 * are written only by functions, at paths the function chooses; clients never get write access
 * (storage rules closed) and see files only through short-lived signed URLs handed out here.
 */

/** How long a link to an arrival photo stays valid (a page view, with room to linger). */
export const PHOTO_LINK_SECONDS = 2 * 60 * 60;
/** How long a link to an export stays valid (enough to download it once). */
export const EXPORT_LINK_SECONDS = 10 * 60;

/** Stores `bytes` at `cloudPath` (overwriting) and answers the file id. */
export async function putFile(deps: Pick<Deps, 'app'>, cloudPath: string, bytes: Buffer): Promise<string> {
  try {
    const { fileID } = await deps.app.uploadFile({ cloudPath, fileContent: bytes });
    if (!fileID) throw new Error('uploadFile answered no fileID');
    return fileID;
  } catch (e) {
    throw new AppError('STORAGE_UNAVAILABLE', { detail: `storage: ${(e as Error)?.message ?? String(e)}` });
  }
}

/**
 * Temporary URLs of the files that exist, by file id; missing files are simply absent. One storage
 * call for the whole list (none when it is empty), so a page of items costs the same as one item.
 */
export async function fileLinks(
  deps: Pick<Deps, 'app'>,
  fileIds: readonly string[],
  maxAgeSeconds = PHOTO_LINK_SECONDS,
): Promise<Map<string, string>> {
  const unique = [...new Set(fileIds)];
  const links = new Map<string, string>();
  if (unique.length === 0) return links;
  let answer;
  try {
    answer = await deps.app.getTempFileURL({
      fileList: unique.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })),
    });
  } catch (e) {
    throw new AppError('STORAGE_UNAVAILABLE', { detail: `storage: ${(e as Error)?.message ?? String(e)}` });
  }
  for (const file of answer.fileList ?? []) {
    if (file.code === 'SUCCESS' && file.tempFileURL) links.set(file.fileID, file.tempFileURL);
  }
  return links;
}

/** The cloud path inside a file id (`cloud://<env>.<bucket>/<path>`), or undefined if it is not one. */
export function cloudPathOf(fileId: string): string | undefined {
  const match = /^cloud:\/\/[^/\s]+\/([^\s]+)$/.exec(fileId);
  return match?.[1];
}
