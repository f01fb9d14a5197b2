import { COLLECTIONS } from '../../cloudfunctions/core/repositories/base';
import type { Database } from '../../cloudfunctions/core/deps';

/**
 * Where the demo district's stations stand: real places along the Qiantang river in Hangzhou's
 * Shangcheng district and to its north-east, as [longitude, latitude] in GCJ-02 (the datum
 * WeChat's `getLocation({ type: 'gcj02' })` and `openLocation` use). The district is fictional; the
 * points are real, a few hundred metres to a few kilometres apart, so "离我最近" reads naturally.
 */
export const DEMO_STATION_LOCATIONS: Record<string, [number, number]> = {
  LJ: [120.1805, 30.246],
  LJ01: [120.1925, 30.236],
  LJ02: [120.247, 30.286],
  LJ03: [120.164, 30.27],
  LJ0101: [120.196, 30.2325],
  LJ0102: [120.188, 30.2405],
  LJ0201: [120.256, 30.293],
  LJ0202: [120.2395, 30.2985],
  LJ0301: [120.1605, 30.2665],
  LJ0302: [120.17, 30.2745],
};

/** The demo station's location as the SDK stores it (a GeoJSON Point), or null for an unknown code. */
export function demoStationPoint(db: Database, code: string): InstanceType<Database['Geo']['Point']> | null {
  const at = DEMO_STATION_LOCATIONS[code];
  return at ? new db.Geo.Point(at[0], at[1]) : null;
}

/**
 * Gives the demo stations of a database seeded before they had locations their points
 * (conditional per station, so it is idempotent and never overwrites a location set since).
 */
export async function locateDemoStations(db: Database): Promise<void> {
  await Promise.all(
    Object.keys(DEMO_STATION_LOCATIONS).map((code) =>
      db
        .collection(COLLECTIONS.stations)
        .where({ _id: `st_${code}`, location: null })
        .update({ location: demoStationPoint(db, code) }),
    ),
  );
}
