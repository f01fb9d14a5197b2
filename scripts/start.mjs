#!/usr/bin/env node
// `npm start`: build the H5 app unless dist/h5 already is the build of the current sources
// (SKIP_BUILD=1 skips it regardless), then run the local gateway — app, functions, emulator and
// demo data on one port. The build's output goes to .data/logs/h5-build.log; only its errors are
// shown. Ctrl+C, SIGTERM or SIGHUP to `npm start` stop whatever it runs (see `stop` below); if
// this process dies anyway, the gateway notices its IPC channel closing and stops too.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { h5InputsHash, isH5BuildCurrent, runQuietly, writeH5Stamp } = require('./lib/start-support.js');

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** The process running now (the build, then the gateway): signals to us are passed on to it. */
let running;
let stopping = false;
function stop(signal) {
  stopping = true;
  if (running && running.exitCode === null && running.signalCode === null) running.kill(signal);
  else process.exit(128 + SIGNALS[signal]);
}
for (const signal of Object.keys(SIGNALS)) process.on(signal, () => stop(signal));
// npm runs this through `sh -c`, and that shell dies of the SIGTERM npm passes on without passing
// it further: we are then re-parented, and that is our cue to stop.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent && !stopping) stop('SIGTERM');
}, 200).unref();

async function buildH5() {
  if (process.env.SKIP_BUILD === '1') {
    console.log('» 跳过 H5 构建（SKIP_BUILD=1）');
    return;
  }
  if (isH5BuildCurrent(root)) {
    console.log('» H5 构建已是最新（client/ shared/ config/ 与依赖均未改动），跳过构建');
    return;
  }
  const inputs = h5InputsHash(root);
  const logFile = join(root, '.data', 'logs', 'h5-build.log');
  const shownLog = relative(root, logFile);
  console.log(`» 构建 H5 …（输出写入 ${shownLog}）`);
  const started = Date.now();
  const { child, done } = runQuietly(
    process.execPath,
    [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5'],
    {
      logFile,
      cwd: root,
      env: process.env,
    },
  );
  running = child;
  const result = await done;
  running = undefined;
  if (stopping) process.exit(130);
  // Taro exits 0 on some configuration errors: a build without index.html failed all the same.
  if (result.code !== 0 || !existsSync(join(root, 'dist', 'h5', 'index.html'))) {
    console.error('✗ H5 构建失败：');
    for (const line of result.errors) console.error(`  ${line}`);
    console.error(`完整输出：${shownLog}`);
    process.exit(result.code || 1);
  }
  writeH5Stamp(root, inputs);
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  const warnings = result.warnings > 0 ? `；${result.warnings} 条警告，见 ${shownLog}` : '';
  console.log(`✓ H5 已构建（${seconds} 秒${warnings}）`);
}

function runGateway() {
  // node + tsx's loader directly (no npx/tsx wrapper processes), with an IPC channel the gateway
  // watches so it never outlives this process.
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'emulator', 'gateway', 'main.ts')], {
    cwd: root,
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  running = child;
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 + (SIGNALS[signal] ?? 0) : 0)));
}

await buildH5();
runGateway();
