import type { StationTier } from '../../../shared/domain/station';
import type { Database } from '../deps';
import type { StationDoc } from '../documents';
import { COLLECTIONS, getById, pageOf, rows, type Page, type PageArgs } from './base';

/**
 * A station as read: its GeoJSON location (which the SDK hands back as a `Geo.Point`, whose
 * `toJSON()` is GeoJSON again) as a plain `{ latitude, longitude }`.
 */
function fromStored(doc: StationDoc): StationDoc {
  return { ...doc, location: pointOf(doc.location) };
}

/** One station by id, or null. */
export async function findStation(db: Database, stationId: string): Promise<StationDoc | null> {
  const doc = await getById<StationDoc>(db, COLLECTIONS.stations, stationId);
  return doc && fromStored(doc);
}

/** `text` as a regular expression that matches it literally. */
function literally(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Stations filtered by tier and/or parent, and by `q` in the name or the address (a district
 * has a few hundred stations at most, so the text match scans them), ordered by code.
 */
export async function findStationsPage(
  db: Database,
  filter: { tier?: StationTier; parentId?: string; q?: string },
  args: PageArgs,
): Promise<Page<StationDoc>> {
  const where: Record<string, string> = {};
  if (filter.tier) where.tier = filter.tier;
  if (filter.parentId) where.parentId = filter.parentId;
  const _ = db.command;
  const query = filter.q
    ? _.and([
        where,
        _.or([
          { name: db.RegExp({ regexp: literally(filter.q), options: 'i' }) },
          { address: db.RegExp({ regexp: literally(filter.q), options: 'i' }) },
        ]),
      ])
    : where;
  const page = await pageOf<StationDoc>(
    () => db.collection(COLLECTIONS.stations).where(query).orderBy('code', 'asc'),
    args,
  );
  return { ...page, items: page.items.map(fromStored) };
}

/** A station found by {@link findNearestStations}, with its distance in metres. */
export type StationWithDistance = StationDoc & { distanceMeters: number };

/**
 * The stations with a location nearest `position`, nearest first, at most `limit` within
 * `maxDistanceMeters`: one `geoNear` aggregation over the 2dsphere index on `location`.
 */
export async function findNearestStations(
  db: Database,
  position: { latitude: number; longitude: number },
  opts: { limit: number; maxDistanceMeters: number },
): Promise<StationWithDistance[]> {
  const res = await db
    .collection(COLLECTIONS.stations)
    .aggregate()
    .geoNear({
      near: new db.Geo.Point(position.longitude, position.latitude),
      spherical: true,
      distanceField: 'distanceMeters',
      maxDistance: opts.maxDistanceMeters,
      limit: opts.limit,
    })
    .limit(opts.limit)
    .end();
  // Aggregation answers GeoJSON as stored; read it as the SDK reads documents ({ longitude, latitude }).
  return rows<StationDoc & { distanceMeters: number; location: unknown }>(res).map((doc) => ({
    ...doc,
    location: pointOf(doc.location),
  }));
}

/** `{ latitude, longitude }` of a stored location: GeoJSON, an SDK `Geo.Point`, or the pre-GeoJSON shape. */
function pointOf(v: unknown): StationDoc['location'] {
  if (!v || typeof v !== 'object') return null;
  const c = (v as { coordinates?: unknown }).coordinates;
  if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number')
    return { longitude: c[0], latitude: c[1] };
  const { latitude, longitude } = v as { latitude?: unknown; longitude?: unknown };
  return typeof latitude === 'number' && typeof longitude === 'number' ? { latitude, longitude } : null;
}

/**
 * Moves stations written before locations became GeoJSON (`{ latitude, longitude }`) to a
 * `db.Geo.Point`, at most `limit` per run (run it until it answers 0, before the 2dsphere index is
 * created: CloudBase cannot build that index over the old shape). Answers how many it moved.
 */
export async function migrateLegacyStationLocations(db: Database, limit = 100): Promise<number> {
  const _ = db.command;
  const legacy = rows<StationDoc>(
    await db
      .collection(COLLECTIONS.stations)
      .where({ 'location.latitude': _.exists(true), 'location.type': _.exists(false) })
      .field({ _id: true, location: true })
      .limit(limit)
      .get(),
  );
  let moved = 0;
  for (const s of legacy) {
    if (!s.location) continue;
    const res = await db
      .collection(COLLECTIONS.stations)
      .where({ _id: s._id, 'location.type': _.exists(false) })
      .update({ location: new db.Geo.Point(s.location.longitude, s.location.latitude) });
    moved += Number((res as { updated?: number }).updated ?? 0);
  }
  return moved;
}

/** Direct children of a station (a 站's 室), ordered by code; a station has at most a few hundred. */
export async function findChildStations(db: Database, parentId: string): Promise<StationDoc[]> {
  return rows<StationDoc>(
    await db.collection(COLLECTIONS.stations).where({ parentId }).orderBy('code', 'asc').limit(1000).get(),
  ).map(fromStored);
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
  ).map(fromStored);
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

/** A station and everything beneath it, ordered by code (a district's network: up to a few hundred). */
export async function findSubtreeStations(db: Database, stationId: string): Promise<StationDoc[]> {
  return rows<StationDoc>(
    await db
      .collection(COLLECTIONS.stations)
      .where({ path: stationId })
      .field({ _id: true, name: true, tier: true, code: true, path: true })
      .orderBy('code', 'asc')
      .limit(1000)
      .get(),
  );
}
