import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findMovedOutPage } from '../../core/repositories/targets';
import { toMovedOut } from '../mappers';
import { existingStation, readerFor } from '../support';

/** Records that moved from this subtree to another station: masked, with when and where to. */
export async function movedOut(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; page: number; pageSize: number },
) {
  const reader = readerFor(deps, caller, 'list');
  const station = await existingStation(deps, input.stationId);
  const page = await findMovedOutPage(deps.db, reader, station, input);
  return { ...page, items: page.items.map((t) => toMovedOut(t, station._id)) };
}
