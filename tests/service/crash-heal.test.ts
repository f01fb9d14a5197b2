import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createNeed, expectSeatInvariants, publishedActivity, startBackend, STATION, type Backend } from './support';

/**
 * Issue 10, integrity under faults: a process doing sign-ups (or pledges) is killed with SIGKILL
 * mid-burst, so some requests die between a counter write and their row write. Then one timer
 * run — a few minutes later, as the schedule would be — and the counters equal the rows again.
 * The burst runs the real functions in a child process (tests/service/fixtures/burst.ts) against
 * this file's emulator.
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

/** The next timer run, a few minutes after the crash (the child's clock ran in real time). */
async function timerRunAfterCrash(fn: 'activities' | 'donations', trigger: string): Promise<any> {
  b.clock.now = new Date(b.clock.now.getTime() + 10 * MINUTE);
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
    await burstThenKill(['signUp', id, '1000'], (stats) => writesTo(stats, 'activities') >= 250);
    const activity = (await b.all('activities')).find((a) => a._id === id);
    const rows = ((await b.db.collection('bookings').where({ activityId: id }).limit(1000).get()) as { data: any[] })
      .data;
    const seats = rows.filter((r) => ['confirmed', 'offered', 'checked_in', 'no_show'].includes(r.status)).length;
    const waiting = rows.filter((r) => r.status === 'waitlisted').length;
    const split = activity.confirmed !== seats || activity.waitlisted !== waiting;
    if (split) drifted++;
    const run = await timerRunAfterCrash('activities', 'sweep');
    if (split) expect(run.countersCorrected).toBeGreaterThan(0);
    await expectSeatInvariants(b, id);
  }
  // The crash did split counters from rows (otherwise this test would prove nothing).
  expect(drifted).toBeGreaterThan(0);
}, 180_000);

it('kill -9 during a pledge burst, then one lapse run: the need counts what its pledges say', async () => {
  let drifted = 0;
  for (let attempt = 0; attempt < 4 && drifted === 0; attempt++) {
    const need = await createNeed(b, { targetQuantity: 1000 });
    await burstThenKill(
      ['pledge', `${need.needId}:${STATION.jiangbin}`, '600'],
      (stats) => writesTo(stats, 'needs') >= 200,
    );
    const counted = async () => {
      const doc = (await b.all('needs')).find((n) => n._id === need.needId);
      const pledges = (
        (await b.db.collection('pledges').where({ needId: need.needId, status: 'pledged' }).limit(1000).get()) as {
          data: any[];
        }
      ).data;
      return { stored: doc.pledgedQuantity, rows: pledges.reduce((sum, p) => sum + p.quantity, 0) };
    };
    const before = await counted();
    if (before.stored !== before.rows) drifted++;
    await timerRunAfterCrash('donations', 'lapse');
    const after = await counted();
    expect(after.stored).toBe(after.rows);
  }
  expect(drifted).toBeGreaterThan(0);
}, 180_000);
