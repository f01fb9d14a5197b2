import { resolve } from 'node:path';
import { buildFunctionBundles } from './lib/bundles';

/**
 * Bundle each deployable function with esbuild into dist/cloudfunctions/<name>/index.js — shared/,
 * core/ and the SDK inlined, the parts of the SDK the functions never use left out (ADR 0022) —
 * beside a package.json with nothing to install and a config.json, then load each bundle once to
 * prove it exports `main`.
 */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  for (const bundle of await buildFunctionBundles(root, resolve(root, 'dist', 'cloudfunctions'), {
    bundleSdk: true,
  })) {
    const mod = require(bundle.file) as { main?: unknown };
    if (typeof mod.main !== 'function') throw new Error(`${bundle.name}: bundle does not export main`);
    console.log(`  ${bundle.name.padEnd(12)} ${(bundle.bytes / 1024).toFixed(1)} KB`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
