import { isArrivalPhotoPath } from '../../shared/domain/donation';
import { AppError } from '../../shared/errors';
import type { Deps } from '../core/deps';
import type { PledgeDoc } from '../core/documents';
import { cloudPathOf, fileLinks } from '../core/repositories/files';
import { toStaffPledge } from './mappers';

/**
 * Refuses a photo that was not uploaded for this pledge, or is gone; answers its link (the one
 * storage call the check makes serves the reply too).
 */
export async function assertArrivalPhoto(deps: Deps, pledge: PledgeDoc, fileId: string): Promise<Map<string, string>> {
  const path = cloudPathOf(fileId);
  if (!path || !isArrivalPhotoPath(pledge.stationId, pledge._id, path)) throw new AppError('PHOTO_NOT_FOUND');
  const links = await fileLinks(deps, [fileId]);
  if (!links.has(fileId)) throw new AppError('PHOTO_NOT_FOUND');
  return links;
}

/** Links to the arrival photos of these pledges (one storage call for the lot, none without photos). */
export function arrivalPhotoLinks(deps: Deps, pledges: readonly PledgeDoc[]): Promise<Map<string, string>> {
  return fileLinks(
    deps,
    pledges.flatMap((p) => (p.photoFileId ? [p.photoFileId] : [])),
  );
}

/** One pledge as staff see it, with a link to its arrival photo when it has one. */
export async function staffPledgeView(deps: Deps, pledge: PledgeDoc, now: Date) {
  return toStaffPledge(pledge, now, await arrivalPhotoLinks(deps, [pledge]));
}
