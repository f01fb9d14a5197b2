import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildFunctionBundles, heaviestInputs, type BundleReport } from '../../scripts/lib/bundles';

/**
 * `npm run bench -- --bundles`: every function bundled as `npm run build:functions` bundles it
 * (the SDK inside, ADR 0022), its size and what is heaviest in it (esbuild's metafile), and its
 * cold start — a fresh `node` process that `require`s the bundle, against a fresh `node -e 0` —
 * measured in this one run, interleaved, several times, as a median ratio. For comparison the same
 * with the SDK left out of the bundle and installed beside it, and the SDK alone.
 */
const REPS = 9;
const LIMIT_BYTES = 1024 * 1024;

/** Figures of the bundles bench, as the `--json` line names them. */
export interface BundleFigures {
  /** Bytes of each function's deployed bundle (`index.js`). */
  bundleBytes: Record<string, number>;
  /** Median cold `require` time of a bundle over a bare `node -e 0`, the most over the functions. */
  coldRequireRatio: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Wall time of one fresh node process running `code` (ms). */
function nodeRun(code: string): number {
  const start = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['-e', code], { stdio: 'ignore' });
  if (res.status !== 0) throw new Error(`node -e ${code} failed`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median time of each labelled program, runs interleaved so machine load hits them alike. */
function coldTimes(programs: Record<string, string>): Record<string, number> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(programs).map((k) => [k, []]));
  for (let rep = 0; rep < REPS; rep++)
    for (const [label, code] of Object.entries(programs)) times[label]!.push(nodeRun(code));
  return Object.fromEntries(Object.entries(times).map(([label, xs]) => [label, median(xs)]));
}

const requireOf = (file: string) => `require(${JSON.stringify(file)})`;

export async function bundlesBench(): Promise<BundleFigures> {
  const root = resolve(__dirname, '..', '..');
  const deployed = await buildFunctionBundles(root, resolve(root, 'dist', 'bench-bundles'), { bundleSdk: true });
  // Under dist/ so these bundles find the SDK in node_modules, as if CloudBase had installed it.
  const installed = await buildFunctionBundles(root, resolve(root, 'dist', 'bench-bundles-installed'), {
    bundleSdk: false,
  });
  console.log('\nFunction bundles (as deployed, the SDK inside), and what weighs most in each:');
  for (const bundle of deployed) {
    const heavy = heaviestInputs(bundle, 4)
      .map((h) => `${h.source} ${(h.bytes / 1024).toFixed(0)} KB`)
      .join(', ');
    const flag = bundle.bytes > LIMIT_BYTES ? '  ✗ over 1 MB' : '';
    console.log(`   ${bundle.name.padEnd(12)} ${(bundle.bytes / 1024).toFixed(1).padStart(7)} KB — ${heavy}${flag}`);
  }
  const programs: Record<string, string> = { bare: '0', sdk: requireOf('@cloudbase/node-sdk') };
  const label = (b: BundleReport, kind: string) => `${kind}:${b.name}`;
  for (const b of deployed) programs[label(b, 'deployed')] = requireOf(b.file);
  for (const b of installed) programs[label(b, 'installed')] = requireOf(b.file);
  const times = coldTimes(programs);
  const bare = times.bare!;
  console.log(
    `\nCold start (median of ${REPS}, fresh node each): node -e 0 ${bare.toFixed(0)} ms; require('@cloudbase/node-sdk') alone ×${(times.sdk! / bare).toFixed(2)}`,
  );
  console.log(
    `   ${'function'.padEnd(12)} ${'as deployed'.padStart(12)} ${'SDK installed'.padStart(15)} ${'size without SDK'.padStart(17)}`,
  );
  let worst = 0;
  for (const b of deployed) {
    const ratio = times[label(b, 'deployed')]! / bare;
    const lean = installed.find((w) => w.name === b.name)!;
    worst = Math.max(worst, ratio);
    console.log(
      `   ${b.name.padEnd(12)} ${`×${ratio.toFixed(2)}`.padStart(12)} ${`×${(times[label(lean, 'installed')]! / bare).toFixed(2)}`.padStart(15)} ${`${(lean.bytes / 1024).toFixed(0)} KB`.padStart(17)}`,
    );
  }
  return {
    bundleBytes: Object.fromEntries(deployed.map((b) => [b.name, b.bytes])),
    coldRequireRatio: Math.round(worst * 100) / 100,
  };
}
