#!/usr/bin/env node
// `npm test`: the whole suite in CI order — format, lint, typecheck, unit + contract + service
// tests, weapp build + size budget + mini-program tests, function bundles, H5 build + browser E2E.
// `npm test -- --quick` stops after the jest unit/contract/service stage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const quick = process.argv.includes('--quick');
const REPORTS = 'tests/.artifacts/jest';
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
/** A jest stage that also writes its results as JSON, for the totals line at the end. */
const jest = (name, ...args) => ['npx', ['jest', ...args, '--json', `--outputFile=${REPORTS}/${name}.json`]];
const steps = [
  ['format', 'npx', ['prettier', '--check', '.']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']],
  ['unit, contract and service tests', ...jest('logic', '--selectProjects', 'unit', 'contract', 'service')],
  ...(quick
    ? []
    : [
        // taro exits 0 on some config errors, so stale output must not survive to hide a failed build.
        [
          'clean builds',
          'node',
          [
            '-e',
            "require('fs').rmSync('dist/weapp',{recursive:true,force:true});require('fs').rmSync('dist/h5',{recursive:true,force:true})",
          ],
        ],
        ['weapp build', 'npx', ['taro', 'build', '--type', 'weapp']],
        ['weapp package size', 'node', ['scripts/weapp-size.mjs']],
        ['mini-program tests (miniprogram-simulate)', ...jest('weapp', '--selectProjects', 'weapp')],
        ['function bundles', 'npx', ['tsx', 'scripts/build-functions.ts']],
        ['H5 build', 'npx', ['taro', 'build', '--type', 'h5']],
        ['browser E2E (Chromium)', ...jest('e2e', '--selectProjects', 'e2e', '--runInBand')],
      ]),
];

if (!quick && !existsSync('/usr/bin/chromium')) {
  // The browser E2E needs Debian's Chromium (playwright's own download cannot work offline).
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log('» Chromium missing: apt-get install -y chromium');
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    const r = spawnSync(
      'apt-get',
      ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-wqy-microhei'],
      { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } },
    );
    if (r.status !== 0) process.exit(r.status ?? 1);
  } else {
    console.error(
      'Browser E2E needs Chromium at /usr/bin/chromium: sudo apt-get install -y chromium (or run npm test -- --quick)',
    );
    process.exit(1);
  }
}

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

// One closing line with the totals of every jest stage.
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const name of ['logic', 'weapp', 'e2e']) {
  const file = `${REPORTS}/${name}.json`;
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + r.numTodoTests;
}
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
