import * as tcb from '@cloudbase/node-sdk';
import { migrateLegacyStationLocations } from '../cloudfunctions/core/repositories/stations';

/**
 * Moves station locations stored as `{ latitude, longitude }` to GeoJSON points (`db.Geo.Point`).
 * Run it once against an environment BEFORE `npm run deploy:db` creates the 2dsphere index on
 * `stations.location` (CloudBase cannot build that index over the old shape). Idempotent.
 * Needs TCB_ENV, TCB_SECRET_ID and TCB_SECRET_KEY; for a local emulator, TCB_SERVICE_URL with
 * TCB_SECRET_ID/TCB_SECRET_KEY set to the emulator credential it prints.
 */
async function main(): Promise<void> {
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY, TCB_SERVICE_URL } = process.env;
  if (!TCB_SECRET_ID || !TCB_SECRET_KEY || (!TCB_ENV && !TCB_SERVICE_URL)) {
    console.error('需要环境变量 TCB_ENV、TCB_SECRET_ID、TCB_SECRET_KEY（本地模拟器用 TCB_SERVICE_URL 和它打印的凭据）');
    process.exit(2);
  }
  const db = tcb
    .init(
      TCB_SERVICE_URL
        ? { env: 'local', serviceUrl: TCB_SERVICE_URL, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }
        : { env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY },
    )
    .database();
  let total = 0;
  for (let moved = await migrateLegacyStationLocations(db); moved > 0; moved = await migrateLegacyStationLocations(db))
    total += moved;
  console.log(`站点位置已迁移为 GeoJSON：${total} 个`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
