import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { startGateway } from './server';

/**
 * `npm start` runs this after building H5: one port for the app, the functions, the emulator's
 * SDK endpoint and health. PORT and DATA_DIR override the defaults.
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
    host: process.env.HOST ?? '127.0.0.1',
    dataDir,
    h5Dir: resolve(root, 'dist', 'h5'),
    seed: true,
    devLogin: true,
  });
  console.log(
    [
      '',
      '社工站通 本地环境已启动',
      `  应用 (H5):        ${gateway.url}/`,
      `  云函数网关:       POST ${gateway.url}/api/<函数名>  { "action": "...", "data": {...} }`,
      `  数据库 serviceUrl: ${gateway.serviceUrl}   (tcb.init({ env, serviceUrl }))`,
      `  健康检查:         ${gateway.url}/healthz`,
      `  数据目录:         ${dataDir}`,
      '',
      '按 Ctrl+C 退出',
    ].join('\n'),
  );
  const stop = () => {
    void gateway.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
