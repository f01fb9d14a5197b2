import { build } from 'esbuild';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FUNCTION_NAMES } from '../shared/contracts/common';

/** The SDK stays a real dependency of each uploaded function (CloudBase installs it). */
const SDK_VERSION = '3.18.3';

/**
 * Bundle each deployable function with esbuild into dist/cloudfunctions/<name>/index.js (shared/
 * and core/ inlined, the SDK external) beside a package.json and config.json, then load each
 * bundle once to prove it exports `main`.
 */
async function main(): Promise<void> {
  const root = resolve(__dirname, '..');
  const out = resolve(root, 'dist', 'cloudfunctions');
  rmSync(out, { recursive: true, force: true });
  for (const name of FUNCTION_NAMES) {
    const dir = resolve(out, name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [resolve(root, 'cloudfunctions', name, 'index.ts')],
      outfile: resolve(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: ['@cloudbase/node-sdk'],
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    });
    writeFileSync(
      resolve(dir, 'package.json'),
      JSON.stringify(
        {
          name,
          version: '1.0.0',
          main: 'index.js',
          private: true,
          dependencies: { '@cloudbase/node-sdk': SDK_VERSION },
        },
        null,
        2,
      ) + '\n',
    );
    // Functions that notify people may send WeChat subscription messages (cloud call permission).
    const openapi = name === 'activities' || name === 'orders' ? ['subscribeMessage.send'] : [];
    writeFileSync(resolve(dir, 'config.json'), JSON.stringify({ permissions: { openapi } }, null, 2) + '\n');
    const mod = require(resolve(dir, 'index.js')) as { main?: unknown };
    if (typeof mod.main !== 'function') throw new Error(`${name}: bundle does not export main`);
    console.log(`  ${name.padEnd(12)} ${(statSync(resolve(dir, 'index.js')).size / 1024).toFixed(1)} KB`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
