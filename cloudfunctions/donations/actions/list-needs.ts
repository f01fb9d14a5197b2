import type { NeedStatus } from '../../../shared/domain/donation';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findNeedsPage } from '../../core/repositories/donations';
import { toNeed } from '../mappers';

/** Needs of a station subtree (or the whole network) in one status, nearest deadline first. Public. */
export async function listNeeds(
  deps: Deps,
  _caller: Caller,
  input: { stationId?: string; status: NeedStatus; page: number; pageSize: number },
) {
  const page = await findNeedsPage(deps.db, { stationId: input.stationId, status: input.status }, input);
  return { ...page, items: page.items.map(toNeed) };
}
