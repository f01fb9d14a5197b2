import type { Database } from '../../cloudfunctions/core/deps';
import type { StationDoc } from '../../cloudfunctions/core/documents';
import type { TargetDoc, VisitDoc } from '../../cloudfunctions/core/documents/targets';
import { COLLECTIONS, getById } from '../../cloudfunctions/core/repositories/base';
import { isDuplicateWrite } from '../../cloudfunctions/core/repositories/db-errors';
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { visitIdFor } from '../../cloudfunctions/core/repositories/visits';
import { fingerprint, keyedHash } from '../../cloudfunctions/targets/support';
import { maskName } from '../../shared/domain/privacy';
import {
  canonicalCategories,
  phoneTail,
  samePersonText,
  type ChecklistItem,
  type RiskTier,
  type TargetCategory,
} from '../../shared/domain/targets';

/**
 * Demo service targets and a few months of visits for the local district (ADR 0017), so the plan,
 * the 月报's visit section and the console card show real figures. Names, phones and addresses are
 * invented. Visits are placed relative to `now`: most records were visited this month, some not,
 * one high-risk elder is overdue, and one record moved from 望江 to 颐和 last month.
 */

interface TargetSeed {
  key: string;
  name: string;
  gender: 'male' | 'female';
  birthYear: number;
  station: string;
  area: string;
  building: string;
  categories: TargetCategory[];
  tier: RiskTier;
  tierReason: string;
  phone: string;
  worker: 'dev-staff' | 'dev-admin';
  /** Days before `now` of each counted visit (empty: never visited). */
  visits: number[];
  /** Registered this many days before `now`. */
  since: number;
  consent: boolean;
  abnormal?: { item: ChecklistItem; note: string; followUp: string };
  movedFrom?: { station: string; daysAgo: number };
}

const SEEDS: TargetSeed[] = [
  {
    key: 'd01',
    name: '周桂英',
    gender: 'female',
    birthYear: 1938,
    station: 'LJ0101',
    area: '颐和社区',
    building: '3幢2单元',
    categories: ['living_alone', 'tekun'],
    tier: 'high',
    tierReason: '88岁独居，患高血压',
    phone: '13700010001',
    worker: 'dev-staff',
    visits: [1, 8, 15, 22, 29, 36, 43, 50, 57, 64, 71, 78, 85],
    since: 120,
    consent: true,
  },
  {
    key: 'd02',
    name: '陈福生',
    gender: 'male',
    birthYear: 1940,
    station: 'LJ0101',
    area: '颐和社区',
    building: '5幢1单元',
    categories: ['living_alone', 'disabled_care'],
    tier: 'high',
    tierReason: '独居，半失能',
    phone: '13700010002',
    worker: 'dev-staff',
    visits: [16, 23, 30, 44, 58, 72],
    since: 120,
    consent: true,
    abnormal: { item: 'gas', note: '燃气软管老化', followUp: '联系燃气公司上门更换软管' },
  },
  {
    key: 'd03',
    name: '李秀兰',
    gender: 'female',
    birthYear: 1945,
    station: 'LJ0101',
    area: '颐和社区',
    building: '1幢',
    categories: ['dibao'],
    tier: 'key',
    tierReason: '低保，子女在外地',
    phone: '13700010003',
    worker: 'dev-staff',
    visits: [3, 33, 63],
    since: 150,
    consent: true,
  },
  {
    key: 'd04',
    name: '王建国',
    gender: 'male',
    birthYear: 1950,
    station: 'LJ0101',
    area: '颐和社区',
    building: '7幢3单元',
    categories: ['severe_disability'],
    tier: 'key',
    tierReason: '一级肢体残疾',
    phone: '13700010004',
    worker: 'dev-staff',
    visits: [40, 70],
    since: 150,
    consent: false,
  },
  {
    key: 'd05',
    name: '赵小雨',
    gender: 'female',
    birthYear: 2014,
    station: 'LJ0102',
    area: '望江社区',
    building: '12幢',
    categories: ['left_behind_child'],
    tier: 'key',
    tierReason: '父母在外务工，与祖母同住',
    phone: '13700010005',
    worker: 'dev-staff',
    visits: [5, 36, 66],
    since: 150,
    consent: true,
  },
  {
    key: 'd06',
    name: '孙玉梅',
    gender: 'female',
    birthYear: 1952,
    station: 'LJ0102',
    area: '望江社区',
    building: '8幢2单元',
    categories: ['family_planning'],
    tier: 'general',
    tierReason: '计生特殊家庭',
    phone: '13700010006',
    worker: 'dev-staff',
    visits: [50],
    since: 150,
    consent: true,
  },
  {
    key: 'd07',
    name: '吴大山',
    gender: 'male',
    birthYear: 1941,
    station: 'LJ0101',
    area: '颐和社区',
    building: '9幢',
    categories: ['living_alone'],
    tier: 'key',
    tierReason: '空巢，老伴去年去世',
    phone: '13700010007',
    worker: 'dev-staff',
    visits: [4, 32],
    since: 150,
    consent: true,
    movedFrom: { station: 'LJ0102', daysAgo: 20 },
  },
  {
    key: 'd08',
    name: '郑阿婆',
    gender: 'female',
    birthYear: 1936,
    station: 'LJ01',
    area: '江滨街道',
    building: '滨江路45号',
    categories: ['tekun', 'living_alone'],
    tier: 'general',
    tierReason: '分散供养特困',
    phone: '057186005678',
    worker: 'dev-staff',
    visits: [10, 100],
    since: 200,
    consent: true,
  },
  {
    key: 'd09',
    name: '钱根宝',
    gender: 'male',
    birthYear: 1947,
    station: 'LJ0201',
    area: '钟埭村',
    building: '三组',
    categories: ['left_behind_elder'],
    tier: 'key',
    tierReason: '子女外出务工',
    phone: '13700010009',
    worker: 'dev-admin',
    visits: [6, 37, 67],
    since: 150,
    consent: true,
  },
  {
    key: 'd10',
    name: '冯桂花',
    gender: 'female',
    birthYear: 1944,
    station: 'LJ0202',
    area: '沈家村',
    building: '五组',
    categories: ['left_behind_elder', 'disabled_care'],
    tier: 'high',
    tierReason: '留守，卧床',
    phone: '13700010010',
    worker: 'dev-admin',
    visits: [2, 9, 16, 23, 30, 37, 44, 51, 58, 65, 72, 79],
    since: 120,
    consent: true,
  },
  {
    key: 'd11',
    name: '蒋小军',
    gender: 'male',
    birthYear: 2012,
    station: 'LJ0202',
    area: '沈家村',
    building: '二组',
    categories: ['children_in_difficulty'],
    tier: 'key',
    tierReason: '单亲，父亲重病',
    phone: '13700010011',
    worker: 'dev-admin',
    visits: [45, 75],
    since: 150,
    consent: true,
  },
  {
    key: 'd12',
    name: '沈老伯',
    gender: 'male',
    birthYear: 1939,
    station: 'LJ0201',
    area: '钟埭村',
    building: '一组',
    categories: ['dibao', 'living_alone'],
    tier: 'general',
    tierReason: '低保独居，身体尚可',
    phone: '13700010012',
    worker: 'dev-admin',
    visits: [25],
    since: 150,
    consent: true,
  },
];

const DAY_MS = 86_400_000;

/** Insert the demo targets and their visits. Idempotent: existing rows are left as they are. */
export async function seedDemoTargets(db: Database, now: Date): Promise<void> {
  const stations = new Map<string, StationDoc>();
  for (const seed of SEEDS)
    for (const code of [seed.station, seed.movedFrom?.station].filter((c): c is string => Boolean(c))) {
      if (!stations.has(code)) {
        const station = await getById<StationDoc>(db, COLLECTIONS.stations, `st_${code}`);
        if (station) stations.set(code, station);
      }
    }
  const workers = {
    'dev-staff': { id: userIdForOpenid('dev-staff'), name: '王社工' },
    'dev-admin': { id: userIdForOpenid('dev-admin'), name: '刘主任' },
  };
  for (const seed of SEEDS) {
    const station = stations.get(seed.station);
    if (!station) continue;
    const targetId = `t_demo_${seed.key}`;
    const activeFrom = new Date(now.getTime() - seed.since * DAY_MS);
    const previous = seed.movedFrom ? stations.get(seed.movedFrom.station) : undefined;
    const movedAt = seed.movedFrom ? new Date(now.getTime() - seed.movedFrom.daysAgo * DAY_MS) : null;
    const categories = canonicalCategories(seed.categories);
    const span = (s: StationDoc, from: Date, to: Date | null) => ({
      stationId: s._id,
      stationName: s.name,
      stationPath: s.path,
      tier: seed.tier,
      categories,
      from,
      to,
      endedBy: to ? ('move' as const) : null,
    });
    const visitTimes = seed.visits.map((days) => new Date(now.getTime() - days * DAY_MS - 2 * 3_600_000));
    const worker = workers[seed.worker];
    const target: TargetDoc = {
      _id: targetId,
      stationId: station._id,
      stationName: station.name,
      stationPath: station.path,
      centerId: station.path[0]!,
      name: seed.name,
      gender: seed.gender,
      birthYear: seed.birthYear,
      idKey: `none:${targetId}`,
      idMasked: null,
      sameKey: `same:${keyedHash(
        `same:${samePersonText({ name: seed.name, birthYear: seed.birthYear, area: seed.area, building: seed.building, room: '' })}`,
      )}`,
      phones: [seed.phone],
      phoneTails: [phoneTail(seed.phone)!],
      address: { area: seed.area, building: seed.building, room: '' },
      guardian: null,
      categories,
      tier: seed.tier,
      tierReason: seed.tierReason,
      responsibleWorkerId: worker.id,
      responsibleWorkerName: worker.name,
      pairedVolunteers: [],
      pairedVolunteerIds: [],
      notes: '',
      consent: seed.consent
        ? {
            status: 'given',
            by: 'self',
            method: 'verbal_witnessed',
            at: activeFrom,
            witness: '社区网格员',
            formPhotoFileId: null,
            recordedBy: worker.id,
          }
        : { status: 'none' },
      status: 'active',
      close: null,
      activeFrom,
      spans:
        previous && movedAt
          ? [span(previous, activeFrom, movedAt), span(station, movedAt, null)]
          : [span(station, activeFrom, null)],
      lastVisitAt: visitTimes.length ? new Date(Math.max(...visitTimes.map((t) => t.getTime()))) : null,
      urgent: null,
      homeLocation: null,
      rev: 0,
      createdBy: worker.id,
      createdAt: activeFrom,
      updatedAt: movedAt ?? activeFrom,
    };
    await tolerateDuplicate(db.collection(COLLECTIONS.targets).add(target));

    for (const [i, startAt] of visitTimes.entries()) {
      const at = target.spans.find((s) => s.from <= startAt && (s.to === null || startAt < s.to)) ?? target.spans[0]!;
      const abnormal = i === 0 ? seed.abnormal : undefined;
      const clientId = `demo-${seed.key}-${i}`;
      const checklist = {
        speech: 'ok',
        movement: 'ok',
        mental: 'ok',
        food: 'ok',
        housing: 'ok',
        ...(abnormal ? { [abnormal.item]: 'abnormal' } : {}),
      } as VisitDoc['checklist'];
      const visit: VisitDoc = {
        _id: visitIdFor(worker.id, clientId),
        clientId,
        authorId: worker.id,
        authorName: worker.name,
        targetId,
        targetLabel: maskName(seed.name),
        stationId: at.stationId,
        stationPath: at.stationPath,
        byVolunteer: false,
        status: 'counted',
        method: i % 3 === 2 ? 'phone' : 'door',
        startAt,
        endAt: new Date(startAt.getTime() + 40 * 60_000),
        companions: [],
        checklist,
        notes: abnormal ? { [abnormal.item]: abnormal.note } : {},
        summary: abnormal ? abnormal.note : '精神状态良好，生活自理。',
        followUp: abnormal
          ? {
              note: abnormal.followUp,
              dueDate: new Date(startAt.getTime() + 8 * 3_600_000 + 3 * DAY_MS).toISOString().slice(0, 10),
              orderId: null,
            }
          : null,
        photoFileIds: [],
        distanceMeters: null,
        far: null,
        draftedOffline: false,
        payloadHash: fingerprint({ seed: clientId }),
        confirmedBy: null,
        confirmedByName: null,
        confirmedAt: null,
        rejectReason: null,
        createdAt: startAt,
      };
      await tolerateDuplicate(db.collection(COLLECTIONS.visits).add(visit));
    }
  }
}

async function tolerateDuplicate(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
}
