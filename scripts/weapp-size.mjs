#!/usr/bin/env node
// Package sizes of the weapp build (dist/weapp), as WeChat counts them: the main package is every
// file outside the subpackage roots listed in app.json; each subpackage is its root folder.
// Fails when any package exceeds WeChat's 2 MB limit or one of our budgets: the main package
// (tab pages must live in it, and it is what every first launch downloads) and the console
// subpackage, which carries the F2 chart library (docs/adr/0012-report-charts-with-f2.md).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const KB = 1024;
const PACKAGE_LIMIT_KB = 2048;
/** Our own limits, below WeChat's, for the packages worth watching. */
const BUDGETS_KB = {
  '(main)': 1200,
  // ≈ 80 KB of pages + ≈ 450 KB of F2 (measured 528 KB): a second chart library would not fit.
  'packages/console': 640,
};
/** Files in the output that are not uploaded as code (DevTools config, source maps). */
const NOT_SHIPPED = [/^project(\.private)?\.config\.json$/, /\.map$/];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');
const appJsonPath = path.join(root, 'app.json');
if (!existsSync(appJsonPath)) {
  console.error(`No weapp build at ${root}: run \`npm run build:weapp\` first.`);
  process.exit(2);
}

const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((sub) => sub.root.replace(/\/+$/, ''));

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full) : [full];
  });
}

const sizes = new Map([['(main)', 0], ...subRoots.map((sub) => [sub, 0])]);
for (const file of files(root)) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (NOT_SHIPPED.some((pattern) => pattern.test(path.basename(relative)))) continue;
  const owner = subRoots.find((sub) => relative === sub || relative.startsWith(`${sub}/`)) ?? '(main)';
  sizes.set(owner, sizes.get(owner) + statSync(file).size);
}

const problems = [];
const rows = [...sizes].map(([name, bytes]) => {
  const kb = bytes / KB;
  const limit = Math.min(BUDGETS_KB[name] ?? PACKAGE_LIMIT_KB, PACKAGE_LIMIT_KB);
  if (kb > limit) problems.push(`${name} is ${kb.toFixed(1)} KB, over its ${limit} KB limit`);
  return { name, kb, limit };
});

const width = Math.max(...rows.map((row) => row.name.length));
console.log('weapp package sizes (dist/weapp)');
for (const row of rows) {
  console.log(`  ${row.name.padEnd(width)}  ${row.kb.toFixed(1).padStart(8)} KB  (limit ${row.limit} KB)`);
}
const total = rows.reduce((sum, row) => sum + row.kb, 0);
console.log(`  ${'total'.padEnd(width)}  ${total.toFixed(1).padStart(8)} KB`);

if (problems.length) {
  for (const problem of problems) console.error(`✗ ${problem}`);
  process.exit(1);
}
console.log('✓ every package is within its limit');
