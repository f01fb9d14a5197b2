import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { type Answer, call, inBatches, login, resetStats, type Stats, stats } from './http';

/**
 * `npm run bench [-- --residents 2000 --seats 100 --waitlist 300 --storm 50 --door 200]`
 * `npm run bench -- --report` · `-- --bundles` · `-- --orders` · `-- --visits` · `-- --all` (the five in
 * one run) · `--json`
 *
 * Bursts through the gateway over HTTP, with the gateway (functions + emulator) in its own
 * process: (1) sign-ups for an activity without a waitlist, (2) the same burst with a waitlist,
 * (3) a storm of concurrent cancellations that must each promote the next in line, in order, and
 * (4) a door rush of check-ins and repeated scans. Prints outcome counts (oversold must be 0),
 * database calls per request from the emulator's counters, and p50/p99 latency beside the
 * cheapest signed-in action (`accounts.me`) measured in the same run, as ratios — absolute times
 * on a shared 2-core machine mean little. Exits non-zero on any integrity failure.
 *
 * `--report` runs the 月报 bench (report.ts), `--bundles` the function bundles and cold starts
 * (bundles.ts), `--orders` the service-order bench (orders.ts), `--visits` the 月报's visit
 * section over 20,000 targets (visits.ts); `--all` runs the burst, the report, the bundles, the
 * orders and the visit section in one process. With `--json`
 * the output ends with ONE line holding a JSON object of the figures of every section run
 * (README, "Performance").
 */
const flags = new Set(process.argv.slice(2).filter((a) => /^--(json|report|bundles|orders|visits|all|burst)$/.test(a)));
const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i++) {
  const name = process.argv[i]!;
  if (name.startsWith('--') && !flags.has(name)) args.set(name.replace(/^--/, ''), process.argv[++i] ?? '');
}
const RESIDENTS = Number(args.get('residents') ?? 2000);
const SEATS = Number(args.get('seats') ?? 100);
const WAITLIST = Number(args.get('waitlist') ?? 300);
const STORM = Math.min(Number(args.get('storm') ?? 50), SEATS);
const DOOR = Math.min(Number(args.get('door') ?? 200), RESIDENTS);
const root = resolve(__dirname, '..', '..');
/** The emulator credential handed to the gateway process, so this script can read counters and rows. */
const CREDENTIALS = { secretId: `bench-${randomBytes(4).toString('hex')}`, secretKey: randomBytes(24).toString('hex') };
const CONTROL = { authorization: `Bearer ${CREDENTIALS.secretKey}` };

let failures = 0;

function check(ok: boolean, what: string): void {
  if (!ok) {
    failures++;
    console.error(`  ✗ ${what}`);
  }
}

/** Figures of the burst bench, as the `--json` line names them. */
export interface BurstFigures {
  signupCallsPerRequest: number;
  signupP99Ratio: number;
  waitlistCallsPerRequest: number;
  waitlistP99Ratio: number;
  cancelCallsPerCancellation: number;
  doorCallsPerCheckIn: number;
  doorCallsPerRepeat: number;
  oversold: number;
}

async function main(): Promise<void> {
  const all = flags.has('--all');
  const figures: Record<string, unknown> = {};
  const sectionAsked = ['--report', '--bundles', '--orders', '--visits'].some((f) => flags.has(f));
  if (all || flags.has('--burst') || !sectionAsked) Object.assign(figures, await burstBench());
  if (all || flags.has('--report')) Object.assign(figures, await (await import('./report')).reportBench());
  if (all || flags.has('--bundles')) Object.assign(figures, await (await import('./bundles')).bundlesBench());
  if (all || flags.has('--orders')) Object.assign(figures, await (await import('./orders')).ordersBench());
  if (all || flags.has('--visits')) Object.assign(figures, await (await import('./visits')).visitsBench());
  if (flags.has('--json')) console.log(JSON.stringify(figures));
}

/** The four bursts through the gateway; answers their figures. */
async function burstBench(): Promise<BurstFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-link-bench-'));
  // The shared machine gives benches and local servers 18600–18699.
  const port = 18600 + Math.floor(Math.random() * 100);
  const server = await startGatewayProcess(port, dataDir);
  const base = `http://127.0.0.1:${port}`;
  const db = tcb.init({ env: 'local', serviceUrl: `${base}/admin`, ...CREDENTIALS }).database();
  try {
    const admin = await login(base, { persona: 'admin' });
    const tokens: string[] = [];
    for (let i = 0; i < RESIDENTS; i += 200) {
      const n = Math.min(200, RESIDENTS - i);
      tokens.push(
        ...(await Promise.all(Array.from({ length: n }, (_, k) => login(base, { openid: `bench-${i + k}` })))),
      );
    }
    await inBatches(tokens, 200, (t) => call(base, 'accounts', 'me', {}, t)); // first use creates the account
    const baseline = await timed(tokens.slice(0, Math.min(500, RESIDENTS)), (t) => call(base, 'accounts', 'me', {}, t));
    console.log(
      `Baseline accounts.me: p50 ${baseline.p50.toFixed(1)} ms, p99 ${baseline.p99.toFixed(1)} ms (${baseline.answers.length} calls)`,
    );
    const ratio = (r: { p50: number; p99: number }) =>
      `p50 ×${(r.p50 / baseline.p50).toFixed(2)}, p99 ×${(r.p99 / baseline.p99).toFixed(2)} of baseline`;

    // 1. Burst without a waitlist.
    const plain = await newActivity(base, admin, { capacity: SEATS, waitlistCapacity: 0 });
    await resetStats(base, CONTROL);
    const burst = await timed(tokens, (t) => call(base, 'activities', 'signUp', { activityId: plain }, t));
    const burstStats = await stats(base, CONTROL);
    const confirmed1 = burst.answers.filter((a) => a.ok).length;
    const full1 = count(burst.answers, 'ACTIVITY_FULL');
    const stored1 = (await call(base, 'activities', 'get', { activityId: plain }, admin)).data.confirmed as number;
    console.log(`\n1. Sign-up burst: ${RESIDENTS} residents, ${SEATS} seats, no waitlist`);
    console.log(
      `   confirmed ${confirmed1}, refused full ${full1}, other ${RESIDENTS - confirmed1 - full1}, oversold ${Math.max(0, stored1 - SEATS)}`,
    );
    console.log(
      `   db writes per successful booking ${(successWrites(burstStats) / Math.max(1, confirmed1)).toFixed(2)} (seat update + booking insert)`,
    );
    console.log(
      `   db calls per sign-up request ${(calls(burstStats) / RESIDENTS).toFixed(2)} (reads ${reads(burstStats)}, writes ${writes(burstStats)})`,
    );
    console.log(
      `   latency p50 ${burst.p50.toFixed(1)} ms, p99 ${burst.p99.toFixed(1)} ms — ${ratio(burst)}; ${(RESIDENTS / (burst.wallMs / 1000)).toFixed(0)} req/s`,
    );
    check(
      confirmed1 === Math.min(SEATS, RESIDENTS) && stored1 === confirmed1 && full1 === RESIDENTS - confirmed1,
      'burst: exact seats, none oversold',
    );

    // 2. Burst with a waitlist.
    const lined = await newActivity(base, admin, { capacity: SEATS, waitlistCapacity: WAITLIST });
    await resetStats(base, CONTROL);
    const burst2 = await timed(tokens, (t) => call(base, 'activities', 'signUp', { activityId: lined }, t));
    const burst2Stats = await stats(base, CONTROL);
    const seated = burst2.answers.filter((a) => a.ok && a.data.status === 'confirmed').length;
    const waiting = burst2.answers.filter((a) => a.ok && a.data.status === 'waitlisted').length;
    const refused = count(burst2.answers, 'WAITLIST_FULL');
    const doc2 = (await call(base, 'activities', 'get', { activityId: lined }, admin)).data;
    console.log(`\n2. Sign-up burst with waitlist: ${RESIDENTS} residents, ${SEATS} seats, waitlist ${WAITLIST}`);
    console.log(
      `   confirmed ${seated}, waitlisted ${waiting}, refused ${refused}, other ${RESIDENTS - seated - waiting - refused}, oversold ${Math.max(0, doc2.confirmed - SEATS)}`,
    );
    console.log(
      `   db calls per sign-up request ${(calls(burst2Stats) / RESIDENTS).toFixed(2)} (reads ${reads(burst2Stats)}, writes ${writes(burst2Stats)})`,
    );
    console.log(`   latency p50 ${burst2.p50.toFixed(1)} ms, p99 ${burst2.p99.toFixed(1)} ms — ${ratio(burst2)}`);
    const expectSeated = Math.min(SEATS, RESIDENTS);
    const expectWaiting = Math.min(WAITLIST, RESIDENTS - expectSeated);
    check(
      seated === expectSeated && waiting === expectWaiting && refused === RESIDENTS - expectSeated - expectWaiting,
      'waitlist burst: exact split',
    );
    check(doc2.confirmed === expectSeated && doc2.waitlisted === expectWaiting, 'waitlist burst: counters match');

    // 3. Cancellation storm: STORM seat holders cancel at once; each seat goes to the next in line.
    const holders = tokens
      .filter((_, i) => burst2.answers[i]!.ok && (burst2.answers[i] as any).data.status === 'confirmed')
      .slice(0, STORM);
    const lineBefore = await waitingInOrder(db, lined);
    await resetStats(base, CONTROL);
    const storm = await timed(holders, (t) => call(base, 'activities', 'cancelBooking', { activityId: lined }, t));
    const stormStats = await stats(base, CONTROL);
    const lineAfter = await waitingInOrder(db, lined);
    const promoted = lineBefore.filter((id) => !lineAfter.includes(id));
    const inOrder = promoted.length === STORM && promoted.every((id, i) => id === lineBefore[i]);
    const doc3 = (await call(base, 'activities', 'get', { activityId: lined }, admin)).data;
    console.log(`\n3. Cancellation storm: ${STORM} concurrent cancellations with ${lineBefore.length} waiting`);
    console.log(
      `   cancelled ${storm.answers.filter((a) => a.ok).length}, promoted ${promoted.length}, first ${STORM} in line promoted in order: ${inOrder ? 'yes' : 'NO'}`,
    );
    console.log(`   seats ${doc3.confirmed}/${SEATS}, waiting ${doc3.waitlisted}`);
    console.log(
      `   db calls per cancellation with promotion ${(calls(stormStats) / STORM).toFixed(2)} (reads ${reads(stormStats)}, writes ${writes(stormStats)}, transaction calls ${calls(stormStats) - reads(stormStats) - writes(stormStats)}, incl. retries)`,
    );
    console.log(`   latency p50 ${storm.p50.toFixed(1)} ms, p99 ${storm.p99.toFixed(1)} ms — ${ratio(storm)}`);
    check(
      storm.answers.every((a) => a.ok) &&
        inOrder &&
        doc3.confirmed === SEATS &&
        doc3.waitlisted === lineBefore.length - STORM,
      'storm: every seat passed on, in order',
    );

    // 4. Door rush: DOOR residents show codes; staff scan them all, then scan them all again.
    const door = await newActivity(base, admin, { capacity: DOOR, waitlistCapacity: 0, startsInMinutes: 10 });
    const guests = tokens.slice(0, DOOR);
    await inBatches(guests, 200, (t) => call(base, 'activities', 'signUp', { activityId: door }, t));
    const codes = await Promise.all(
      guests.map((t) => call(base, 'activities', 'myCheckInCode', { activityId: door }, t)),
    );
    await resetStats(base, CONTROL);
    const scans = await timed(
      codes.map((c) => (c as any).data.code as string),
      (code) => call(base, 'activities', 'checkIn', { activityId: door, code }, admin),
    );
    const scanStats = await stats(base, CONTROL);
    await resetStats(base, CONTROL);
    const rescans = await timed(
      codes.map((c) => (c as any).data.code as string),
      (code) => call(base, 'activities', 'checkIn', { activityId: door, code }, admin),
    );
    const rescanStats = await stats(base, CONTROL);
    const firstOk = scans.answers.filter((a) => a.ok && a.data.result === 'checked_in').length;
    const already = rescans.answers.filter((a) => a.ok && a.data.result === 'already_checked_in').length;
    console.log(`\n4. Door rush: ${DOOR} check-ins at once, then the same ${DOOR} codes again`);
    console.log(`   checked in ${firstOk}, repeated scans answered "already" ${already}`);
    console.log(
      `   db calls per check-in ${(calls(scanStats) / DOOR).toFixed(2)} (reads ${reads(scanStats)}, writes ${writes(scanStats)}); per repeated scan ${(calls(rescanStats) / DOOR).toFixed(2)} (writes ${writes(rescanStats)})`,
    );
    console.log(`   latency p50 ${scans.p50.toFixed(1)} ms, p99 ${scans.p99.toFixed(1)} ms — ${ratio(scans)}`);
    check(
      firstOk === DOOR && already === DOOR && writes(rescanStats) === 0,
      'door: each person checked in once, repeats write nothing',
    );

    console.log(failures === 0 ? '\nAll integrity checks passed.' : `\n${failures} integrity check(s) FAILED`);
    if (failures) process.exitCode = 1;
    const round = (n: number) => Math.round(n * 100) / 100;
    return {
      signupCallsPerRequest: round(calls(burstStats) / RESIDENTS),
      signupP99Ratio: round(burst.p99 / baseline.p99),
      waitlistCallsPerRequest: round(calls(burst2Stats) / RESIDENTS),
      waitlistP99Ratio: round(burst2.p99 / baseline.p99),
      cancelCallsPerCancellation: round(calls(stormStats) / STORM),
      doorCallsPerCheckIn: round(calls(scanStats) / DOOR),
      doorCallsPerRepeat: round(calls(rescanStats) / DOOR),
      oversold:
        Math.max(0, stored1 - SEATS) + Math.max(0, doc2.confirmed - SEATS) + Math.max(0, doc3.confirmed - SEATS),
    };
  } finally {
    server.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function newActivity(
  base: string,
  token: string,
  opts: { capacity: number; waitlistCapacity: number; startsInMinutes?: number },
): Promise<string> {
  const start = new Date(Date.now() + (opts.startsInMinutes ?? 3 * 24 * 60) * 60_000);
  const created = await call(
    base,
    'activities',
    'create',
    {
      stationId: 'st_LJ01',
      data: {
        title: '压测活动',
        category: 'culture',
        method: 'community',
        location: '文化广场',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
        capacity: opts.capacity,
        waitlistCapacity: opts.waitlistCapacity,
        cancelDeadline: start.toISOString(),
      },
    },
    token,
  );
  if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created)}`);
  await call(base, 'activities', 'publish', { activityId: created.data.activityId }, token);
  return created.data.activityId as string;
}

async function waitingInOrder(
  db: ReturnType<ReturnType<typeof tcb.init>['database']>,
  activityId: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let skip = 0; ; skip += 1000) {
    const res = (await db
      .collection('bookings')
      .where({ activityId, status: 'waitlisted' })
      .orderBy('waitlistTicket', 'asc')
      .skip(skip)
      .limit(1000)
      .get()) as { data: { _id: string }[] };
    ids.push(...res.data.map((r) => r._id));
    if (res.data.length < 1000) return ids;
  }
}

const count = (answers: Answer[], code: string) => answers.filter((a) => !a.ok && a.error.code === code).length;
const isWrite = (action: string) => /insert|modify|remove|Transaction/i.test(action);
function total(s: Stats, pick: (action: string) => boolean): number {
  let n = 0;
  for (const byAction of Object.values(s)) for (const [action, v] of Object.entries(byAction)) if (pick(action)) n += v;
  return n;
}
const writes = (s: Stats) => total(s, (a) => isWrite(a) && !/Transaction/.test(a));
const reads = (s: Stats) => total(s, (a) => /get|calculate|aggregate/i.test(a));
const calls = (s: Stats) => total(s, () => true);
const successWrites = (s: Stats) =>
  (s.bookings?.insertDocument ?? 0) + Math.min(s.activities?.modifyDocument ?? 0, s.bookings?.insertDocument ?? 0);

async function timed<T>(items: T[], fn: (item: T) => Promise<Answer>) {
  const latencies: number[] = [];
  const t0 = performance.now();
  const answers = await Promise.all(
    items.map(async (item) => {
      const s = performance.now();
      const answer = await fn(item);
      latencies.push(performance.now() - s);
      return answer;
    }),
  );
  const wallMs = performance.now() - t0;
  latencies.sort((x, y) => x - y);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!;
  return { answers, p50: pct(50), p99: pct(99), wallMs };
}

function startGatewayProcess(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(root, 'emulator/gateway/main.ts')], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      GATEWAY_TIMERS: '0',
      EMULATOR_SECRET_ID: CREDENTIALS.secretId,
      EMULATOR_SECRET_KEY: CREDENTIALS.secretKey,
    },
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
