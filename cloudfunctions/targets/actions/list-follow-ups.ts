import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findStationsByIds } from '../../core/repositories/stations';
import { findVisitQueuePage } from '../../core/repositories/visits';
import { toQueueItem } from '../mappers';
import { existingStation, readerFor } from '../support';

/** Abnormal findings of a station subtree whose follow-up has no service order yet, soonest due first. */
export async function listFollowUps(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; page: number; pageSize: number },
) {
  const reader = readerFor(deps, caller, 'visits');
  const station = await existingStation(deps, input.stationId);
  const page = await findVisitQueuePage(deps.db, reader, station, 'followUps', input);
  const names = new Map(
    (await findStationsByIds(deps.db, [...new Set(page.items.map((v) => v.stationId))])).map((s) => [s._id, s.name]),
  );
  return { ...page, items: page.items.map((v) => toQueueItem(v, names)) };
}
