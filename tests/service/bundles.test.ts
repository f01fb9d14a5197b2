import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildInvocationContext, buildTimerContext } from '../../emulator/gateway/context';
import { buildFunctionBundles, type BundleReport } from '../../scripts/lib/bundles';
import { FUNCTION_NAMES } from '../../shared/contracts/common';
import { AS, startBackend, STATION, type Backend } from './support';

/**
 * The function bundles as `npm run build:functions` makes them for `tcb fn deploy` — the SDK
 * bundled in, with the parts the functions never use left out (ADR 0022) — loaded from a folder
 * with no node_modules, and driven through their `main` against the emulator: database reads and
 * conditional writes, aggregations with lookups, cloud storage, a timer. The bundles run on the
 * real clock (their own copy of `core/deps`), so what they create starts in the future.
 */
let b: Backend;
let outDir = '';
const mains: Record<string, (event: unknown, context: unknown) => Promise<any>> = {};
let bundles: BundleReport[] = [];

beforeAll(async () => {
  b = await startBackend();
  outDir = mkdtempSync(join(tmpdir(), 'station-link-bundles-'));
  bundles = await buildFunctionBundles(resolve(__dirname, '..', '..'), outDir, { bundleSdk: true });
  for (const bundle of bundles) mains[bundle.name] = (require(bundle.file) as { main: never }).main;
}, 60_000);
afterAll(async () => {
  await b.close();
  rmSync(outDir, { recursive: true, force: true });
});

async function ok(fn: string, action: string, data: unknown, as?: string): Promise<any> {
  const answer = await mains[fn]!({ action, data }, buildInvocationContext(fn, as));
  if (!answer.ok) throw new Error(`${fn}.${action}: ${JSON.stringify(answer.error)}`);
  return answer.data;
}

it('carry no dependency to install, each under 1 MB', () => {
  expect(bundles.map((x) => x.name)).toEqual([...FUNCTION_NAMES]);
  for (const bundle of bundles) {
    expect(bundle.bytes).toBeLessThan(1024 * 1024);
    const pkg = JSON.parse(readFileSync(join(dirname(bundle.file), 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: bundle.name, main: 'index.js', dependencies: {} });
  }
});

it('answer accounts, bookings with a line, the 月报, its export through storage, and a timer', async () => {
  expect(await ok('accounts', 'me', {}, 'bundled-resident')).toMatchObject({ roles: [] });
  const start = new Date(Date.now() + 3 * 86400_000);
  const { activityId } = await ok(
    'activities',
    'create',
    {
      stationId: STATION.jiangbin,
      data: {
        title: '打包测试',
        category: 'culture',
        method: 'group',
        location: '活动室',
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 7200_000).toISOString(),
        capacity: 1,
        waitlistCapacity: 2,
      },
    },
    AS.staff,
  );
  await ok('activities', 'publish', { activityId }, AS.staff);
  expect(await ok('activities', 'signUp', { activityId }, 'bundled-resident')).toMatchObject({ status: 'confirmed' });
  expect(await ok('activities', 'signUp', { activityId }, 'bundled-waiter')).toMatchObject({
    status: 'waitlisted',
    waitlistPosition: 1,
  });
  await ok('activities', 'cancelBooking', { activityId }, 'bundled-resident');
  expect((await ok('activities', 'get', { activityId }, 'bundled-waiter')).myBooking).toMatchObject({
    status: 'confirmed',
  });

  const bundled = await ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-10' }, AS.staff);
  const direct = await b.ok('reports', 'monthly', { stationId: STATION.jiangbin, month: '2026-10' }, AS.staff);
  expect(bundled.indicators).toEqual(direct.indicators);
  const file = await ok('reports', 'exportMonthly', { stationId: STATION.jiangbin, month: '2026-10' }, AS.staff);
  const res = await fetch(file.url);
  expect(res.status).toBe(200);
  expect(
    Buffer.from(await res.arrayBuffer())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');

  const timer = await mains.activities!({ Type: 'Timer', TriggerName: 'sweep' }, buildTimerContext('activities'));
  expect(timer).toMatchObject({ ok: true, data: { finished: expect.any(Number) } });
});
