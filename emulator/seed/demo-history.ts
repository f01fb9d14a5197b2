/*
 * The demo district's past, so a visitor sees the app alive: five months of held activities with
 * attendance and ratings, volunteer hours (scanned shifts and approved top-ups), donations that
 * arrived and went out, and needs still open. Everything lies in the five calendar months before
 * the seeding month (Asia/Shanghai) — the current month is left to what people do — and every
 * counter kept beside rows (seats, ratings, volunteer slots, pledged and received totals) equals
 * its rows, as the actions would have left them. The people are made up (`demo-*` openids); no
 * persona has a past, so a visitor's own lists start empty.
 */

import { createHash } from 'node:crypto';
import type { Database } from '../../cloudfunctions/core/deps';
import type {
  ActivityDoc,
  BookingDoc,
  ClaimDoc,
  DistributionDoc,
  HourEntryDoc,
  NeedDoc,
  PledgeDoc,
  ShiftDoc,
  StationDoc,
  UserDoc,
  VolunteerDoc,
} from '../../cloudfunctions/core/documents';
import { COLLECTIONS } from '../../cloudfunctions/core/repositories/base';
import { isDuplicateWrite } from '../../cloudfunctions/core/repositories/db-errors';
import { nextInSequence } from '../../cloudfunctions/core/repositories/counters';
import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { verifiedEntryFor } from '../../cloudfunctions/volunteering/entries';
import type { ActivityCategory, ActivityMethod } from '../../shared/domain/activity';
import { maskIdNumber } from '../../shared/domain/identity';
import { fromAppWallClock, inAppZone } from '../../shared/domain/time';
import type { NeedKind } from '../../shared/domain/donation';

/** How many calendar months before the seeding month hold history. */
export const DEMO_HISTORY_MONTHS = 5;

/** Made-up neighbours who came to the activities: openid, name, phone. */
const NEIGHBOURS: [string, string, string][] = [
  ['demo-neighbour-01', '陈阿婆', '13900100001'],
  ['demo-neighbour-02', '刘大爷', '13900100002'],
  ['demo-neighbour-03', '周奶奶', '13900100003'],
  ['demo-neighbour-04', '吴师傅', '13900100004'],
  ['demo-neighbour-05', '郑阿姨', '13900100005'],
  ['demo-neighbour-06', '孙爷爷', '13900100006'],
  ['demo-neighbour-07', '马阿姨', '13900100007'],
  ['demo-neighbour-08', '黄大伯', '13900100008'],
];

/** Made-up registered volunteers: openid, real name, phone, home station. */
const VOLUNTEERS: [string, string, string, string][] = [
  ['demo-volunteer-01', '赵志强', '13900200001', 'LJ01'],
  ['demo-volunteer-02', '钱晓燕', '13900200002', 'LJ0101'],
  ['demo-volunteer-03', '孙浩然', '13900200003', 'LJ02'],
];

/** Made-up donors: openid, name as given, anonymous to the public, phone. */
const DONORS: [string, string, boolean, string][] = [
  ['demo-donor-01', '临江粮油有限公司', false, '13900300001'],
  ['demo-donor-02', '王女士', true, '13900300002'],
  ['demo-donor-03', '江滨书店', false, '13900300003'],
];

interface PastActivity {
  station: string;
  title: string;
  category: ActivityCategory;
  method: ActivityMethod;
  /** Day of the month and wall-clock times (Asia/Shanghai). */
  day: number;
  start: string;
  end: string;
  capacity: number;
  location: string;
  /** Per month, oldest first: neighbours checked in, neighbours who did not come, the scores given. */
  attended: number[];
  noShows: number[];
  scores: number[][];
  /** Volunteers (indexes into VOLUNTEERS) scanned in and out, and minutes served each. */
  volunteers: number[];
  volunteerMinutes: number;
}

/** Each held once a month in each of the five months. */
export const PAST_ACTIVITIES: PastActivity[] = [
  {
    station: 'LJ01',
    title: '长者健康讲座',
    category: 'health',
    method: 'community',
    day: 8,
    start: '09:30',
    end: '11:30',
    capacity: 40,
    location: '江滨街道党群服务中心 多功能室',
    attended: [6, 5, 7, 6, 7],
    noShows: [1, 0, 1, 1, 1],
    scores: [[5, 4], [5], [5, 5, 4], [4, 5], [5, 5, 4]],
    volunteers: [0, 1],
    volunteerMinutes: 120,
  },
  {
    station: 'LJ0101',
    title: '颐和邻里手工坊',
    category: 'culture',
    method: 'group',
    day: 15,
    start: '14:00',
    end: '15:30',
    capacity: 12,
    location: '颐和社区居委会 2 楼',
    attended: [3, 4, 4, 5, 4],
    noShows: [0, 1, 0, 0, 1],
    scores: [[5], [4, 5], [5], [5, 4], [5]],
    volunteers: [1],
    volunteerMinutes: 90,
  },
  {
    station: 'LJ0102',
    title: '四点半课堂：亲子共读',
    category: 'children',
    method: 'group',
    day: 22,
    start: '16:30',
    end: '18:00',
    capacity: 15,
    location: '望江社区邻里中心 阅览室',
    attended: [2, 3, 3, 2, 4],
    noShows: [1, 0, 0, 1, 0],
    scores: [[4], [5], [5, 4], [], [5]],
    volunteers: [],
    volunteerMinutes: 0,
  },
  {
    station: 'LJ02',
    title: '田埂上的守护：探访日',
    category: 'volunteering',
    method: 'community',
    day: 12,
    start: '09:00',
    end: '11:30',
    capacity: 20,
    location: '钟埭镇便民服务中心',
    attended: [2, 3, 2, 3, 3],
    noShows: [0, 0, 0, 0, 0],
    scores: [[5], [], [5], [4], [5]],
    volunteers: [2],
    volunteerMinutes: 150,
  },
];

/** 赵志强's approved top-up (补录) each month: a home visit outside any activity. */
const TOPUP = { volunteer: 0, station: 'LJ01', day: 18, start: '14:00', minutes: 60, description: '入户探访独居老人' };

interface PastNeed {
  key: string;
  station: string;
  title: string;
  kind: NeedKind;
  unit: string;
  targetQuantity: number;
  unitValueFen: number;
  beneficiaryGroup: string;
  description: string;
  /** Month (1 = oldest of the five) and day it was published; open ones stay open this many days from now. */
  month: number;
  day: number;
  openForDays: number | null;
}

const NEEDS: PastNeed[] = [
  {
    key: 'quilts',
    station: 'LJ01',
    title: '冬季棉被',
    kind: 'goods',
    unit: '床',
    targetQuantity: 20,
    unitValueFen: 12000,
    beneficiaryGroup: '独居老人',
    description: '为辖区独居老人准备过冬棉被。',
    month: 1,
    day: 2,
    openForDays: null,
  },
  {
    key: 'rice',
    station: 'LJ01',
    title: '助老爱心大米',
    kind: 'goods',
    unit: '袋',
    targetQuantity: 40,
    unitValueFen: 6000,
    beneficiaryGroup: '困难老人',
    description: '10 斤装大米，每月随探访送到困难老人家中。',
    month: 4,
    day: 1,
    openForDays: 30,
  },
  {
    key: 'books',
    station: 'LJ0101',
    title: '儿童绘本',
    kind: 'goods',
    unit: '本',
    targetQuantity: 100,
    unitValueFen: 2500,
    beneficiaryGroup: '留守儿童',
    description: '适合 3–10 岁孩子的绘本，九成新以上即可。',
    month: 3,
    day: 5,
    openForDays: 45,
  },
  {
    key: 'walkers',
    station: 'LJ02',
    title: '康复助行器',
    kind: 'goods',
    unit: '台',
    targetQuantity: 6,
    unitValueFen: 30000,
    beneficiaryGroup: '残疾人',
    description: '可折叠助行器，供行动不便的村民借用。',
    month: 5,
    day: 3,
    openForDays: 60,
  },
];

interface PastPledge {
  need: string | null;
  /** For a pledge to the station in general (no need). */
  station?: string;
  kind?: NeedKind;
  unit?: string;
  unitValueFen?: number;
  donor: number;
  quantity: number;
  /** Month and day it arrived; then where it went, each on a day of that month (or the next, `nextMonth`). */
  month: number;
  day: number;
  given: { quantity: number; group: string; day: number; nextMonth?: boolean; activity?: string }[];
}

const PLEDGES: PastPledge[] = [
  {
    need: 'quilts',
    donor: 0,
    quantity: 12,
    month: 1,
    day: 20,
    given: [
      { quantity: 8, group: '独居老人', day: 25 },
      { quantity: 4, group: '困难老人', day: 3, nextMonth: true },
    ],
  },
  {
    need: 'quilts',
    donor: 1,
    quantity: 8,
    month: 2,
    day: 10,
    given: [{ quantity: 8, group: '独居老人', day: 12, activity: '长者健康讲座' }],
  },
  {
    need: null,
    station: 'LJ01',
    kind: 'service',
    unit: '次',
    unitValueFen: 3000,
    donor: 2,
    quantity: 10,
    month: 2,
    day: 8,
    given: [{ quantity: 10, group: '独居老人', day: 8, activity: '长者健康讲座' }],
  },
  { need: 'books', donor: 2, quantity: 30, month: 3, day: 15, given: [{ quantity: 30, group: '留守儿童', day: 22 }] },
  { need: 'rice', donor: 0, quantity: 15, month: 4, day: 9, given: [{ quantity: 15, group: '困难老人', day: 10 }] },
  { need: 'rice', donor: 2, quantity: 5, month: 5, day: 6, given: [{ quantity: 5, group: '低保家庭', day: 8 }] },
  { need: 'books', donor: 1, quantity: 20, month: 5, day: 14, given: [{ quantity: 20, group: '留守儿童', day: 20 }] },
  { need: 'walkers', donor: 0, quantity: 2, month: 5, day: 16, given: [{ quantity: 2, group: '残疾人', day: 18 }] },
];

/** The `YYYY-MM` key `back` months before `now`'s month (Asia/Shanghai). */
function monthBefore(now: Date, back: number): string {
  return inAppZone(now).startOf('month').subtract(back, 'month').format('YYYY-MM');
}

/**
 * Writes the history. `month` 1 is the oldest of the {@link DEMO_HISTORY_MONTHS} months before
 * `now`'s month, 5 the month just before it. Each collection is one batch insert; a batch an
 * interrupted earlier run wrote is left as it is.
 */
export async function seedDemoHistory(db: Database, now: Date, stations: Map<string, StationDoc>): Promise<void> {
  const monthOf = (month: number) => monthBefore(now, DEMO_HISTORY_MONTHS + 1 - month);
  const at = (month: number, day: number, hhmm: string) =>
    fromAppWallClock(`${monthOf(month)}-${String(day).padStart(2, '0')}T${hhmm}:00`);
  const station = (code: string) => stations.get(code)!;
  const staffId = userIdForOpenid('dev-staff');
  const seededAt = at(1, 1, '08:00');

  const person = (openid: string, nickname: string, phone: string, home: string): UserDoc => ({
    _id: userIdForOpenid(openid),
    openid,
    nickname,
    phone,
    homeStationId: station(home)._id,
    elderMode: false,
    grants: [],
    createdAt: seededAt,
    updatedAt: seededAt,
  });
  const users: UserDoc[] = [
    ...NEIGHBOURS.map(([openid, name, phone]) => person(openid, name, phone, 'LJ0101')),
    ...VOLUNTEERS.map(([openid, name, phone, home]) => person(openid, name, phone, home)),
    ...DONORS.map(([openid, name, , phone]) => person(openid, name, phone, 'LJ01')),
  ];

  const volunteers: VolunteerDoc[] = [];
  for (const [index, [openid, realName, phone, home]] of VOLUNTEERS.entries()) {
    const homeStation = station(home);
    const seq = await nextInSequence(db, `volunteer-no:${homeStation.code}`);
    // A made-up ID number, valid in form but belonging to nobody; only its mask and a digest are kept.
    const madeUpId = `33010219700101${String(index + 1).padStart(3, '0')}X`;
    volunteers.push({
      _id: userIdForOpenid(openid),
      volunteerNo: `${homeStation.code}V${String(seq).padStart(5, '0')}`,
      realName,
      idHash: createHash('sha256').update(`station-link:demo-volunteer:${openid}`).digest('hex'),
      idMasked: maskIdNumber(madeUpId),
      phone,
      skills: ['陪伴探访'],
      serviceAreas: ['养老服务'],
      emergencyContact: { name: '家人', phone: '13900299999' },
      homeStationId: homeStation._id,
      homeStationName: homeStation.name,
      homeStationPath: homeStation.path,
      leaderboardOptIn: true,
      busy: [],
      rev: 0,
      registeredAt: seededAt,
      updatedAt: seededAt,
    });
  }

  const activities: ActivityDoc[] = [];
  const bookings: BookingDoc[] = [];
  const shifts: ShiftDoc[] = [];
  const entries: HourEntryDoc[] = [];
  const claims: ClaimDoc[] = [];
  const activityOfMonth = new Map<string, ActivityDoc>();
  for (const [a, past] of PAST_ACTIVITIES.entries()) {
    const host = station(past.station);
    for (let month = 1; month <= DEMO_HISTORY_MONTHS; month += 1) {
      const i = month - 1;
      const startAt = at(month, past.day, past.start);
      const endAt = at(month, past.day, past.end);
      const opened = new Date(startAt.getTime() - 14 * 86400_000);
      const id = `act_hist_${a + 1}_${monthOf(month)}`;
      const scores = past.scores[i]!;
      const activity: ActivityDoc = {
        _id: id,
        stationId: host._id,
        stationName: host.name,
        stationPath: host.path,
        title: past.title,
        category: past.category,
        method: past.method,
        description: `${host.name}每月一次的${past.title}。`,
        location: past.location,
        contact: host.phone,
        startAt,
        endAt,
        signUpOpensAt: opened,
        signUpClosesAt: startAt,
        cancelDeadline: new Date(startAt.getTime() - 24 * 3600_000),
        capacity: past.capacity,
        confirmed: past.attended[i]! + past.noShows[i]!,
        waitlistCapacity: 0,
        waitlisted: 0,
        waitlistTicket: 0,
        lineOutstanding: 0,
        lineGivenUp: [],
        volunteerSlots: past.volunteers.length ? past.volunteers.length + 2 : 0,
        volunteersSignedUp: past.volunteers.length,
        promotionMode: 'auto',
        claimWindowHours: 12,
        checkInOpensMinutesBefore: 30,
        ratingCount: scores.length,
        ratingSum: scores.reduce((sum, s) => sum + s, 0),
        status: 'finished',
        cancelReason: null,
        rev: 0,
        createdBy: staffId,
        createdAt: opened,
        updatedAt: endAt,
        publishedAt: opened,
      };
      activities.push(activity);
      activityOfMonth.set(`${past.title}|${month}`, activity);

      const came = past.attended[i]!;
      for (let n = 0; n < came + past.noShows[i]!; n += 1) {
        const [openid, name, phone] = NEIGHBOURS[n]!;
        const userId = userIdForOpenid(openid);
        const checkedIn = n < came;
        const booked = new Date(opened.getTime() + (n + 1) * 3600_000);
        const checkInAt = new Date(startAt.getTime() - (10 - n) * 60_000);
        const score = checkedIn ? scores[n] : undefined;
        const rated = new Date(endAt.getTime() + 3 * 3600_000);
        bookings.push({
          _id: `${id}_${userId}`,
          activityId: id,
          userId,
          stationId: host._id,
          stationPath: host.path,
          category: past.category,
          status: checkedIn ? 'checked_in' : 'no_show',
          attendeeName: name,
          phoneTail: phone.slice(-4),
          bookedBy: null,
          waitlistedAt: null,
          waitlistTicket: null,
          offerExpiresAt: null,
          checkedInAt: checkedIn ? checkInAt : null,
          checkedInBy: checkedIn ? staffId : null,
          checkedInByName: checkedIn ? '王社工' : null,
          rating: score
            ? { score, comment: score === 5 ? '很实用，下次还来' : '', firstRatedAt: rated, updatedAt: rated }
            : null,
          activityStartAt: startAt,
          activityEndAt: endAt,
          createdAt: booked,
          updatedAt: checkedIn ? checkInAt : endAt,
          cancelledAt: null,
          history: [
            { at: booked, by: userId, from: null, to: 'confirmed' },
            checkedIn
              ? { at: checkInAt, by: staffId, from: 'confirmed', to: 'checked_in' }
              : { at: endAt, by: 'system', from: 'confirmed', to: 'no_show' },
          ],
        });
      }

      for (const v of past.volunteers) {
        const [openid, realName] = VOLUNTEERS[v]!;
        const userId = userIdForOpenid(openid);
        const checkInAt = new Date(startAt.getTime() - 15 * 60_000);
        const checkOutAt = new Date(checkInAt.getTime() + past.volunteerMinutes * 60_000);
        const shift: ShiftDoc = {
          _id: `${id}_${userId}`,
          activityId: id,
          userId,
          volunteerName: realName,
          stationId: host._id,
          stationName: host.name,
          stationPath: host.path,
          activityTitle: past.title,
          scheduledStart: startAt,
          scheduledEnd: endAt,
          status: 'checked_out',
          checkInAt,
          checkInBy: staffId,
          checkOutAt,
          checkOutBy: staffId,
          autoClosed: false,
          minutes: past.volunteerMinutes,
          createdAt: opened,
          updatedAt: checkOutAt,
        };
        shifts.push(shift);
        entries.push(
          verifiedEntryFor(shift, {
            checkInAt,
            checkOutAt,
            minutes: past.volunteerMinutes,
            autoClosed: false,
            by: staffId,
            now: checkOutAt,
          }),
        );
      }
    }
  }

  const [topupOpenid, topupName] = VOLUNTEERS[TOPUP.volunteer]!;
  const topupVolunteer = volunteers[TOPUP.volunteer]!;
  const topupStation = station(TOPUP.station);
  for (let month = 1; month <= DEMO_HISTORY_MONTHS; month += 1) {
    const startAt = at(month, TOPUP.day, TOPUP.start);
    const endAt = new Date(startAt.getTime() + TOPUP.minutes * 60_000);
    const reviewedAt = new Date(endAt.getTime() + 86400_000);
    const claimId = `clm_hist_${monthOf(month)}`;
    const claim: ClaimDoc = {
      _id: claimId,
      volunteerId: userIdForOpenid(topupOpenid),
      volunteerName: topupName,
      volunteerNo: topupVolunteer.volunteerNo,
      stationId: topupStation._id,
      stationName: topupStation.name,
      stationPath: topupStation.path,
      activityId: null,
      activityTitle: null,
      startAt,
      endAt,
      minutes: TOPUP.minutes,
      description: TOPUP.description,
      status: 'approved',
      reviewReason: null,
      reviewedBy: staffId,
      reviewedByName: '王社工',
      reviewedAt,
      createdAt: endAt,
    };
    claims.push(claim);
    entries.push({
      _id: `top_${claimId}`,
      volunteerId: claim.volunteerId,
      volunteerName: topupName,
      kind: 'topup',
      baseKind: 'topup',
      minutes: TOPUP.minutes,
      serviceDate: startAt,
      serviceEnd: endAt,
      stationId: topupStation._id,
      stationName: topupStation.name,
      stationPath: topupStation.path,
      activityId: null,
      activityTitle: null,
      shiftId: null,
      claimId,
      adjustsEntryId: null,
      provenance: '补录（王社工审核通过）',
      autoClosed: false,
      reviewed: true,
      reason: null,
      createdBy: staffId,
      createdAt: reviewedAt,
    });
  }

  const needs = new Map<string, NeedDoc>();
  for (const past of NEEDS) {
    const host = station(past.station);
    const createdAt = at(past.month, past.day, '09:00');
    const delivered = PLEDGES.filter((p) => p.need === past.key).reduce((sum, p) => sum + p.quantity, 0);
    const open = past.openForDays !== null;
    needs.set(past.key, {
      _id: `need_hist_${past.key}`,
      stationId: host._id,
      stationName: host.name,
      stationPath: host.path,
      title: past.title,
      kind: past.kind,
      unit: past.unit,
      targetQuantity: past.targetQuantity,
      unitValueFen: past.unitValueFen,
      pledgedQuantity: delivered,
      receivedQuantity: delivered,
      overPledgePercent: 150,
      deadline: open ? new Date(now.getTime() + past.openForDays! * 86400_000) : at(past.month + 2, 28, '18:00'),
      beneficiaryGroup: past.beneficiaryGroup,
      description: past.description,
      activityId: null,
      charityId: null,
      status: open ? 'open' : delivered >= past.targetQuantity ? 'fulfilled' : 'closed',
      createdBy: staffId,
      createdAt,
      updatedAt: createdAt,
    });
  }

  const pledges: PledgeDoc[] = [];
  const distributions: DistributionDoc[] = [];
  for (const [p, past] of PLEDGES.entries()) {
    const need = past.need ? needs.get(past.need)! : null;
    const host = station(need ? codeOf(stations, need.stationId) : past.station!);
    const [openid, donorName, anonymous, phone] = DONORS[past.donor]!;
    const unit = need?.unit ?? past.unit!;
    const unitValueFen = need?.unitValueFen ?? past.unitValueFen!;
    const receivedAt = at(past.month, past.day, '10:00');
    const pledgedAt = new Date(receivedAt.getTime() - 3 * 86400_000);
    const valueFen = past.quantity * unitValueFen;
    const id = `plg_hist_${p + 1}`;
    const timeline = [
      { at: pledgedAt, label: `认捐 ${past.quantity}${unit}` },
      { at: receivedAt, label: `站点已接收 ${past.quantity}${unit}` },
    ];
    for (const [g, give] of past.given.entries()) {
      const month = give.nextMonth ? past.month + 1 : past.month;
      const givenAt = at(month, give.day, '15:00');
      const activity = give.activity ? (activityOfMonth.get(`${give.activity}|${month}`) ?? null) : null;
      timeline.push({
        at: givenAt,
        label: `发放 ${give.quantity}${unit} 给${give.group}${activity ? `（${activity.title}）` : ''}`,
      });
      distributions.push({
        _id: `dst_hist_${p + 1}_${g + 1}`,
        pledgeId: id,
        stationId: host._id,
        stationPath: host.path,
        needTitle: need?.title ?? null,
        donorName: anonymous ? '爱心人士' : donorName,
        unit,
        quantity: give.quantity,
        beneficiaryGroup: give.group,
        activityId: activity?._id ?? null,
        activityTitle: activity?.title ?? null,
        note: '',
        by: staffId,
        at: givenAt,
      });
    }
    const last = timeline[timeline.length - 1]!.at;
    timeline.push({ at: last, label: '已全部发放' });
    pledges.push({
      _id: id,
      needId: need?._id ?? null,
      needTitle: need?.title ?? null,
      stationId: host._id,
      stationName: host.name,
      stationPath: host.path,
      donorId: userIdForOpenid(openid),
      donorName,
      anonymous,
      contactPhone: phone,
      kind: need?.kind ?? past.kind!,
      quantity: past.quantity,
      unit,
      unitValueFen,
      estimatedValueFen: valueFen,
      deliveryMethod: 'drop_off',
      expectedDate: receivedAt,
      message: '',
      charityId: null,
      receiptNo: null,
      status: 'distributed',
      receivedQuantity: past.quantity,
      receivedValueFen: valueFen,
      receivedAt,
      partial: false,
      arrivalNote: null,
      photoFileId: null,
      distributedQuantity: past.quantity,
      thankYouNote: '感谢您的爱心，物资已全部送到需要的人手中。',
      timeline,
      createdAt: pledgedAt,
      updatedAt: last,
    });
  }

  await addAll(db, COLLECTIONS.users, users);
  await addAll(db, COLLECTIONS.volunteers, volunteers);
  await addAll(db, COLLECTIONS.activities, activities);
  await addAll(db, COLLECTIONS.bookings, bookings);
  await addAll(db, COLLECTIONS.shifts, shifts);
  await addAll(db, COLLECTIONS.hourClaims, claims);
  await addAll(db, COLLECTIONS.hourEntries, entries);
  await addAll(db, COLLECTIONS.needs, [...needs.values()]);
  await addAll(db, COLLECTIONS.pledges, pledges);
  await addAll(db, COLLECTIONS.distributions, distributions);
}

/** The seed code of a station id. */
function codeOf(stations: Map<string, StationDoc>, stationId: string): string {
  for (const [code, s] of stations) if (s._id === stationId) return code;
  throw new Error(`no seeded station ${stationId}`);
}

/** One batch insert; a batch an interrupted earlier run already wrote (all or nothing locally) stays. */
async function addAll(db: Database, collection: string, docs: object[]): Promise<void> {
  if (docs.length === 0) return;
  try {
    await db.collection(collection).add(docs);
  } catch (err) {
    if (!isDuplicateWrite(err)) throw err;
  }
}

/** The months the history covers, oldest first (for tests and docs). */
export function demoHistoryMonths(now: Date): string[] {
  return Array.from({ length: DEMO_HISTORY_MONTHS }, (_, i) => monthBefore(now, DEMO_HISTORY_MONTHS - i));
}
