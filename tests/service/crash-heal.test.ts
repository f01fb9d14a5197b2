import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { SEAT_HOLDING } from '../../shared/domain/booking';
import { PLEDGE_COUNTED_STATUSES } from '../../shared/domain/donation';
import { createNeed, expectSeatInvariants, publishedActivity, startBackend, STATION, type Backend } from './support';

/**
 * Issue 10, integrity under faults: "after any crash, within one timer period, counters equal the
 * rows". A process doing sign-ups (or pledges) is killed with SIGKILL mid-burst, so some requests
 * die between a counter write and their row write. Before the burst, more other parents change
 * than one page of the repair takes (`REPAIR_BATCH`), so the crashed one is not first in line.
 * Then the clock moves on by exactly one period of the timer (`cloudbaserc.json`), and its one
 * run leaves the counters equal to the rows. The burst runs the real functions in a child process
 * (tests/service/fixtures/burst.ts) against this file's emulator.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const ROOT = resolve(__dirname, '..', '..');
const MINUTE = 60_000;
type Stats = Record<string, Record<string, number>>;

/** Start the burst in a child process; SIGKILL it once `enough` says the emulator saw enough writes. */
async function burstThenKill(args: string[], enough: (stats: Stats) => boolean): Promise<void> {
  await fetch(`${b.emulator.url}/emulator/stats/reset`, { method: 'POST', headers: b.controlHeaders });
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/service/fixtures/burst.ts', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      TCB_SERVICE_URL: b.emulator.serviceUrl,
      TENCENTCLOUD: 'true',
      CLOCK_MS: String(b.clock.now.getTime()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    const stats = (await (
      await fetch(`${b.emulator.url}/emulator/stats`, { headers: b.controlHeaders })
    ).json()) as Stats;
    if (enough(stats)) break;
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`burst ended before the kill:\n${output}`);
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await exited;
  expect(child.signalCode).toBe('SIGKILL');
  // Requests the dead process had sent may still be applied by the emulator: let them land.
  await new Promise((r) => setTimeout(r, 300));
}

/** The period of a timer trigger in `cloudbaserc.json` (every N minutes). */
function timerPeriodMs(fn: string, trigger: string): number {
  const config = JSON.parse(readFileSync(resolve(ROOT, 'cloudbaserc.json'), 'utf8')) as {
    functions: { name: string; triggers?: { name: string; config: string }[] }[];
  };
  const cron = config.functions.find((f) => f.name === fn)?.triggers?.find((t) => t.name === trigger)?.config;
  const minutes = /^0 \*\/(\d+) \* \* \* \* \*$/.exec(cron ?? '')?.[1];
  if (!minutes) throw new Error(`${fn}.${trigger} has no every-N-minutes schedule: ${cron}`);
  return Number(minutes) * MINUTE;
}

/**
 * The timer's next run, exactly one period after the crash. The child's clock started at the
 * test's and ran in real time for the burst's few seconds, so every write it made is older than
 * the period.
 */
async function timerRunAfterCrash(fn: 'activities' | 'donations', trigger: string): Promise<any> {
  const period = timerPeriodMs(fn, trigger);
  expect(period).toBe(5 * MINUTE);
  b.clock.now = new Date(b.clock.now.getTime() + period);
  const answer = await b.runTimer(fn, trigger);
  if (!answer.ok) throw new Error(JSON.stringify(answer.error));
  return answer.data;
}

const writesTo = (stats: Stats, collection: string) =>
  (stats[collection]?.modifyDocument ?? 0) + (stats[collection]?.modifyAndReturnDoc ?? 0);

it('kill -9 during a sign-up burst, then one sweep: seat and line counters equal the rows', async () => {
  let drifted = 0;
  for (let attempt = 0; attempt < 4 && drifted === 0; attempt++) {
    const id = await publishedActivity(b, STATION.jiangbin, { capacity: 300, waitlistCapacity: 200 });
    for (let i = 0; i < 60; i++) await publishedActivity(b, STATION.yihe, { capacity: 5 });
    await burstThenKill(['signUp', id, '1000'], (stats) => writesTo(stats, 'activities') >= 250);
    const activity = (await b.all('activities')).find((a) => a._id === id);
    const rows = ((await b.db.collection('bookings').where({ activityId: id }).limit(1000).get()) as { data: any[] })
      .data;
    const seats = rows.filter((r) => SEAT_HOLDING.includes(r.status)).length;
    const waiting = rows.filter((r) => r.status === 'waitlisted').length;
    const split = activity.confirmed !== seats || activity.waitlisted !== waiting;
    if (split) drifted++;
    const run = await timerRunAfterCrash('activities', 'sweep');
    if (split) expect(run.countersCorrected).toBeGreaterThan(0);
    expect(run.countersCaughtUp).toBe(true);
    await expectSeatInvariants(b, id);
  }
  // The crash did split counters from rows (otherwise this test would prove nothing).
  expect(drifted).toBeGreaterThan(0);
}, 180_000);

it('kill -9 during a pledge burst, then one lapse run: the need counts what its pledges say', async () => {
  let drifted = 0;
  for (let attempt = 0; attempt < 4 && drifted === 0; attempt++) {
    const need = await createNeed(b, { targetQuantity: 1000 });
    for (let i = 0; i < 60; i++) await createNeed(b, { targetQuantity: 10 });
    await burstThenKill(
      ['pledge', `${need.needId}:${STATION.jiangbin}`, '600'],
      (stats) => writesTo(stats, 'needs') >= 200,
    );
    const counted = async () => {
      const doc = (await b.all('needs')).find((n) => n._id === need.needId);
      const pledges = (
        (await b.db.collection('pledges').where({ needId: need.needId }).limit(1000).get()) as { data: any[] }
      ).data;
      const open: Record<string, number> = {};
      for (const p of pledges)
        if (p.status === 'pledged' && p.shareCounted === true) open[p.donorId] = (open[p.donorId] ?? 0) + p.quantity;
      const shares = (byDonor: Record<string, number> = {}) =>
        Object.fromEntries(Object.entries(byDonor).filter(([, quantity]) => quantity !== 0));
      return {
        stored: {
          pledgedQuantity: doc.pledgedQuantity,
          receivedQuantity: doc.receivedQuantity,
          openByDonor: shares(doc.openByDonor),
        },
        rows: {
          pledgedQuantity: pledges
            .filter((p) => PLEDGE_COUNTED_STATUSES.includes(p.status))
            .reduce((sum, p) => sum + p.quantity, 0),
          receivedQuantity: 0,
          openByDonor: shares(open),
        },
      };
    };
    const before = await counted();
    if (!isDeepStrictEqual(before.stored, before.rows)) drifted++;
    const run = await timerRunAfterCrash('donations', 'lapse');
    expect(run.countersCaughtUp).toBe(true);
    const after = await counted();
    expect(after.stored).toEqual(after.rows);
  }
  expect(drifted).toBeGreaterThan(0);
}, 180_000);
