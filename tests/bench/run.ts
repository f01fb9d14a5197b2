import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm run bench [-- --residents 2000 --seats 100]`: a burst of concurrent sign-ups through the
 * gateway over HTTP, with the gateway (functions + emulator) in its own process. Prints outcome
 * counts (oversold must be 0), database calls per successful booking from the emulator's
 * counters, and p50/p99 latency beside the cheapest signed-in action (`accounts.me`) measured in
 * the same run, as a ratio — absolute times on a shared 2-core machine mean little.
 */
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2)
  args.set(process.argv[i]!.replace(/^--/, ''), process.argv[i + 1] ?? '');
const RESIDENTS = Number(args.get('residents') ?? 2000);
const SEATS = Number(args.get('seats') ?? 100);
const root = resolve(__dirname, '..', '..');
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

type Stats = Record<string, Record<string, number>>;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-link-bench-'));
  const port = 18000 + Math.floor(Math.random() * 2000);
  const server = await startGatewayProcess(port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  try {
    const admin = await login(base, { persona: 'admin' });
    const activity = await call(base, 'activities', 'create', { stationId: 'st_LJ01', data: benchActivity() }, admin);
    const activityId = activity.data.activityId as string;
    await call(base, 'activities', 'publish', { activityId }, admin);

    const tokens: string[] = [];
    for (let i = 0; i < RESIDENTS; i += 200) {
      tokens.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(200, RESIDENTS - i) }, (_, k) => login(base, { openid: `bench-${i + k}` })),
        )),
      );
    }
    // Warm every account (first use creates it) so the burst measures booking, not sign-up.
    await inBatches(tokens, 200, (t) => call(base, 'accounts', 'me', {}, t));

    const baseline = await timed(tokens.slice(0, Math.min(500, RESIDENTS)), (t) => call(base, 'accounts', 'me', {}, t));

    await fetchJson(`${base}/emulator/stats/reset`, 'POST');
    const burst = await timed(tokens, (t) => call(base, 'activities', 'signUp', { activityId }, t));
    const stats = (await fetchJson(`${base}/emulator/stats`, 'GET')) as Stats;

    const confirmed = burst.answers.filter((a) => a.ok).length;
    const full = burst.answers.filter((a) => !a.ok && a.error.code === 'ACTIVITY_FULL').length;
    const other = burst.answers.length - confirmed - full;
    const stored = await call(base, 'activities', 'get', { activityId }, admin);
    const writes = countWrites(stats);
    const reads = countReads(stats);

    console.log(`\nSign-up burst: ${RESIDENTS} residents, ${SEATS} seats, all at once over HTTP`);
    console.log(`  confirmed            ${confirmed}`);
    console.log(`  refused (full)       ${full}`);
    console.log(`  other errors         ${other}`);
    console.log(
      `  oversold             ${Math.max(0, stored.data.confirmed - SEATS)}   (stored confirmed = ${stored.data.confirmed})`,
    );
    console.log(
      `  db writes / booking  ${(writes.successPath / Math.max(1, confirmed)).toFixed(2)}   (seat + booking inserts: ${writes.successPath}; all writes incl. refused attempts: ${writes.all})`,
    );
    console.log(
      `  db calls / request   ${((reads + writes.all) / RESIDENTS).toFixed(2)}   (reads ${reads}, writes ${writes.all})`,
    );
    console.log(
      `  latency sign-up      p50 ${burst.p50.toFixed(1)} ms   p99 ${burst.p99.toFixed(1)} ms   (${(RESIDENTS / (burst.wallMs / 1000)).toFixed(0)} req/s)`,
    );
    console.log(
      `  baseline accounts.me p50 ${baseline.p50.toFixed(1)} ms   p99 ${baseline.p99.toFixed(1)} ms   (same run, ${baseline.answers.length} calls)`,
    );
    console.log(
      `  ratio sign-up / me   p50 ×${(burst.p50 / baseline.p50).toFixed(2)}   p99 ×${(burst.p99 / baseline.p99).toFixed(2)}`,
    );
    console.log(`  per-collection ops   ${JSON.stringify(stats)}`);
    if (stored.data.confirmed > SEATS || confirmed !== Math.min(SEATS, RESIDENTS) || other > 0) {
      console.error('\n✗ integrity failure: oversold, undersold or unexpected errors');
      process.exitCode = 1;
    }
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function benchActivity() {
  const start = new Date(Date.now() + 3 * 86400_000);
  return {
    title: '压测活动',
    category: 'culture',
    method: 'community',
    location: '文化广场',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
    capacity: SEATS,
  };
}

function countWrites(stats: Stats) {
  const ops = (c: string, a: string) => stats[c]?.[a] ?? 0;
  let all = 0;
  for (const byAction of Object.values(stats)) {
    for (const [action, n] of Object.entries(byAction))
      if (/insert|modify|remove|update|delete/i.test(action)) all += n;
  }
  // A successful booking is the seat's conditional update plus the booking insert; refused attempts
  // also make one (non-matching) conditional update, which CloudBase still counts as a write call.
  const successPath =
    ops('bookings', 'insertDocument') +
    Math.min(ops('activities', 'modifyDocument'), ops('bookings', 'insertDocument'));
  return { all, successPath };
}

function countReads(stats: Stats): number {
  let n = 0;
  for (const byAction of Object.values(stats)) {
    for (const [action, count] of Object.entries(byAction))
      if (/get|count|aggregate|calculate/i.test(action)) n += count;
  }
  return n;
}

async function timed(tokens: string[], fn: (token: string) => Promise<any>) {
  const latencies: number[] = [];
  const t0 = performance.now();
  const answers = await Promise.all(
    tokens.map(async (t) => {
      const s = performance.now();
      const answer = await fn(t);
      latencies.push(performance.now() - s);
      return answer;
    }),
  );
  const wallMs = performance.now() - t0;
  latencies.sort((x, y) => x - y);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { answers, p50: pct(50), p99: pct(99), wallMs };
}

async function inBatches<T>(items: T[], size: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

async function login(base: string, body: unknown): Promise<string> {
  const answer = await postJson(`${base}/api/dev/login`, body);
  if (!answer.ok) throw new Error(`login failed: ${JSON.stringify(answer)}`);
  return answer.data.token as string;
}

function call(base: string, fn: string, action: string, data: unknown, token: string): Promise<any> {
  return postJson(`${base}/api/${fn}`, { action, data }, token);
}

function postJson(url: string, body: unknown, token?: string): Promise<any> {
  const text = JSON.stringify(body);
  return new Promise((ok, fail) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
      },
    );
    req.on('error', fail);
    req.end(text);
  });
}

async function fetchJson(url: string, method: 'GET' | 'POST'): Promise<unknown> {
  const res = await fetch(url, { method });
  return res.json();
}

function startGatewayProcess(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'emulator/gateway/main.ts')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    const timer = setTimeout(() => fail(new Error('gateway did not start in 60 s')), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('/healthz')) {
        clearTimeout(timer);
        ok(child);
      }
    });
    child.on('exit', (code) => fail(new Error(`gateway exited with ${code}`)));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
