import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tcb from '@cloudbase/node-sdk';
import { loadManifest, startDatabaseEmulator } from '../../emulator/db';

/**
 * `npm run bench -- --visits [--targets 20000] [--months 12]` (also part of `--all` and its
 * `--json` figures): a synthetic district — 1 中心,
 * 20 站, 200 室 — with 20,000 service targets (10 % 高风险 weekly, 40 % 重点 monthly, 50 % 一般
 * quarterly; 5 % of visits missed, a few records moved or closed) and 12 months of visits, loaded
 * into the emulator by batch inserts. Then the 月报's visit section (月探访率) of a 室, a 站 and the
 * 中心 through the real code (`loadVisitRows` + `visitSection`), printing its database calls (from
 * the emulator's counters) and time beside a plain `count()` of targets and visits in the same run.
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) || fallback : fallback;
};
const TARGETS = arg('targets', 20_000);
const MONTHS = Math.min(arg('months', 12), 12);
const MONTH = '2026-10';
const NOW = new Date('2026-11-15T02:00:00Z');
const DAY = 86_400_000;

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

/** Figures of the visit-section bench, as the `--json` line names them. */
export interface VisitFigures {
  /** Database calls of the section at the tier that costs most (the emulator's counters). */
  visitSectionCalls: number;
  centreVisitSectionMs: number;
  /** The 中心's section time ÷ a plain count() of targets and visits in the same run. */
  centreVisitSectionRatio: number;
  visitBaselineCountMs: number;
}

/** Load the district, time the visit section at each tier beside a plain count; answers the figures. */
export async function visitsBench(): Promise<VisitFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'station-link-visits-bench-'));
  const emulator = await startDatabaseEmulator({ port: 0, dataDir, manifest: loadManifest() });
  process.env.TCB_SERVICE_URL = emulator.serviceUrl;
  process.env.TCB_SECRET_ID = emulator.credentials.secretId;
  process.env.TCB_SECRET_KEY = emulator.credentials.secretKey;
  process.env.APP_SECRET = 'bench-secret-0123456789abcdef';
  const db = tcb
    .init({ env: 'local', serviceUrl: emulator.serviceUrl, ...emulator.credentials, timeout: 300_000 })
    .database();
  try {
    const t0 = performance.now();
    const { stations, visits } = await seedDistrict(db);
    console.log(
      `Loaded ${TARGETS} targets and ${visits} visits (${MONTHS} months) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );

    const { getDeps, setClock, resetDeps } = await import('../../cloudfunctions/core/deps');
    const { findStation } = await import('../../cloudfunctions/core/repositories/stations');
    const { loadVisitRows, visitSection } = await import('../../cloudfunctions/reports/visit-section');
    const { findChildStations } = await import('../../cloudfunctions/core/repositories/stations');
    resetDeps();
    setClock(() => NOW);
    const deps = getDeps();

    const control = { authorization: `Bearer ${emulator.credentials.secretKey}` };
    const resetStats = () => fetch(`${emulator.url}/emulator/stats/reset`, { method: 'POST', headers: control });
    const calls = async () => {
      const stats = (await (await fetch(`${emulator.url}/emulator/stats`, { headers: control })).json()) as Record<
        string,
        Record<string, number>
      >;
      const byCollection = Object.entries(stats)
        .map(
          ([c, actions]) =>
            `${c}: ${Object.entries(actions)
              .map(([a, n]) => `${a} ${n}`)
              .join(', ')}`,
        )
        .join('; ');
      const total = Object.values(stats).reduce((s, a) => s + Object.values(a).reduce((x, y) => x + y, 0), 0);
      return { total, byCollection };
    };

    const s0 = performance.now();
    const [targetsCount, visitsCount] = await Promise.all([
      db.collection('targets').count(),
      db.collection('visits').count(),
    ]);
    const baseline = performance.now() - s0;
    console.log(
      `\nBaseline: count() of targets (${(targetsCount as { total: number }).total}) and visits (${(visitsCount as { total: number }).total}): ${baseline.toFixed(0)} ms`,
    );

    const figures: Record<string, { ms: number; calls: number }> = {};
    for (const [label, stationId] of [
      ['室', stations.room],
      ['站', stations.station],
      ['中心', stations.center],
    ] as const) {
      const station = (await findStation(deps.db, stationId))!;
      const children = await findChildStations(deps.db, stationId);
      await resetStats();
      const s = performance.now();
      const rows = await loadVisitRows(deps, station, MONTH);
      const ms = performance.now() - s;
      const { total, byCollection } = await calls();
      const section = visitSection(rows, { station, month: MONTH, children });
      figures[label] = { ms, calls: total };
      console.log(
        `Visit section of a ${label} (${MONTH}): ${ms.toFixed(0)} ms (×${(ms / baseline).toFixed(1)} of baseline), ${total} database calls [${byCollection}]; ` +
          `visited ${section.visited}/${section.due} (${(section.ratePermille / 10).toFixed(1)}%), ${rows.length} rows answered`,
      );
    }
    const centre = figures['中心']!;
    return {
      visitSectionCalls: Math.max(...Object.values(figures).map((f) => f.calls)),
      centreVisitSectionMs: Math.round(centre.ms),
      centreVisitSectionRatio: Math.round((centre.ms / baseline) * 10) / 10,
      visitBaselineCountMs: Math.round(baseline),
    };
  } finally {
    await emulator.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function seedDistrict(
  db: Db,
): Promise<{ stations: { center: string; station: string; room: string }; visits: number }> {
  const now = NOW;
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
  const stationDocs: any[] = [
    { _id: 'C', code: 'C', name: '基准区指导中心', tier: 'center', parentId: null, path: ['C'] },
  ];
  const rooms: { _id: string; name: string; path: string[] }[] = [];
  for (let s = 0; s < 20; s++) {
    stationDocs.push({
      _id: `S${s}`,
      code: `S${s}`,
      name: `第${s + 1}社工站`,
      tier: 'station',
      parentId: 'C',
      path: ['C', `S${s}`],
    });
    for (let r = 0; r < 10; r++) {
      const room = {
        _id: `S${s}R${r}`,
        code: `S${s}R${r}`,
        name: `第${s + 1}站第${r + 1}室`,
        tier: 'room',
        parentId: `S${s}`,
        path: ['C', `S${s}`, `S${s}R${r}`],
      };
      stationDocs.push(room);
      rooms.push(room);
    }
  }
  await insertAll(
    db,
    'stations',
    stationDocs.map((s) => ({ ...common, ...s })),
  );

  const start = new Date(Date.UTC(2025, 10, 1) - 8 * 3_600_000).getTime() + (12 - MONTHS) * 30 * DAY;
  const hash = (i: number, salt: number) => ((i + 1) * 2654435761 + salt * 40503) % 1_000_003;
  const targets: object[] = [];
  const visits: object[] = [];
  for (let i = 0; i < TARGETS; i++) {
    const room = rooms[hash(i, 1) % rooms.length]!;
    const tier = i % 10 === 0 ? 'high' : i % 10 < 5 ? 'key' : 'general';
    const categories = [['dibao'], ['tekun'], ['living_alone'], ['left_behind_elder'], ['dibao', 'living_alone']][
      i % 5
    ];
    const activeFrom = new Date(start + (hash(i, 2) % 20) * DAY);
    const moved = i % 97 === 0;
    const closedAt = i % 89 === 0 ? new Date(start + (200 + (i % 100)) * DAY) : null;
    const other = rooms[(hash(i, 1) + 7) % rooms.length]!;
    const moveAt = new Date(start + 180 * DAY);
    const span = (r: typeof room, from: Date, to: Date | null, endedBy: string | null) => ({
      stationId: r._id,
      stationName: r.name,
      stationPath: r.path,
      tier,
      categories,
      from,
      to,
      endedBy,
    });
    const current = moved ? other : room;
    const spans = moved
      ? [span(room, activeFrom, moveAt, 'move'), span(other, moveAt, closedAt, closedAt ? 'close' : null)]
      : [span(room, activeFrom, closedAt, closedAt ? 'close' : null)];
    targets.push({
      _id: `T${i}`,
      stationId: current._id,
      stationName: current.name,
      stationPath: current.path,
      centerId: 'C',
      name: `对象${i}`,
      gender: i % 2 ? 'male' : 'female',
      birthYear: 1930 + (i % 50),
      idKey: `none:T${i}`,
      idMasked: null,
      sameKey: `same:T${i}`,
      phones: [],
      phoneTails: [],
      address: { area: current.name, building: `${i % 30}幢`, room: '' },
      guardian: null,
      categories,
      tier,
      tierReason: '基准',
      responsibleWorkerId: null,
      responsibleWorkerName: null,
      pairedVolunteers: [],
      pairedVolunteerIds: [],
      notes: '',
      consent: { status: 'none' },
      status: closedAt ? 'closed' : 'active',
      close: closedAt ? { reason: 'other', note: '', at: closedAt, by: 'bench' } : null,
      activeFrom,
      spans,
      lastVisitAt: null,
      urgent: null,
      homeLocation: null,
      rev: 0,
      createdBy: 'bench',
      createdAt: activeFrom,
      updatedAt: activeFrom,
    });
    const every = tier === 'high' ? 7 : tier === 'key' ? 30 : 90;
    const end = Math.min((closedAt ?? NOW).getTime(), NOW.getTime() - DAY);
    for (let t = activeFrom.getTime() + (hash(i, 3) % every) * DAY, k = 0; t < end; t += every * DAY, k++) {
      if (hash(i, 100 + k) % 20 === 0) continue;
      const startAt = new Date(t + (hash(i, 200 + k) % 10) * 3_600_000);
      const at = spans.find((s) => s.from.getTime() <= startAt.getTime() && (s.to === null || startAt < s.to))!;
      visits.push({
        _id: `V${i}_${k}`,
        clientId: `c${i}_${k}`,
        authorId: 'bench',
        authorName: '社工',
        targetId: `T${i}`,
        targetLabel: '对*',
        stationId: at.stationId,
        stationPath: at.stationPath,
        byVolunteer: false,
        status: 'counted',
        method: k % 3 ? 'door' : 'phone',
        startAt,
        endAt: new Date(startAt.getTime() + 40 * 60_000),
        companions: [],
        checklist: { speech: 'ok', movement: 'ok', food: 'ok', housing: 'ok', gas: k % 11 ? 'ok' : 'abnormal' },
        notes: {},
        summary: '',
        followUp: null,
        photoFileIds: [],
        distanceMeters: null,
        far: null,
        draftedOffline: false,
        payloadHash: '',
        confirmedBy: null,
        confirmedByName: null,
        confirmedAt: null,
        rejectReason: null,
        createdAt: startAt,
      });
    }
  }
  await insertAll(db, 'targets', targets);
  await insertAll(db, 'visits', visits);
  return { stations: { center: 'C', station: 'S3', room: 'S3R4' }, visits: visits.length };
}

async function insertAll(db: Db, collection: string, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 5000) await db.collection(collection).add(docs.slice(i, i + 5000));
}
