import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { loadManifest, startDatabaseEmulator } from '../../emulator/db';

/**
 * `npm run bench -- --report [--scale 1]`: a synthetic district — 1 中心, 20 站, 200 室 and one
 * year of data (at scale 1: ~500,000 bookings, ~200,000 hour entries, ~20,000 pledges) loaded
 * into the emulator by batch inserts, then the monthly report of a 室, a 站 and the 中心 through
 * the real `reports` function. Prints database calls and time per report beside a plain
 * `count()` over the same collections measured in the same run (medians of three, after one
 * warm-up report), and for each call of the 中心's report the documents the emulator examined and
 * the index it used — a missing index shows as a full scan.
 */
const args = process.argv.slice(2);
const SCALE = Number(args[args.indexOf('--scale') + 1] ?? 1) || 1;
const BOOKINGS = Math.round(500_000 * SCALE);
const ENTRIES = Math.round(200_000 * SCALE);
const PLEDGES = Math.round(20_000 * SCALE);
const MONTH = '2026-10';
const RUNS = 3;

/** Figures of the report bench, as the `--json` line names them. */
export interface ReportFigures {
  /** Database calls of one report, the most over the three tiers. */
  reportCalls: number;
  centreReportMs: number;
  /** The 中心's report time over the plain `count()` baseline. */
  centreReportRatio: number;
  roomReportMs: number;
  stationReportMs: number;
}

/** One call as the emulator's explain counters describe it. */
interface Explained {
  collection: string;
  action: string;
  index: string | null;
  examined: number;
  returned: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Load the district, time the three reports, print what each call read; answers the figures. */
export async function reportBench(): Promise<ReportFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-link-report-bench-'));
  const emulator = await startDatabaseEmulator({ port: 0, dataDir, manifest: loadManifest() });
  process.env.TCB_SERVICE_URL = emulator.serviceUrl;
  process.env.TCB_SECRET_ID = emulator.credentials.secretId;
  process.env.TCB_SECRET_KEY = emulator.credentials.secretKey;
  process.env.APP_SECRET = 'bench-secret-0123456789abcdef';
  const control = { authorization: `Bearer ${emulator.credentials.secretKey}` };
  const db = tcb
    .init({ env: 'local', serviceUrl: emulator.serviceUrl, ...emulator.credentials, timeout: 120_000 })
    .database();
  try {
    const t0 = performance.now();
    const stations = await seedDistrict(db);
    console.log(
      `\nLoaded ${BOOKINGS} bookings, ${ENTRIES} hour entries, ${PLEDGES} pledges in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    const { FUNCTIONS } = await import('../../emulator/gateway/functions');
    const { buildInvocationContext } = await import('../../emulator/gateway/context');
    const { resetDeps, setClock } = await import('../../cloudfunctions/core/deps');
    resetDeps();
    setClock(() => new Date('2026-11-15T02:00:00Z'));
    const ctx = () => buildInvocationContext('reports', 'bench-admin');
    const report = async (stationId: string) => {
      const s = performance.now();
      const answer = (await FUNCTIONS.reports({ action: 'monthly', data: { stationId, month: MONTH } }, ctx())) as any;
      if (!answer.ok) throw new Error(JSON.stringify(answer.error));
      return { ms: performance.now() - s, answer };
    };

    const countAll = async () => {
      const s = performance.now();
      await Promise.all(['bookings', 'hourEntries', 'pledges', 'activities'].map((c) => db.collection(c).count()));
      return performance.now() - s;
    };
    await countAll();
    const baseline = median(await sequence(5, countAll));
    console.log(`\nBaseline: count() over bookings, hourEntries, pledges and activities: ${baseline.toFixed(1)} ms`);
    await report(stations.center); // warm-up: the first run also compiles the code paths
    const figures: Record<string, { ms: number; calls: number; explained: Explained[] }> = {};
    for (const [label, stationId] of [
      ['室', stations.room],
      ['站', stations.station],
      ['中心', stations.center],
    ] as const) {
      await fetch(`${emulator.url}/emulator/stats/reset`, { method: 'POST', headers: control });
      const { answer } = await report(stationId);
      const stats = (await (await fetch(`${emulator.url}/emulator/stats`, { headers: control })).json()) as Record<
        string,
        Record<string, number>
      >;
      const explainRes = await fetch(`${emulator.url}/emulator/explain`, { headers: control });
      const explained = explainRes.ok ? ((await explainRes.json()) as { recent: Explained[] }).recent : [];
      const calls = Object.values(stats).reduce(
        (sum, byAction) => sum + Object.values(byAction).reduce((x, y) => x + y, 0),
        0,
      );
      const ms = median(await sequence(RUNS, async () => (await report(stationId)).ms));
      figures[label] = { ms, calls, explained };
      const attendances = answer.data.indicators.find((i: any) => i.key === 'attendances').value;
      console.log(
        `Report of a ${label}: ${ms.toFixed(0)} ms (×${(ms / baseline).toFixed(1)} of baseline), ${calls} database calls, attendances ${attendances}`,
      );
      for (const call of explained)
        console.log(
          `   ${`${call.collection}.${call.action}`.padEnd(34)} index ${String(call.index ?? 'NONE (full scan)').padEnd(18)} examined ${String(call.examined).padStart(7)}  returned ${call.returned}`,
        );
    }
    return {
      reportCalls: Math.max(...Object.values(figures).map((f) => f.calls)),
      centreReportMs: Math.round(figures['中心']!.ms),
      centreReportRatio: Math.round((figures['中心']!.ms / baseline) * 10) / 10,
      roomReportMs: Math.round(figures['室']!.ms),
      stationReportMs: Math.round(figures['站']!.ms),
    };
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function sequence<T>(n: number, run: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await run());
  return out;
}

async function seedDistrict(db: ReturnType<ReturnType<typeof tcb.init>['database']>) {
  const now = new Date('2026-11-15T02:00:00Z');
  const center = { _id: 'C', code: 'C', name: '基准区指导中心', tier: 'center', parentId: null, path: ['C'] };
  const stationDocs: any[] = [center];
  const rooms: { _id: string; path: string[] }[] = [];
  for (let s = 0; s < 20; s++) {
    const sid = `S${s}`;
    stationDocs.push({
      _id: sid,
      code: sid,
      name: `第${s + 1}社工站`,
      tier: 'station',
      parentId: 'C',
      path: ['C', sid],
    });
    for (let r = 0; r < 10; r++) {
      const rid = `S${s}R${r}`;
      const room = {
        _id: rid,
        code: rid,
        name: `第${s + 1}站第${r + 1}室`,
        tier: 'room',
        parentId: sid,
        path: ['C', sid, rid],
      };
      stationDocs.push(room);
      rooms.push(room);
    }
  }
  const common = {
    childCount: 0,
    tags: [],
    address: '',
    location: null,
    openingHours: '',
    phone: '',
    operator: '',
    services: [],
    brandProjects: [],
    createdAt: now,
    updatedAt: now,
  };
  await insertAll(
    db,
    'stations',
    stationDocs.map((s) => ({ ...common, ...s })),
  );
  await db.collection('users').add({
    _id: userIdForOpenid('bench-admin'),
    openid: 'bench-admin',
    nickname: '管理员',
    phone: null,
    homeStationId: 'C',
    elderMode: false,
    grants: [
      {
        stationId: 'C',
        role: 'admin',
        stationPath: ['C'],
        stationName: '基准区指导中心',
        stationTier: 'center',
        grantedAt: now,
        grantedBy: 'bench',
      },
    ],
    createdAt: now,
    updatedAt: now,
  });
  const yearStart = new Date('2025-11-01T00:00:00+08:00').getTime();
  const span = new Date('2026-11-01T00:00:00+08:00').getTime() - yearStart;
  const pick = <T>(list: T[], i: number) => list[(i * 2654435761) % list.length]!;
  // Spread evenly over the year: a day from a multiplicative hash, a time of day from another.
  const when = (i: number) =>
    new Date(yearStart + ((((i * 7919) % 365) * 86400_000 + ((i * 104729) % 86400_000)) % span));
  const ACTIVITIES = Math.round(BOOKINGS / 25);
  await insertAll(
    db,
    'activities',
    Array.from({ length: ACTIVITIES }, (_, i) => {
      const room = pick(rooms, i);
      return {
        _id: `A${i}`,
        stationId: room._id,
        stationPath: room.path,
        status: 'finished',
        category: 'elder_care',
        method: i % 2 ? 'group' : 'community',
        startAt: when(i),
        ratingSum: 0,
        ratingCount: 0,
      };
    }),
  );
  await insertAll(
    db,
    'bookings',
    Array.from({ length: BOOKINGS }, (_, i) => {
      const a = i % ACTIVITIES;
      const room = pick(rooms, a);
      return {
        _id: `B${i}`,
        activityId: `A${a}`,
        userId: `U${i % 40_000}`,
        stationId: room._id,
        stationPath: room.path,
        category: 'elder_care',
        status: i % 5 === 0 ? 'no_show' : 'checked_in',
        activityStartAt: when(a),
      };
    }),
  );
  await insertAll(
    db,
    'hourEntries',
    Array.from({ length: ENTRIES }, (_, i) => {
      const room = pick(rooms, i);
      return {
        _id: `H${i}`,
        volunteerId: `V${i % 6000}`,
        kind: i % 4 ? 'verified' : 'topup',
        baseKind: i % 4 ? 'verified' : 'topup',
        minutes: 60 + (i % 4) * 30,
        serviceDate: when(i),
        stationId: room._id,
        stationPath: room.path,
      };
    }),
  );
  await insertAll(
    db,
    'pledges',
    Array.from({ length: PLEDGES }, (_, i) => {
      const room = pick(rooms, i);
      return {
        _id: `P${i}`,
        stationId: room._id,
        stationPath: room.path,
        kind: 'goods',
        status: 'received',
        receivedAt: when(i),
        receivedValueFen: 1000 + i,
        donorId: `D${i % 3000}`,
      };
    }),
  );
  return { center: 'C', station: 'S3', room: 'S3R4' };
}

async function insertAll(
  db: ReturnType<ReturnType<typeof tcb.init>['database']>,
  collection: string,
  docs: object[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += 5000) await db.collection(collection).add(docs.slice(i, i + 5000));
}
