/**
 * Standalone local CloudBase database emulator.
 *
 *   npx tsx emulator/main.ts            (or: node --import tsx emulator/main.ts)
 *
 * Environment: PORT (default 9100; 0 = random free port), HOST (default 127.0.0.1),
 * DATA_DIR (default <project>/.data/emulator), EMULATOR_FSYNC=1 (fsync every write),
 * EMULATOR_ALLOW_RESET=1 (enable POST /emulator/reset), EMULATOR_COMPACT_BYTES (journal size that
 * triggers a compaction; default 64 MiB), EMULATOR_SECRET_ID + EMULATOR_SECRET_KEY (the credential
 * requests must be signed with; default: generated once into <DATA_DIR>/emulator-credentials.json),
 * EMULATOR_ALLOWED_HOSTS (extra host names accepted in `Host`).
 *
 * Prints one line `CloudBase DB emulator listening: serviceUrl=<url>/admin` once it accepts
 * requests, then the credential; SIGINT/SIGTERM close it cleanly.
 */
import { defaultDataDir, isLoopbackHost, startDatabaseEmulator } from './db';

async function main(): Promise<void> {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 9100 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid PORT: ${process.env.PORT}`);
  const host = process.env.HOST || '127.0.0.1';
  const started = await startDatabaseEmulator({
    port,
    host,
    dataDir: process.env.DATA_DIR || defaultDataDir(),
    fsync: process.env.EMULATOR_FSYNC === '1',
    allowReset: process.env.EMULATOR_ALLOW_RESET === '1',
    compactBytes: process.env.EMULATOR_COMPACT_BYTES ? Number(process.env.EMULATOR_COMPACT_BYTES) : undefined,
  });
  console.log(`CloudBase DB emulator listening: serviceUrl=${started.serviceUrl}`);
  console.log(`credential: secretId=${started.credentials.secretId} secretKey=${started.credentials.secretKey}`);
  console.log(
    `data: ${started.emulator.dataDir}  stats: ${started.url}/emulator/stats (Authorization: Bearer <secretKey>)`,
  );
  if (!isLoopbackHost(host))
    console.warn(
      `!! WARNING: listening on ${host}, beyond this machine. Requests need the credential above; keep it to yourself.`,
    );
  let closing = false;
  const stop = (signal: string): void => {
    if (closing) return;
    closing = true;
    console.log(`${signal}: closing`);
    started.close().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
