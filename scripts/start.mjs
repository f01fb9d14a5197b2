#!/usr/bin/env node
// `npm start`: build the H5 app (skip with SKIP_BUILD=1), then run the local gateway with the
// emulator, the functions and the demo data on one port.
import { spawnSync, spawn } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

if (process.env.SKIP_BUILD !== '1') {
  console.log('» 构建 H5 …');
  run('npx', ['taro', 'build', '--type', 'h5']);
}
const child = spawn('npx', ['tsx', 'emulator/gateway/main.ts'], { stdio: 'inherit' });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
