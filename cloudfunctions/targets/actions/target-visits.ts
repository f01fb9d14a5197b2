import type { ReadReason } from '../../../shared/domain/targets';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { fileLinks } from '../../core/repositories/files';
import { findTargetVisitsPage } from '../../core/repositories/visits';
import { toVisit } from '../mappers';
import { readerFor } from '../support';

/** A record's visits, newest first: read and logged like the record itself; photos as short-lived links. */
export async function targetVisits(
  deps: Deps,
  caller: Caller,
  input: { targetId: string; reason?: ReadReason; page: number; pageSize: number },
) {
  const reader = readerFor(deps, caller, 'visits', { reason: input.reason ?? null });
  const page = await findTargetVisitsPage(deps.db, reader, input.targetId, input);
  const photoUrls = await fileLinks(
    deps,
    page.items.flatMap((v) => v.photoFileIds),
  );
  return { ...page, items: page.items.map((v) => toVisit(v, { userId: reader.caller.userId, photoUrls })) };
}
