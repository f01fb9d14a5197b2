import * as tcb from '@cloudbase/node-sdk';
import { runMigrations } from '../cloudfunctions/core/migrations';

/**
 * Runs every data migration against an environment (`runMigrations`): station locations to
 * GeoJSON points, legacy proxy-booked residents to keyed ids. Run it BEFORE `npm run deploy:db`
 * (CloudBase cannot build the 2dsphere index on `stations.location` over the old shape) and
 * before deploying functions. Idempotent. Needs TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY and the
 * functions' APP_SECRET; for a local emulator, TCB_SERVICE_URL with TCB_SECRET_ID/TCB_SECRET_KEY
 * set to the emulator credential it prints (`npm start` runs the same migrations itself).
 */
async function main(): Promise<void> {
  const { TCB_ENV, TCB_SECRET_ID, TCB_SECRET_KEY, TCB_SERVICE_URL, APP_SECRET } = process.env;
  if (!TCB_SECRET_ID || !TCB_SECRET_KEY || (!TCB_ENV && !TCB_SERVICE_URL) || !APP_SECRET) {
    console.error(
      '需要环境变量 TCB_ENV、TCB_SECRET_ID、TCB_SECRET_KEY 和云函数使用的 APP_SECRET（本地模拟器用 TCB_SERVICE_URL 和它打印的凭据）',
    );
    process.exit(2);
  }
  const db = tcb
    .init(
      TCB_SERVICE_URL
        ? { env: 'local', serviceUrl: TCB_SERVICE_URL, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY }
        : { env: TCB_ENV, secretId: TCB_SECRET_ID, secretKey: TCB_SECRET_KEY },
    )
    .database();
  const report = await runMigrations(db, new Date());
  console.log(`站点位置已迁移为 GeoJSON：${report.stationLocations} 个`);
  console.log(`代报名居民账号已改为加密编号：${report.proxyResidents} 个（报名记录 ${report.proxyBookings} 条）`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
