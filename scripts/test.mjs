#!/usr/bin/env node
// `npm test`: the whole suite in CI order — format, lint, typecheck, unit + contract + service
// tests, weapp build + size budget + mini-program tests, function bundles, H5 build + browser E2E.
// `npm test -- --quick` stops after the jest unit/contract/service stage.
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['unit, contract and service tests', 'npx', ['jest', '--selectProjects', 'unit', 'contract', 'service']],
  ...(quick
    ? []
    : [
        ['weapp build', 'npx', ['taro', 'build', '--type', 'weapp']],
        ['weapp package size', 'node', ['scripts/weapp-size.mjs']],
        ['mini-program tests (miniprogram-simulate)', 'npx', ['jest', '--selectProjects', 'weapp']],
        ['function bundles', 'npx', ['tsx', 'scripts/build-functions.ts']],
        ['H5 build', 'npx', ['taro', 'build', '--type', 'h5']],
        ['browser E2E (Chromium)', 'npx', ['jest', '--selectProjects', 'e2e', '--runInBand']],
      ]),
];

const started = Date.now();
for (const [name, cmd, args] of steps) {
  const t = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll steps passed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
