import { userIdForOpenid, ensureUser, setGrants, updateProfile } from '../../cloudfunctions/core/repositories/users';
import { insertActivity } from '../../cloudfunctions/core/repositories/activities';
import { insertStation } from '../../cloudfunctions/core/repositories/stations';
import { COLLECTIONS, getById } from '../../cloudfunctions/core/repositories/base';
import { isDuplicateWrite } from '../../cloudfunctions/core/repositories/db-errors';
import type { Database } from '../../cloudfunctions/core/deps';
import type { ActivityDoc, StationDoc, StoredGrant } from '../../cloudfunctions/core/documents';
import type { ActivityCategory, ActivityMethod } from '../../shared/domain/activity';
import { DEFAULT_CANCEL_HOURS_BEFORE } from '../../shared/domain/activity';
import { DEFAULT_CHECKIN_OPENS_MINUTES } from '../../shared/domain/booking';
import type { StaffRole } from '../../shared/domain/roles';
import type { StationTier } from '../../shared/domain/station';
import { fromAppWallClock, inAppZone } from '../../shared/domain/time';
import { seedDemoHistory } from './demo-history';
import { demoStationPoint, locateDemoStations } from './station-locations';
import { seedDemoTargets } from './targets';
import { seedDemoOrders } from './orders';

/** Bump when the demo data changes shape, so an old local database is re-seeded alongside. */
const SEED_MARKER = 'seed-demo-v5';

interface StationSeed {
  code: string;
  name: string;
  tier: StationTier;
  parent: string | null;
  address: string;
  phone: string;
  tags?: string[];
  brandProjects?: string[];
}

const OPERATOR = '临江区启航社会工作服务中心';
const HOURS = '周一至周五 8:30–17:30，周六 9:00–12:00';
const SERVICES = [
  { name: '政策咨询', description: '低保、特困、临时救助等政策解读与申请指引' },
  { name: '探访关爱', description: '独居、困难老人及留守儿童定期探访' },
  { name: '心理疏导', description: '专业社工一对一倾听与情绪支持' },
  { name: '志愿服务', description: '志愿者招募、培训与服务时长记录' },
  { name: '资源链接', description: '对接爱心企业、慈善组织的物资与服务' },
];

/** One 中心, three 站 (6430 staffing in spirit), six 室 — a believable small district. */
export const DEMO_STATIONS: StationSeed[] = [
  {
    code: 'LJ',
    name: '临江区社会工作服务指导中心',
    tier: 'center',
    parent: null,
    address: '临江区人民路 88 号民政服务大楼 3 楼',
    phone: '0571-86001000',
  },
  {
    code: 'LJ01',
    name: '江滨街道社工站',
    tier: 'station',
    parent: 'LJ',
    address: '江滨街道滨江路 12 号党群服务中心 1 楼',
    phone: '0571-86002101',
    brandProjects: ['银龄伙伴', '江滨四点半课堂'],
  },
  {
    code: 'LJ02',
    name: '钟埭镇社工站',
    tier: 'station',
    parent: 'LJ',
    address: '钟埭镇府前街 5 号便民服务中心',
    phone: '0571-86002202',
    brandProjects: ['田埂上的守护'],
  },
  {
    code: 'LJ03',
    name: '新桥街道社工站',
    tier: 'station',
    parent: 'LJ',
    address: '新桥街道新华路 201 号',
    phone: '0571-86002303',
    tags: ['未成年人保护'],
    brandProjects: ['护苗行动'],
  },
  {
    code: 'LJ0101',
    name: '颐和社区社工室',
    tier: 'room',
    parent: 'LJ01',
    address: '颐和社区居委会 2 楼',
    phone: '0571-86003111',
  },
  {
    code: 'LJ0102',
    name: '望江社区社工室',
    tier: 'room',
    parent: 'LJ01',
    address: '望江社区邻里中心 1 楼',
    phone: '0571-86003112',
  },
  {
    code: 'LJ0201',
    name: '钟埭村社工室',
    tier: 'room',
    parent: 'LJ02',
    address: '钟埭村村委会',
    phone: '0571-86003221',
  },
  {
    code: 'LJ0202',
    name: '沈家村社工室',
    tier: 'room',
    parent: 'LJ02',
    address: '沈家村文化礼堂',
    phone: '0571-86003222',
  },
  {
    code: 'LJ0301',
    name: '新桥社区社工室',
    tier: 'room',
    parent: 'LJ03',
    address: '新桥社区党群服务站',
    phone: '0571-86003331',
  },
  {
    code: 'LJ0302',
    name: '锦绣社区社工室',
    tier: 'room',
    parent: 'LJ03',
    address: '锦绣社区居委会 1 楼',
    phone: '0571-86003332',
  },
];

/** The station id of a seed code. */
export function demoStationId(code: string): string {
  return `st_${code}`;
}

interface ActivitySeed {
  station: string;
  title: string;
  category: ActivityCategory;
  method: ActivityMethod;
  /** Days from today (Asia/Shanghai), then start and end as HH:mm. */
  day: number;
  start: string;
  end: string;
  capacity: number;
  location: string;
  description: string;
  status?: 'draft';
  waitlist?: { capacity: number; mode: 'auto' | 'claim' };
  volunteerSlots?: number;
  /** Starts this many minutes after the seed runs (for a check-in demo), instead of `day`/`start`. */
  startsInMinutes?: number;
}

export const DEMO_ACTIVITIES: ActivitySeed[] = [
  {
    station: 'LJ01',
    title: '长者智能手机课堂',
    category: 'elder_care',
    method: 'group',
    day: 1,
    start: '09:30',
    end: '11:00',
    capacity: 20,
    location: '江滨街道党群服务中心 多功能室',
    description: '手把手教您用微信视频、扫码乘车、网上挂号。请带上自己的手机。',
  },
  {
    station: 'LJ0101',
    title: '健康义诊进社区',
    category: 'health',
    method: 'community',
    day: 2,
    start: '08:30',
    end: '11:30',
    capacity: 100,
    location: '颐和社区广场',
    description: '区人民医院医生免费测血压、血糖，提供用药咨询。',
    volunteerSlots: 6,
  },
  {
    station: 'LJ0102',
    title: '四点半课堂：作业辅导',
    category: 'children',
    method: 'group',
    day: 1,
    start: '16:30',
    end: '18:00',
    capacity: 15,
    location: '望江社区邻里中心 阅览室',
    description: '大学生志愿者陪伴小学生完成作业，家长 18:00 前接回。',
  },
  {
    station: 'LJ02',
    title: '心理减压工作坊',
    category: 'psychological',
    method: 'group',
    day: 3,
    start: '14:00',
    end: '16:00',
    capacity: 12,
    location: '钟埭镇便民服务中心 2 楼',
    description: '持证社工带领的减压小组，适合照顾家人的家属参加。',
  },
  {
    station: 'LJ02',
    title: '邻里文化节',
    category: 'culture',
    method: 'community',
    day: 6,
    start: '09:00',
    end: '12:00',
    capacity: 200,
    location: '钟埭镇文化广场',
    description: '越剧、书画、手工市集，欢迎全家参加。',
  },
  {
    station: 'LJ0202',
    title: '残疾人康复互助小组',
    category: 'disability',
    method: 'group',
    day: 4,
    start: '14:30',
    end: '16:00',
    capacity: 10,
    location: '沈家村文化礼堂',
    description: '康复师指导居家康复训练，组员互相交流经验。',
  },
  {
    station: 'LJ03',
    title: '就业技能培训：家政服务',
    category: 'employment',
    method: 'group',
    day: 5,
    start: '09:00',
    end: '11:30',
    capacity: 30,
    location: '新桥街道就业服务站',
    description: '家政服务技能培训，结业后推荐就业岗位。',
  },
  {
    station: 'LJ0301',
    title: '养老服务政策宣讲会',
    category: 'policy',
    method: 'community',
    day: 2,
    start: '15:00',
    end: '16:30',
    capacity: 80,
    location: '新桥社区党群服务站 会议室',
    description: '讲解高龄津贴、居家养老服务补贴的申请办法。',
  },
  {
    station: 'LJ0302',
    title: '亲子阅读会',
    category: 'family',
    method: 'group',
    day: 7,
    start: '10:00',
    end: '11:30',
    capacity: 16,
    location: '锦绣社区居委会 1 楼 绘本角',
    description: '3–8 岁孩子和家长一起读绘本、做手工。',
  },
  {
    station: 'LJ01',
    title: '助老志愿服务日',
    category: 'volunteering',
    method: 'community',
    day: 3,
    start: '08:30',
    end: '11:00',
    capacity: 25,
    location: '江滨街道各小区',
    description: '为独居老人上门打扫、理发、陪聊。',
    volunteerSlots: 10,
  },
  {
    station: 'LJ0201',
    title: '防范电信诈骗宣传',
    category: 'policy',
    method: 'community',
    day: 8,
    start: '14:00',
    end: '15:30',
    capacity: 60,
    location: '钟埭村村委会 会议室',
    description: '民警讲解最新骗局，现场帮您安装国家反诈中心 App。',
  },
  {
    station: 'LJ0101',
    title: '老年书法班（小班）',
    category: 'culture',
    method: 'group',
    day: 9,
    start: '09:00',
    end: '10:30',
    capacity: 2,
    location: '颐和社区居委会 2 楼',
    description: '书法老师小班指导，名额很少，先到先得。',
  },
  {
    station: 'LJ01',
    title: '长者茶话会（今天）',
    category: 'elder_care',
    method: 'community',
    day: 0,
    start: '00:00',
    end: '00:00',
    startsInMinutes: 20,
    capacity: 30,
    location: '江滨街道党群服务中心 1 楼大厅',
    description: '今天的茶话会，开始前半小时可到门口扫码签到。',
    volunteerSlots: 5,
  },
  {
    station: 'LJ0102',
    title: '手工编织小组（可候补）',
    category: 'culture',
    method: 'group',
    day: 5,
    start: '14:00',
    end: '15:30',
    capacity: 1,
    location: '望江社区邻里中心 手工室',
    description: '名额已满时可加入候补，有人取消后将按顺序为您保留名额，请在 12 小时内确认。',
    waitlist: { capacity: 5, mode: 'claim' },
  },
  {
    station: 'LJ01',
    title: '重阳节敬老活动',
    category: 'elder_care',
    method: 'community',
    day: 12,
    start: '09:00',
    end: '11:00',
    capacity: 50,
    location: '江滨街道党群服务中心',
    description: '（草稿）节目与慰问品待定。',
    status: 'draft',
  },
];

interface PersonaSeed {
  openid: string;
  nickname: string;
  phone: string;
  home: string;
  grant?: { station: string; role: StaffRole };
}

/** Demo accounts; openids match the gateway's persona sign-in (`dev-<persona>`). */
export const DEMO_PERSONAS: PersonaSeed[] = [
  { openid: 'dev-resident', nickname: '张阿姨', phone: '13800001111', home: 'LJ0101' },
  { openid: 'dev-volunteer', nickname: '小李', phone: '13800002222', home: 'LJ01' },
  { openid: 'dev-donor', nickname: '陈先生', phone: '13800003333', home: 'LJ02' },
  {
    openid: 'dev-staff',
    nickname: '王社工',
    phone: '13800004444',
    home: 'LJ01',
    grant: { station: 'LJ01', role: 'staff' },
  },
  {
    openid: 'dev-admin',
    nickname: '刘主任',
    phone: '13800005555',
    home: 'LJ',
    grant: { station: 'LJ', role: 'admin' },
  },
];

/**
 * Fill an empty database with the demo district, relative to `now` so activities are always
 * upcoming. Idempotent: a marker document says it is done, and every insert tolerates a row that
 * an interrupted earlier run already wrote.
 */
export async function seedDemoDistrict(
  db: Database,
  now: Date,
  options: { history?: boolean } = {},
): Promise<{ seeded: boolean }> {
  await locateDemoStations(db);
  if (await getById(db, COLLECTIONS.counters, SEED_MARKER)) return { seeded: false };

  const byCode = new Map<string, StationDoc>();
  for (const seed of DEMO_STATIONS) {
    const parent = seed.parent ? byCode.get(seed.parent)! : null;
    const id = demoStationId(seed.code);
    const station: StationDoc = {
      _id: id,
      code: seed.code,
      name: seed.name,
      tier: seed.tier,
      parentId: parent?._id ?? null,
      path: [...(parent?.path ?? []), id],
      childCount: DEMO_STATIONS.filter((s) => s.parent === seed.code).length,
      tags: seed.tags ?? [],
      address: seed.address,
      location: demoStationPoint(db, seed.code) as StationDoc['location'],
      openingHours: HOURS,
      phone: seed.phone,
      operator: OPERATOR,
      services: SERVICES,
      brandProjects: seed.brandProjects ?? [],
      createdAt: now,
      updatedAt: now,
    };
    byCode.set(seed.code, station);
    await tolerateDuplicate(insertStation(db, station));
  }

  const today = inAppZone(now);
  for (const [index, seed] of DEMO_ACTIVITIES.entries()) {
    const station = byCode.get(seed.station)!;
    const at = (hhmm: string) => fromAppWallClock(`${today.add(seed.day, 'day').format('YYYY-MM-DD')}T${hhmm}:00`);
    const startAt =
      seed.startsInMinutes !== undefined ? new Date(now.getTime() + seed.startsInMinutes * 60_000) : at(seed.start);
    const endAt = seed.startsInMinutes !== undefined ? new Date(startAt.getTime() + 2 * 3600_000) : at(seed.end);
    const activity: ActivityDoc = {
      _id: `act_demo_${String(index + 1).padStart(2, '0')}`,
      stationId: station._id,
      stationName: station.name,
      stationPath: station.path,
      title: seed.title,
      category: seed.category,
      method: seed.method,
      description: seed.description,
      location: seed.location,
      contact: station.phone,
      startAt,
      endAt,
      signUpOpensAt: now,
      signUpClosesAt: startAt,
      cancelDeadline: new Date(Math.max(now.getTime(), startAt.getTime() - DEFAULT_CANCEL_HOURS_BEFORE * 3600_000)),
      capacity: seed.capacity,
      confirmed: 0,
      waitlistCapacity: seed.waitlist?.capacity ?? 0,
      waitlisted: 0,
      waitlistTicket: 0,
      lineOutstanding: 0,
      lineGivenUp: [],
      volunteerSlots: seed.volunteerSlots ?? 0,
      volunteersSignedUp: 0,
      promotionMode: seed.waitlist?.mode ?? 'auto',
      claimWindowHours: 12,
      checkInOpensMinutesBefore: DEFAULT_CHECKIN_OPENS_MINUTES,
      ratingCount: 0,
      ratingSum: 0,
      cancelReason: null,
      rev: 0,
      status: seed.status ?? 'published',
      createdBy: userIdForOpenid('dev-staff'),
      createdAt: now,
      updatedAt: now,
      publishedAt: seed.status === 'draft' ? null : now,
    };
    await tolerateDuplicate(insertActivity(db, activity));
  }

  for (const persona of DEMO_PERSONAS) {
    const user = await ensureUser(db, persona.openid, now);
    await updateProfile(
      db,
      user._id,
      { nickname: persona.nickname, phone: persona.phone, homeStationId: demoStationId(persona.home) },
      now,
    );
    if (persona.grant) {
      const station = byCode.get(persona.grant.station)!;
      const grant: StoredGrant = {
        stationId: station._id,
        stationName: station.name,
        stationTier: station.tier,
        stationPath: station.path,
        role: persona.grant.role,
        grantedAt: now,
        grantedBy: 'seed',
      };
      await setGrants(db, user._id, [grant], now);
    }
  }

  await seedDemoTargets(db, now);
  await seedDemoOrders(db, now);
  // The past months (bookings, hours, pledges): left out only by tests of a district without them.
  if (options.history !== false) await seedDemoHistory(db, now, byCode);

  await tolerateDuplicate(db.collection(COLLECTIONS.counters).add({ _id: SEED_MARKER, at: now }));
  return { seeded: true };
}

async function tolerateDuplicate(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
}
