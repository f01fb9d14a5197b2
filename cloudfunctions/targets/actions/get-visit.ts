import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { fileLinks } from '../../core/repositories/files';
import { readVisit, visitIdFor } from '../../core/repositories/visits';
import { toVisit } from '../mappers';
import { readerFor } from '../support';

/**
 * One visit for its author or staff of its station (a sync conflict shows it beside the draft),
 * by its id or by the caller's own draft id. Logged.
 */
export async function getVisit(deps: Deps, caller: Caller, input: { visitId: string } | { clientId: string }) {
  const reader = readerFor(deps, caller, 'visits');
  const visitId = 'visitId' in input ? input.visitId : visitIdFor(reader.caller.userId, input.clientId);
  const visit = await readVisit(deps.db, reader, visitId);
  const photoUrls = await fileLinks(deps, visit.photoFileIds);
  return toVisit(visit, { userId: reader.caller.userId, photoUrls });
}
