import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDeps, resetDeps, setClock, type Database } from '../../cloudfunctions/core/deps';
import { loadManifest, startDatabaseEmulator, type Manifest, type OperationStats } from '../../emulator/db';
import { buildInvocationContext, buildTimerContext } from '../../emulator/gateway/context';
import { FUNCTIONS } from '../../emulator/gateway/functions';
import { demoStationId, seedDemoDistrict } from '../../emulator/seed/demo';
import { SEAT_HOLDING } from '../../shared/domain/booking';
import { idCheckChar } from '../../shared/domain/identity';
import type { FunctionName } from '../../shared/contracts/common';

/** A wire answer, as a page or test sees it. */
export type Answer =
  | { ok: true; data: any }
  | { ok: false; error: { code: string; userMessage: string; requestId: string; fields?: Record<string, string> } };

/** Demo personas' openids (the seed gives staff a grant at 江滨街道社工站, admin at the 中心). */
export const AS = {
  resident: 'dev-resident',
  volunteer: 'dev-volunteer',
  donor: 'dev-donor',
  staff: 'dev-staff',
  admin: 'dev-admin',
} as const;

export const STATION = {
  center: demoStationId('LJ'),
  jiangbin: demoStationId('LJ01'),
  yihe: demoStationId('LJ0101'),
  zhongdai: demoStationId('LJ02'),
  shenjia: demoStationId('LJ0202'),
} as const;

/** "Now" in service tests: 2026-11-22 10:00 Asia/Shanghai, movable per test. */
export const T0 = new Date('2026-11-22T02:00:00Z');

/**
 * A real backend for one test file: a database emulator on a random port with a fresh data
 * folder, the functions' SDK pointed at it through `serviceUrl`, a movable clock, the demo seed.
 * Calls go through each function's real `main` with a CloudBase-shaped context.
 */
export async function startBackend(opts: { seed?: boolean; history?: boolean; manifest?: Manifest } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-link-service-'));
  const emulator = await startDatabaseEmulator({ port: 0, dataDir, manifest: opts.manifest ?? loadManifest() });
  // Functions build their SDK app from these, exactly as the gateway hands them the emulator.
  process.env.TCB_SERVICE_URL = emulator.serviceUrl;
  process.env.TCB_SECRET_ID = emulator.credentials.secretId;
  process.env.TCB_SECRET_KEY = emulator.credentials.secretKey;
  /** Headers of a request to the emulator's control endpoints (`/emulator/stats`, `/emulator/wx-api-calls` …). */
  const controlHeaders = { authorization: `Bearer ${emulator.credentials.secretKey}` };
  process.env.APP_SECRET = 'service-test-secret-0123456789';
  resetDeps();
  const clock = { now: T0 };
  setClock(() => clock.now);
  const db: Database = getDeps().db;
  if (opts.seed !== false) await seedDemoDistrict(db, clock.now, { history: opts.history });

  async function call(fn: FunctionName, action: string, data: unknown = {}, as?: string): Promise<Answer> {
    return (await FUNCTIONS[fn]({ action, data }, buildInvocationContext(fn, as))) as Answer;
  }

  /**
   * Invoke a function's timer trigger as CloudBase does (`{ Type: 'Timer', TriggerName }` in a
   * context marked `TRIGGER_SRC=timer`, no WeChat identity). `as` sends the same event as an
   * ordinary call from that caller instead, which must never run the job.
   */
  async function runTimer(fn: FunctionName, trigger: string, as?: string): Promise<Answer> {
    const context = as === undefined ? buildTimerContext(fn) : buildInvocationContext(fn, as);
    return (await FUNCTIONS[fn]({ Type: 'Timer', TriggerName: trigger }, context)) as Answer;
  }

  /** Call and return `data`, failing the test with the coded error if the call was refused. */
  async function ok(fn: FunctionName, action: string, data: unknown = {}, as?: string): Promise<any> {
    const answer = await call(fn, action, data, as);
    if (!answer.ok)
      throw new Error(
        `${fn}.${action} refused: ${answer.error.code} ${answer.error.userMessage} ${JSON.stringify(answer.error.fields ?? {})}`,
      );
    return answer.data;
  }

  /** Call and return the error code (failing the test if the call succeeded). */
  async function refused(fn: FunctionName, action: string, data: unknown = {}, as?: string): Promise<string> {
    const answer = await call(fn, action, data, as);
    if (answer.ok)
      throw new Error(`${fn}.${action} unexpectedly succeeded: ${JSON.stringify(answer.data).slice(0, 300)}`);
    return answer.error.code;
  }

  /**
   * The database calls `run` makes, as the emulator counts them: `{ [collection]: { [action]: n } }`
   * (storage calls under `@storage`). Nothing else may run meanwhile.
   */
  async function countCalls(run: () => Promise<unknown>): Promise<OperationStats> {
    await fetch(`${emulator.url}/emulator/stats/reset`, { method: 'POST', headers: controlHeaders });
    await run();
    return (await (
      await fetch(`${emulator.url}/emulator/stats`, { headers: controlHeaders })
    ).json()) as OperationStats;
  }

  /** Every document of a collection (tests only; at most 1000). */
  async function all(collection: string): Promise<any[]> {
    return ((await db.collection(collection).limit(1000).get()) as { data: any[] }).data;
  }

  async function close(): Promise<void> {
    setClock();
    resetDeps();
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }

  return { db, clock, call, ok, refused, runTimer, countCalls, all, emulator, controlHeaders, close };
}

export type Backend = Awaited<ReturnType<typeof startBackend>>;

/** How many calls a `countCalls` answer holds in all. */
export function totalCalls(stats: OperationStats): number {
  return Object.values(stats).reduce((sum, byAction) => sum + Object.values(byAction).reduce((x, y) => x + y, 0), 0);
}

/**
 * Runs `fn` with the backend's clock at `at` — an instant, or milliseconds after the clock's
 * current time — and puts the clock back afterwards, whatever `fn` does.
 */
export async function withClock<T>(backend: Backend, at: Date | number, fn: () => Promise<T>): Promise<T> {
  const saved = backend.clock.now;
  backend.clock.now = typeof at === 'number' ? new Date(saved.getTime() + at) : at;
  try {
    return await fn();
  } finally {
    backend.clock.now = saved;
  }
}

/** An activity input for staff `create`, starting `days` after the clock at 14:00–16:00 Shanghai. */
export function activityInput(clockNow: Date, overrides: Record<string, unknown> = {}) {
  const day = new Date(clockNow.getTime() + 3 * 86400_000);
  const ymd = day.toISOString().slice(0, 10);
  return {
    title: '测试活动',
    category: 'elder_care',
    method: 'group',
    description: '说明',
    location: '活动室',
    startAt: `${ymd}T06:00:00.000Z`,
    endAt: `${ymd}T08:00:00.000Z`,
    capacity: 10,
    ...overrides,
  };
}

/** Staff create and publish an activity at `stationId`; returns its id. */
export async function publishedActivity(
  backend: Backend,
  stationId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const created = await backend.ok(
    'activities',
    'create',
    { stationId, data: activityInput(backend.clock.now, overrides) },
    AS.staff,
  );
  await backend.ok('activities', 'publish', { activityId: created.activityId }, AS.staff);
  return created.activityId as string;
}

/** Seat and line counters agree with the booking rows, and capacity holds. Returns the rows. */
export async function expectSeatInvariants(backend: Backend, activityId: string): Promise<any[]> {
  const activity = (await backend.all('activities')).find((a) => a._id === activityId);
  const rows = ((await backend.db.collection('bookings').where({ activityId }).limit(1000).get()) as { data: any[] })
    .data;
  const holding = rows.filter((b) => SEAT_HOLDING.includes(b.status)).length;
  const waiting = rows.filter((b) => b.status === 'waitlisted').length;
  expect({ confirmed: activity.confirmed, waitlisted: activity.waitlisted }).toEqual({
    confirmed: holding,
    waitlisted: waiting,
  });
  expect(activity.confirmed).toBeLessThanOrEqual(activity.capacity);
  expect(activity.waitlisted).toBeLessThanOrEqual(activity.waitlistCapacity);
  // One row per person: an account's own booking, or one per family member it booked for.
  expect(new Set(rows.map((b) => `${b.userId}:${b.forMember?.memberId ?? ''}`)).size).toBe(rows.length);
  // The line (ADR 0021): no one still waits on a called place, and every place drawn but not yet
  // called is a person waiting or a place given up (recorded on the activity).
  const called = activity.waitlistTicket - activity.lineOutstanding;
  const waitingTickets = rows.filter((b) => b.status === 'waitlisted').map((b) => b.waitlistTicket as number);
  const givenUp = (activity.lineGivenUp ?? []) as number[];
  expect(waitingTickets.filter((t) => t <= called)).toEqual([]);
  expect(givenUp.filter((t) => t <= called)).toEqual([]);
  expect([...waitingTickets, ...givenUp].sort((x, y) => x - y)).toEqual(
    Array.from({ length: activity.lineOutstanding }, (_, i) => called + 1 + i),
  );
  return rows;
}

/** `days` after the backend's clock, as the ISO text a request carries. */
export function daysAfter(backend: Backend, days: number): string {
  return new Date(backend.clock.now.getTime() + days * 86400_000).toISOString();
}

/** Staff (the 中心's admin outside 江滨) publish a goods need of 10 床 at 150 元 each, due in 30 days. */
export function createNeed(
  backend: Backend,
  overrides: Record<string, unknown> = {},
  stationId: string = STATION.jiangbin,
): Promise<any> {
  return backend.ok(
    'donations',
    'createNeed',
    {
      stationId,
      data: {
        title: '冬季棉被',
        kind: 'goods',
        unit: '床',
        targetQuantity: 10,
        unitValueFen: 15000,
        deadline: daysAfter(backend, 30),
        beneficiaryGroup: '困难老人',
        description: '给独居老人过冬',
        ...overrides,
      },
    },
    stationId === STATION.jiangbin || stationId === STATION.yihe ? AS.staff : AS.admin,
  );
}

/** A donor's pledge form: 4 units dropped off in 3 days, under a name. */
export function pledgeData(backend: Backend, overrides: Record<string, unknown> = {}) {
  return {
    quantity: 4,
    deliveryMethod: 'drop_off',
    expectedDate: daysAfter(backend, 3),
    message: '祝老人们冬天温暖',
    anonymous: false,
    donorName: '陈先生',
    contactPhone: '13800003333',
    ...overrides,
  };
}

/**
 * Register `openid` as a volunteer at `homeStationId` with a valid ID number (the GB 11643 check
 * character computed); `serial` (0–999) keeps ID numbers apart within one backend.
 */
export function registerVolunteer(
  backend: Backend,
  openid: string,
  volunteer: { realName: string; homeStationId: string; serial: number },
): Promise<any> {
  const first17 = `11010119850101${String(volunteer.serial).padStart(3, '0')}`;
  return backend.ok(
    'volunteering',
    'register',
    {
      data: {
        realName: volunteer.realName,
        idNumber: first17 + idCheckChar(first17),
        phone: '13900009999',
        emergencyContact: { name: '家人', phone: '13900008888' },
        homeStationId: volunteer.homeStationId,
      },
    },
    openid,
  );
}
