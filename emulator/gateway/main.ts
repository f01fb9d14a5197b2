import { EventEmitter } from 'node:events';
import { networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { startGateway } from './server';

/**
 * `npm start` runs this after building H5: one port for the app, the functions, the emulator's
 * SDK endpoint and health. PORT, HOST, DATA_DIR, ALLOW_REMOTE_DEV_LOGIN and GATEWAY_TIMERS
 * override the defaults (README, emulator/README.md).
 */
// Under a burst the SDK's timing probe briefly parks one 'connect' listener per queued request on
// a socket that is still connecting (removed once it connects): a warning, not a leak.
EventEmitter.defaultMaxListeners = 256;

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const port = Number(process.env.PORT ?? 8686);
  const dataDir = resolve(process.env.DATA_DIR ?? resolve(root, '.data', 'local'));
  const gateway = await startGateway({
    port,
    host: process.env.HOST || '127.0.0.1',
    dataDir,
    h5Dir: resolve(root, 'dist', 'h5'),
    seed: true,
    devLogin: true,
    remoteDevLogin: process.env.ALLOW_REMOTE_DEV_LOGIN === '1',
    timers: process.env.GATEWAY_TIMERS !== '0',
  });
  const { secretId, secretKey } = gateway.credentials;
  const host = process.env.HOST || '127.0.0.1';
  // Bound to every interface: the addresses a phone on the same network would use.
  const lan =
    host === '0.0.0.0' || host === '::'
      ? Object.values(networkInterfaces())
          .flat()
          .filter((a) => a && a.family === 'IPv4' && !a.internal)
          .map((a) => `  ➜  手机访问: http://${a!.address}:${new URL(gateway.url).port}/`)
      : [];
  console.log(
    [
      '',
      '社工站通 本地环境已启动',
      `  云函数网关:        POST ${gateway.url}/api/<函数名>  { "action": "...", "data": {...} }`,
      `  数据库 serviceUrl: ${gateway.serviceUrl}`,
      `                     tcb.init({ env: 'local', serviceUrl, secretId: '${secretId}', secretKey: '${secretKey}' })`,
      `  模拟器控制:        ${gateway.url}/emulator/stats  (Authorization: Bearer <secretKey>)`,
      `  健康检查:          ${gateway.url}/healthz`,
      `  数据目录:          ${dataDir}`,
      '  按 Ctrl+C 退出',
      '',
      `  ➜  打开应用: ${gateway.url}/`,
      ...lan,
      '',
    ].join('\n'),
  );
  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    void gateway.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by `npm start` with an IPC channel: when that parent goes away, however it died, so do we.
  process.on('disconnect', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
