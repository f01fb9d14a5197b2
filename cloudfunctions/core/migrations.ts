import type { Database } from './deps';
import { rekeyLegacyProxyResidents } from './repositories/proxy-residents';
import { migrateLegacyStationLocations } from './repositories/stations';

/** What one pass of every data migration moved. */
export interface MigrationReport {
  /** Station locations moved to GeoJSON points (ADR 0016). */
  stationLocations: number;
  /** Legacy proxy-booked accounts re-keyed, and their bookings moved (issue 10 item 12). */
  proxyResidents: number;
  proxyBookings: number;
}

/**
 * Every data migration, each run until it has nothing left; all idempotent, so a second run is a
 * few reads. Run by `npm start` (the gateway, after seeding) and by `npm run migrate` before
 * `deploy:db` on CloudBase (station locations must be points before the 2dsphere index is built).
 * Needs `APP_SECRET` — the functions' own: re-keyed proxy ids are derived from it.
 */
export async function runMigrations(db: Database, now: Date): Promise<MigrationReport> {
  const report: MigrationReport = { stationLocations: 0, proxyResidents: 0, proxyBookings: 0 };
  for (let moved = await migrateLegacyStationLocations(db); moved > 0; moved = await migrateLegacyStationLocations(db))
    report.stationLocations += moved;
  for (;;) {
    const pass = await rekeyLegacyProxyResidents(db, now);
    if (pass.accounts === 0) return report;
    report.proxyResidents += pass.accounts;
    report.proxyBookings += pass.bookings;
  }
}
