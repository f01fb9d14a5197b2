import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm start` as a person uses it (issue 16, "Start and demo"): the address is the last thing it
 * prints, the H5 build is skipped when its inputs have not changed and runs quietly when they
 * have, and a signal to the npm process stops everything it started.
 */
const root = resolve(__dirname, '..', '..');
type StartSupport = {
  h5InputsHash(root: string, env?: Record<string, string | undefined>): string;
  isH5BuildCurrent(root: string, env?: Record<string, string | undefined>): boolean;
  writeH5Stamp(root: string, inputs: string): void;
  runQuietly(
    cmd: string,
    args: string[],
    opts: { logFile: string; cwd: string; env: NodeJS.ProcessEnv },
  ): { child: ChildProcess; done: Promise<{ code: number | null; warnings: number; errors: string[] }> };
};
const support = (): StartSupport => require('../../scripts/lib/start-support.js') as StartSupport;

/** Every live process below `pid`, from /proc (Linux). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const [child, parent] of parentOf) {
      if (parent !== p || found.includes(child)) continue;
      found.push(child);
      walk(child);
    }
  };
  walk(pid);
  return found;
}

const alive = (pid: number) =>
  existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');

function portRefuses(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(false)));
    socket.once('error', () => ok(true));
  });
}

async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

/** Runs `npm start` (no build, fresh data, port 0) until it prints its address. */
async function npmStart(dataDir: string, detached: boolean) {
  const npm = spawn('npm', ['start'], {
    cwd: root,
    detached,
    env: { ...process.env, SKIP_BUILD: '1', PORT: '0', DATA_DIR: dataDir, GATEWAY_TIMERS: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((r) => npm.once('exit', () => r()));
  const started = await until(() => /打开应用: http:\/\/127\.0\.0\.1:\d+\/\n/.test(out), 60_000);
  if (!started) {
    npm.kill('SIGKILL');
    throw new Error(`npm start did not print its address:\n${out}`);
  }
  await new Promise((r) => setTimeout(r, 300)); // anything printed after the address would show now
  const port = Number(/打开应用: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out)![1]);
  return { npm, port, output: () => out, exited };
}

describe('npm start', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'station-link-start-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the address last, and SIGTERM to the npm process stops the gateway and every child', async () => {
    const { npm, port, output, exited } = await npmStart(dataDir, false);
    const tree = descendants(npm.pid!);
    try {
      const lines = output().trimEnd().split('\n');
      expect(lines[lines.length - 1]).toBe(`  ➜  打开应用: http://127.0.0.1:${port}/`);
      expect(tree.map((p) => readFileSync(`/proc/${p}/cmdline`, 'utf8')).join('\n')).toContain(
        'emulator/gateway/main.ts',
      );
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toMatchObject({ ok: true });

      npm.kill('SIGTERM');
      await exited;
      expect(await until(() => tree.every((p) => !alive(p)), 10_000)).toBe(true);
      expect(await portRefuses(port)).toBe(true);
    } finally {
      for (const p of tree) if (alive(p)) process.kill(p, 'SIGKILL');
    }
  }, 90_000);

  it('stops everything on Ctrl+C (SIGINT to the whole terminal process group)', async () => {
    const { npm, port, exited } = await npmStart(dataDir, true);
    const tree = descendants(npm.pid!);
    try {
      process.kill(-npm.pid!, 'SIGINT');
      await exited;
      expect(await until(() => tree.every((p) => !alive(p)), 10_000)).toBe(true);
      expect(await portRefuses(port)).toBe(true);
    } finally {
      for (const p of tree) if (alive(p)) process.kill(p, 'SIGKILL');
    }
  }, 90_000);
});

describe('the H5 build stamp', () => {
  let project: string;
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'station-link-stamp-'));
    for (const dir of ['client/pages', 'shared', 'config', 'dist/h5'])
      mkdirSync(join(project, dir), { recursive: true });
    writeFileSync(join(project, 'client/pages/index.tsx'), 'export default 1;');
    writeFileSync(join(project, 'shared/rules.ts'), 'export const a = 1;');
    writeFileSync(join(project, 'config/index.ts'), 'export default {};');
    writeFileSync(join(project, 'package-lock.json'), '{"lockfileVersion":3}');
    writeFileSync(join(project, 'dist/h5/index.html'), '<html>build 1</html>');
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  const stampBuild = (env: Record<string, string | undefined> = {}) =>
    support().writeH5Stamp(project, support().h5InputsHash(project, env));

  it('calls a build current only after npm start stamped it from the same inputs', () => {
    expect(support().isH5BuildCurrent(project, {})).toBe(false);
    stampBuild();
    expect(support().isH5BuildCurrent(project, {})).toBe(true);
  });

  it.each([
    ['a client source changes', 'client/pages/index.tsx', 'export default 2;'],
    ['a shared rule changes', 'shared/rules.ts', 'export const a = 2;'],
    ['the build config changes', 'config/index.ts', 'export default { x: 1 };'],
    ['a dependency changes', 'package-lock.json', '{"lockfileVersion":3,"x":1}'],
    ['a client file is added', 'client/pages/new.tsx', 'export default 3;'],
  ])('rebuilds when %s', (_what, file, content) => {
    stampBuild();
    writeFileSync(join(project, file), content);
    expect(support().isH5BuildCurrent(project, {})).toBe(false);
  });

  it('rebuilds when a client file is removed, the environment baked into the bundle changes, or the output is gone', () => {
    stampBuild();
    rmSync(join(project, 'shared/rules.ts'));
    expect(support().isH5BuildCurrent(project, {})).toBe(false);
    stampBuild();
    expect(support().isH5BuildCurrent(project, { TCB_ENV: 'prod-env' })).toBe(false);
    rmSync(join(project, 'dist/h5/index.html'));
    expect(support().isH5BuildCurrent(project, {})).toBe(false);
  });

  it('rebuilds when another build replaced dist/h5 after the stamp (npm run build:h5 of other sources)', () => {
    stampBuild();
    writeFileSync(join(project, 'dist/h5/index.html'), '<html>build 2</html>');
    expect(support().isH5BuildCurrent(project, {})).toBe(false);
  });
});

describe('the quiet build', () => {
  let logDir: string;
  beforeEach(() => {
    logDir = mkdtempSync(join(tmpdir(), 'station-link-buildlog-'));
  });
  afterEach(() => rmSync(logDir, { recursive: true, force: true }));

  const fakeBuild = (script: string) =>
    support().runQuietly(process.execPath, ['-e', script], {
      logFile: join(logDir, 'logs', 'h5-build.log'),
      cwd: root,
      env: process.env,
    }).done;

  it('keeps a successful build’s output, warnings included, in the log file only', async () => {
    const result = await fakeBuild(
      "console.log('Compiling…'); console.warn('⚠️ Warnings:'); console.warn('WARNING in ./client/x.tsx'); console.warn('WARNING in asset size limit'); console.log('done')",
    );
    expect(result).toEqual({ code: 0, signal: null, warnings: 2, errors: [] });
    expect(readFileSync(join(logDir, 'logs', 'h5-build.log'), 'utf8')).toBe(
      'Compiling…\n⚠️ Warnings:\nWARNING in ./client/x.tsx\nWARNING in asset size limit\ndone\n',
    );
  });

  it('hands back the errors of a failed build, from the first error line on, without the noise before it', async () => {
    const result = await fakeBuild(
      "console.log('Compiling…'); console.warn('WARNING in ./a.tsx'); console.error('\\u001b[31mERROR in ./client/pages/x.tsx\\u001b[39m'); console.error(\"Module not found: Can't resolve './y'\"); process.exit(2)",
    );
    expect(result.code).toBe(2);
    expect(result.errors).toEqual(['ERROR in ./client/pages/x.tsx', "Module not found: Can't resolve './y'"]);
  });
});
