import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { fileLinks } from '../../core/repositories/files';
import { readVisit } from '../../core/repositories/visits';
import { toVisit } from '../mappers';
import { readerFor } from '../support';

/** One visit for its author or staff of its station (a sync conflict shows it beside the draft). Logged. */
export async function getVisit(deps: Deps, caller: Caller, input: { visitId: string }) {
  const reader = readerFor(deps, caller, 'visits');
  const visit = await readVisit(deps.db, reader, input.visitId);
  const photoUrls = await fileLinks(deps, visit.photoFileIds);
  return toVisit(visit, { userId: reader.caller.userId, photoUrls });
}
