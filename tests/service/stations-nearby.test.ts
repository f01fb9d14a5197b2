import * as tcb from '@cloudbase/node-sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateLegacyStationLocations } from '../../cloudfunctions/core/repositories/stations';
import { loadManifest, startDatabaseEmulator, type Manifest } from '../../emulator/db';
import { DEMO_STATION_LOCATIONS } from '../../emulator/seed/station-locations';
import { startBackend, STATION, type Backend } from './support';

/** Great-circle distance on MongoDB's sphere (6,378,100 m), computed independently of the emulator. */
function haversine([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_378_100 * Math.asin(Math.sqrt(a));
}

/** A point `meters` north of `[lng, lat]` along its meridian. */
function north([lng, lat]: [number, number], meters: number): [number, number] {
  return [lng, lat + (meters / 6_378_100) * (180 / Math.PI)];
}

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

describe('stations.nearby (离我最近)', () => {
  const jiangbin = DEMO_STATION_LOCATIONS.LJ01;
  const here = north(jiangbin, 1000);
  const ask = (pos: [number, number], extra: Record<string, unknown> = {}) =>
    b.ok('stations', 'nearby', { longitude: pos[0], latitude: pos[1], ...extra });

  it('lists the nearest stations first with distances in metres, within 0.5 % of the great-circle distance', async () => {
    const { items } = await ask(here, { limit: 20 });
    const expected = Object.entries(DEMO_STATION_LOCATIONS)
      .map(([code, at]) => ({ stationId: `st_${code}`, distance: haversine(here, at) }))
      .sort((x, y) => x.distance - y.distance);
    expect(items.map((s: { stationId: string }) => s.stationId)).toEqual(expected.map((e) => e.stationId));
    items.forEach((s: { distanceMeters: number }, i: number) =>
      expect(Math.abs(s.distanceMeters - expected[i].distance) / expected[i].distance).toBeLessThan(0.005),
    );
    // The station 1 km due south along the meridian.
    const station = items.find((s: { stationId: string }) => s.stationId === STATION.jiangbin);
    expect(Math.abs(station.distanceMeters - 1000)).toBeLessThan(5);
    expect(station).toMatchObject({
      name: '江滨街道社工站',
      tier: 'station',
      openingHours: '周一至周五 8:30–17:30，周六 9:00–12:00',
      phone: '0571-86002101',
      location: { longitude: jiangbin[0], latitude: jiangbin[1] },
    });
  });

  it('answers 5 stations by default and `limit` at most, in one database call', async () => {
    b.emulator.emulator.resetStats();
    const { items } = await ask(here);
    expect(items).toHaveLength(5);
    expect(b.emulator.emulator.stats()).toEqual({ stations: { aggregateDocuments: 1 } });
    expect((await ask(here, { limit: 2 })).items).toHaveLength(2);
    const explain = b.emulator.emulator.explain();
    expect(explain.recent.at(-1)).toMatchObject({ collection: 'stations', index: '2dsphere:location', returned: 2 });
  });

  it('finds nothing from far outside the district (beyond 50 km)', async () => {
    expect((await ask([116.397, 39.909])).items).toEqual([]);
  });

  it('refuses a malformed position with INVALID_INPUT and writes nothing', async () => {
    const before = await b.all('stations');
    expect(await b.refused('stations', 'nearby', { latitude: 95, longitude: 120 })).toBe('INVALID_INPUT');
    expect(await b.refused('stations', 'nearby', { latitude: 30.2 })).toBe('INVALID_INPUT');
    expect(await b.refused('stations', 'nearby', { latitude: 30.2, longitude: 120.2, limit: 50 })).toBe(
      'INVALID_INPUT',
    );
    expect(await b.refused('stations', 'nearby', { latitude: 30.2, longitude: 120.2, userId: 'x' })).toBe(
      'INVALID_INPUT',
    );
    expect(await b.all('stations')).toEqual(before);
  });

  it('never stores the position it was asked about', async () => {
    await ask([120.2001, 30.2402]);
    const everything = JSON.stringify(
      await Promise.all(['stations', 'users', 'auditLog', 'counters'].map((c) => b.all(c))),
    );
    expect(everything).not.toContain('120.2001');
    expect(everything).not.toContain('30.2402');
  });
});

describe('stations.list search by name or address (the fallback without location)', () => {
  const names = async (q: string) =>
    (await b.ok('stations', 'list', { q })).items.map((s: { name: string }) => s.name).sort();

  it('matches part of a name or an address, whatever the tier', async () => {
    expect(await names('江滨')).toEqual(['江滨街道社工站']);
    expect(await names('滨江路')).toEqual(['江滨街道社工站']);
    expect(await names('村')).toEqual(['沈家村社工室', '钟埭村社工室']);
  });

  it('treats the search words literally and refuses an empty or overlong search', async () => {
    expect(await names('.*')).toEqual([]);
    expect(await b.refused('stations', 'list', { q: '   ' })).toBe('INVALID_INPUT');
    expect(await b.refused('stations', 'list', { q: '站'.repeat(21) })).toBe('INVALID_INPUT');
  });
});

describe('station location migration', () => {
  it('moves { latitude, longitude } locations to GeoJSON points that geoNear finds', async () => {
    // A database from before the 2dsphere index (CloudBase could not build it over the old shape).
    const full = loadManifest();
    const stations = full.collections.stations.indexes?.filter((i) => !Object.values(i.keys).includes('2dsphere'));
    const before: Manifest = { collections: { ...full.collections, stations: { indexes: stations } } };
    const dataDir = mkdtempSync(join(tmpdir(), 'station-migrate-'));
    try {
      const old = await startDatabaseEmulator({ dataDir, manifest: before });
      const db = tcb.init({ env: 'local', serviceUrl: old.serviceUrl, ...old.credentials }).database();
      await db.collection('stations').add([
        { _id: 'st_a', code: 'A', name: '甲站', location: { latitude: 30.25, longitude: 120.2 } },
        { _id: 'st_b', code: 'B', name: '乙站', location: { latitude: 30.26, longitude: 120.2 } },
        { _id: 'st_c', code: 'C', name: '丙站', location: null },
      ]);
      expect(await migrateLegacyStationLocations(db, 1)).toBe(1);
      expect(await migrateLegacyStationLocations(db)).toBe(1);
      expect(await migrateLegacyStationLocations(db)).toBe(0);
      await old.close();

      const now = await startDatabaseEmulator({ dataDir, manifest: full });
      const db2 = tcb.init({ env: 'local', serviceUrl: now.serviceUrl, ...now.credentials }).database();
      const a = (await db2.collection('stations').doc('st_a').get()).data[0];
      expect(a.location).toBeInstanceOf(db2.Geo.Point);
      expect(a.location).toMatchObject({ longitude: 120.2, latitude: 30.25 });
      const near = await db2
        .collection('stations')
        .where({ location: db2.command.geoNear({ geometry: new db2.Geo.Point(120.2, 30.259) }) })
        .get();
      expect(near.data.map((d: { _id: string }) => d._id)).toEqual(['st_b', 'st_a']);
      await now.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
