import { build, type Metafile, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FUNCTION_NAMES, type FunctionName } from '../../shared/contracts/common';

/** The SDK version every function depends on (the emulator speaks its wire protocol). */
export const SDK_VERSION = '3.18.3';

/**
 * Parts of the SDK a bundle that carries it leaves out (ADR 0022): loaded eagerly by the SDK, never
 * used by the functions, together ~140 ms of every cold start. Each is replaced by a module that
 * throws a clear error if it is ever reached (`scripts/lib/sdk-left-out/`).
 */
const SDK_LEFT_OUT: { module: RegExp; importer: RegExp; stub: string }[] = [
  { module: /^\.\/ai$/, importer: /@cloudbase[\\/]node-sdk[\\/]dist[\\/]cloudbase\.js$/, stub: 'ai.ts' },
  {
    module: /^@cloudbase\/wx-cloud-client-sdk$/,
    importer: /@cloudbase[\\/]node-sdk[\\/]/,
    stub: 'wx-cloud-client-sdk.ts',
  },
  { module: /^jsonwebtoken$/, importer: /@cloudbase[\\/]node-sdk[\\/]/, stub: 'jsonwebtoken.ts' },
];

function leaveOutOfSdk(stubDir: string): Plugin {
  return {
    name: 'sdk-left-out',
    setup(b) {
      for (const left of SDK_LEFT_OUT)
        b.onResolve({ filter: left.module }, (args) =>
          left.importer.test(args.importer) ? { path: resolve(stubDir, left.stub) } : undefined,
        );
    },
  };
}

/** What one function's bundle is made of. */
export interface BundleReport {
  name: FunctionName;
  /** The bundle file (`index.js`) and its size in bytes. */
  file: string;
  bytes: number;
  /** esbuild's metafile: every input and the bytes it contributes to the output. */
  metafile: Metafile;
}

/**
 * Bundle each deployable function with esbuild into `<outDir>/<name>/index.js` (shared/ and core/
 * inlined; the SDK inlined too when `bundleSdk`, else left to the function's package.json, which
 * CloudBase installs) beside its package.json and config.json (ADR 0022).
 */
export async function buildFunctionBundles(
  root: string,
  outDir: string,
  opts: { bundleSdk: boolean },
): Promise<BundleReport[]> {
  rmSync(outDir, { recursive: true, force: true });
  const reports: BundleReport[] = [];
  for (const name of FUNCTION_NAMES) {
    const dir = resolve(outDir, name);
    mkdirSync(dir, { recursive: true });
    const file = resolve(dir, 'index.js');
    const result = await build({
      entryPoints: [resolve(root, 'cloudfunctions', name, 'index.ts')],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node18',
      format: 'cjs',
      external: opts.bundleSdk ? [] : ['@cloudbase/node-sdk'],
      plugins: opts.bundleSdk ? [leaveOutOfSdk(resolve(root, 'scripts', 'lib', 'sdk-left-out'))] : [],
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'error',
      metafile: true,
    });
    writeFileSync(
      resolve(dir, 'package.json'),
      JSON.stringify(
        {
          name,
          version: '1.0.0',
          main: 'index.js',
          private: true,
          dependencies: opts.bundleSdk ? {} : { '@cloudbase/node-sdk': SDK_VERSION },
        },
        null,
        2,
      ) + '\n',
    );
    // Functions that notify people may send WeChat subscription messages (cloud call permission).
    const openapi = name === 'activities' || name === 'orders' ? ['subscribeMessage.send'] : [];
    writeFileSync(resolve(dir, 'config.json'), JSON.stringify({ permissions: { openapi } }, null, 2) + '\n');
    reports.push({ name, file, bytes: statSync(file).size, metafile: result.metafile });
  }
  return reports;
}

/**
 * The heaviest inputs of a bundle, grouped by npm package (or `(project)` for our own code), in
 * bytes of output, largest first — what rides along.
 */
export function heaviestInputs(report: BundleReport, top = 5): { source: string; bytes: number }[] {
  const output = Object.values(report.metafile.outputs)[0];
  const bySource = new Map<string, number>();
  for (const [path, info] of Object.entries(output?.inputs ?? {})) {
    const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? '(project)';
    bySource.set(pkg, (bySource.get(pkg) ?? 0) + info.bytesInOutput);
  }
  return [...bySource.entries()]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, top);
}
