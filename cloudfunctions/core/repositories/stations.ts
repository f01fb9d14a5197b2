import type { StationTier } from '../../../shared/domain/station';
import type { Database } from '../deps';
import type { StationDoc } from '../documents';
import { COLLECTIONS, getById, pageOf, rows, type Page, type PageArgs } from './base';

/** One station by id, or null. */
export function findStation(db: Database, stationId: string): Promise<StationDoc | null> {
  return getById<StationDoc>(db, COLLECTIONS.stations, stationId);
}

/** Stations filtered by tier and/or parent, ordered by code (the network's natural order). */
export function findStationsPage(
  db: Database,
  filter: { tier?: StationTier; parentId?: string },
  args: PageArgs,
): Promise<Page<StationDoc>> {
  const where: Record<string, string> = {};
  if (filter.tier) where.tier = filter.tier;
  if (filter.parentId) where.parentId = filter.parentId;
  return pageOf<StationDoc>(() => db.collection(COLLECTIONS.stations).where(where).orderBy('code', 'asc'), args);
}

/** Direct children of a station (a 站's 室), ordered by code; a station has at most a few hundred. */
export async function findChildStations(db: Database, parentId: string): Promise<StationDoc[]> {
  return rows<StationDoc>(
    await db.collection(COLLECTIONS.stations).where({ parentId }).orderBy('code', 'asc').limit(1000).get(),
  );
}

/** Several stations by id (ancestors of a station, in any order). */
export async function findStationsByIds(db: Database, ids: string[]): Promise<StationDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<StationDoc>(
    await db
      .collection(COLLECTIONS.stations)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/** Insert a station (seed and admin tooling); a duplicate id or code is a duplicate write. */
export async function insertStation(db: Database, station: StationDoc): Promise<void> {
  await db.collection(COLLECTIONS.stations).add(station);
}

/** Ids of a station and everything beneath it (at most 1000 — a district has up to a few hundred). */
export async function findSubtreeStationIds(db: Database, stationId: string): Promise<string[]> {
  return rows<StationDoc>(
    await db.collection(COLLECTIONS.stations).where({ path: stationId }).field({ _id: true }).limit(1000).get(),
  ).map((s) => s._id);
}
