import { HELD_STATUSES } from '../../../shared/domain/activity';
import { SEAT_HOLDING } from '../../../shared/domain/booking';
import { ARRIVED_STATUSES } from '../../../shared/domain/donation';
import type { AggregateRow, MonthPairRows, TrendBucketRows } from '../../../shared/domain/report';
import type { Database } from '../deps';
import type { StationDoc } from '../documents';
import { COLLECTIONS } from './base';

type Row = AggregateRow;
/** The SDK's aggregation builder. */
type Pipeline = ReturnType<ReturnType<Database['collection']>['aggregate']>;

/** A month as a half-open range of instants. */
export interface MonthSpan {
  start: Date;
  end: Date;
}

/** The station a report is about, its children, and its new volunteers in both months. */
export interface ReportScope {
  station: StationDoc;
  /** Child stations, by code. */
  children: StationDoc[];
  /** New volunteers registered in the subtree: `_id {m, child}`, `n` (see `MonthPairRows`). */
  newVolunteers: Row[];
}

/**
 * The report's station, its children and its new volunteers of both months in ONE call: an
 * aggregation on the station that joins its children and runs the (small) volunteers pipeline as
 * a `lookup` sub-pipeline. Null when the station does not exist.
 */
export async function findReportScope(
  db: Database,
  scope: { stationId: string; current: MonthSpan; previous: MonthSpan },
): Promise<ReportScope | null> {
  const _ = db.command;
  const $ = _.aggregate;
  // Which child of the station a document's path runs through, found by position in the path.
  const child = {
    $arrayElemAt: ['$homeStationPath', { $add: [{ $indexOfArray: ['$homeStationPath', scope.stationId] }, 1] }],
  };
  const res = (await db
    .collection(COLLECTIONS.stations)
    .aggregate()
    .match({ _id: scope.stationId })
    .lookup({ from: COLLECTIONS.stations, localField: '_id', foreignField: 'parentId', as: 'children' })
    .lookup({
      from: COLLECTIONS.volunteers,
      pipeline: $.pipeline()
        .match({
          homeStationPath: scope.stationId,
          registeredAt: _.and(_.gte(scope.previous.start), _.lt(scope.current.end)),
        })
        .project({ m: monthTag('$registeredAt', scope.current.start), child })
        .group({ _id: { m: '$m', child: '$child' }, n: { $sum: 1 } })
        .done(),
      as: 'newVolunteers',
    })
    .limit(1)
    .end()) as { data?: (StationDoc & { children: StationDoc[]; newVolunteers: Row[] })[] };
  const found = res.data?.[0];
  if (!found) return null;
  const { children, newVolunteers, ...station } = found;
  return {
    station,
    children: [...children].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)),
    newVolunteers,
  };
}

/** `1` when `field` falls in the month starting at `currentStart`, `0` for the month before. */
function monthTag(field: string, currentStart: Date) {
  return { $cond: [{ $gte: [field, currentStart] }, 1, 0] };
}

/**
 * A month AND the month before of a station subtree in FIVE aggregation calls, one per source
 * collection, whatever the data size (ADR 0011): each matches both months on an indexed prefix
 * (station path, then the date) and groups by month, the child station on the path
 * (`stationPath[depth + 1]`) and what the indicators split by, in ONE `$group` with no stage
 * before it but the match. Distinct residents and volunteers come out of the same groups as the
 * distinct ids of each (`$addToSet`), counted across groups by `splitMonthPair`: a per-person
 * regrouping cost the emulator ~6× the time for the same figures. Folded into figures by
 * `splitMonthPair` and `foldMonth` (shared/domain/report.ts).
 */
export async function aggregateMonthPair(
  db: Database,
  scope: { stationId: string; depth: number; current: MonthSpan; previous: MonthSpan },
): Promise<Omit<MonthPairRows, 'newVolunteers'>> {
  const _ = db.command;
  const both = _.and(_.gte(scope.previous.start), _.lt(scope.current.end));
  const m = (field: string) => monthTag(field, scope.current.start);
  const child = { $ifNull: [{ $arrayElemAt: ['$stationPath', scope.depth + 1] }, ''] };
  const run = async (collection: string, stages: (agg: Pipeline) => Pipeline): Promise<Row[]> =>
    ((await stages(db.collection(collection).aggregate()).limit(5000).end()) as { data?: Row[] }).data ?? [];

  const [activities, bookings, hours, pledges, distributions] = await Promise.all([
    run(COLLECTIONS.activities, (a) =>
      a
        .match({ stationPath: scope.stationId, startAt: both, status: _.in([...HELD_STATUSES]) })
        .project({
          m: m('$startAt'),
          child: { $arrayElemAt: ['$stationPath', scope.depth + 1] },
          category: 1,
          method: 1,
          ratingSum: 1,
          ratingCount: 1,
        })
        .group({
          _id: { m: '$m', child: '$child', category: '$category', method: '$method' },
          n: { $sum: 1 },
          ratingSum: { $sum: '$ratingSum' },
          ratingCount: { $sum: '$ratingCount' },
        }),
    ),
    run(COLLECTIONS.bookings, (a) =>
      a.match({ stationPath: scope.stationId, activityStartAt: both, status: _.in([...SEAT_HOLDING]) }).group({
        _id: { m: m('$activityStartAt'), c: child, s: '$status', k: '$category' },
        n: { $sum: 1 },
        people: { $addToSet: '$userId' },
      }),
    ),
    run(COLLECTIONS.hourEntries, (a) =>
      a.match({ stationPath: scope.stationId, serviceDate: both }).group({
        _id: { m: m('$serviceDate'), c: child, b: '$baseKind', kind: '$kind' },
        n: { $sum: 1 },
        minutes: { $sum: '$minutes' },
        people: { $addToSet: '$volunteerId' },
      }),
    ),
    run(COLLECTIONS.pledges, (a) =>
      a
        .match({ stationPath: scope.stationId, receivedAt: both, status: _.in([...ARRIVED_STATUSES]) })
        .project({
          m: m('$receivedAt'),
          child: { $arrayElemAt: ['$stationPath', scope.depth + 1] },
          kind: 1,
          receivedValueFen: 1,
        })
        .group({
          _id: { m: '$m', child: '$child', kind: '$kind' },
          n: { $sum: 1 },
          value: { $sum: '$receivedValueFen' },
        }),
    ),
    run(COLLECTIONS.distributions, (a) =>
      a
        .match({ stationPath: scope.stationId, at: both })
        .project({ m: m('$at'), child: { $arrayElemAt: ['$stationPath', scope.depth + 1] } })
        .group({ _id: { m: '$m', child: '$child' }, n: { $sum: 1 } }),
    ),
  ]);
  return { activities, bookings, hours, pledges, distributions };
}

/**
 * The trend's rows between consecutive `boundaries` (month starts, then the last end), bucketed
 * by month: three `$bucket` aggregations, whatever the number of months or documents. Folded into
 * figures by `foldTrend` (`shared/domain/report.ts`).
 */
export async function bucketByMonth(db: Database, stationId: string, boundaries: Date[]): Promise<TrendBucketRows> {
  const _ = db.command;
  const span = _.and(_.gte(boundaries[0]!), _.lt(boundaries[boundaries.length - 1]!));
  const bucket = (field: string, output: Record<string, unknown>) => ({
    groupBy: `$${field}`,
    boundaries,
    default: 'outside',
    output,
  });
  const run = async (collection: string, match: object, field: string, output: Record<string, unknown>) =>
    ((
      (await db.collection(collection).aggregate().match(match).bucket(bucket(field, output)).limit(100).end()) as {
        data?: Row[];
      }
    ).data ?? []) as Row[];
  const [attended, held, minutes] = await Promise.all([
    run(
      COLLECTIONS.bookings,
      { stationPath: stationId, status: 'checked_in', activityStartAt: span },
      'activityStartAt',
      { n: { $sum: 1 } },
    ),
    run(
      COLLECTIONS.activities,
      { stationPath: stationId, status: _.in([...HELD_STATUSES]), startAt: span },
      'startAt',
      { n: { $sum: 1 } },
    ),
    run(COLLECTIONS.hourEntries, { stationPath: stationId, serviceDate: span }, 'serviceDate', {
      verified: { $sum: { $cond: [{ $eq: ['$baseKind', 'verified'] }, '$minutes', 0] } },
      topup: { $sum: { $cond: [{ $eq: ['$baseKind', 'topup'] }, '$minutes', 0] } },
    }),
  ]);
  return { attended, held, minutes };
}

/** Today's activities with door counts, and the queue sizes, for the staff console: seven calls. */
export async function consoleCounts(
  db: Database,
  scope: { stationId: string; dayStart: Date; dayEnd: Date; now: Date; weekEnd: Date },
) {
  const _ = db.command;
  const count = async (collection: string, where: object) =>
    Number(((await db.collection(collection).where(where).count()) as { total?: number }).total ?? 0);
  const [activities, pendingClaims, autoClosedToReview, pledgesExpectedThisWeek, pledgesOverdue, offersPending] =
    await Promise.all([
      db
        .collection(COLLECTIONS.activities)
        .where({
          stationPath: scope.stationId,
          status: _.in([...HELD_STATUSES]),
          startAt: _.and(_.gte(scope.dayStart), _.lt(scope.dayEnd)),
        })
        .orderBy('startAt', 'asc')
        .limit(100)
        .get() as Promise<{ data: ActivityRow[] }>,
      count(COLLECTIONS.hourClaims, { stationPath: scope.stationId, status: 'pending' }),
      count(COLLECTIONS.hourEntries, { stationPath: scope.stationId, autoClosed: true, reviewed: false }),
      count(COLLECTIONS.pledges, {
        stationPath: scope.stationId,
        status: 'pledged',
        expectedDate: _.and(_.gte(scope.now), _.lt(scope.weekEnd)),
      }),
      count(COLLECTIONS.pledges, { stationPath: scope.stationId, status: 'pledged', expectedDate: _.lt(scope.now) }),
      count(COLLECTIONS.bookings, { stationPath: scope.stationId, status: 'offered' }),
    ]);
  const ids = activities.data.map((a) => a._id);
  const checked = ids.length
    ? ((
        (await db
          .collection(COLLECTIONS.bookings)
          .aggregate()
          .match({ activityId: _.in(ids), status: 'checked_in' })
          .group({ _id: '$activityId', n: { $sum: 1 } })
          .limit(100)
          .end()) as {
          data?: Row[];
        }
      ).data ?? [])
    : [];
  const checkedIn = new Map(checked.map((r) => [String(r._id), Number(r.n ?? 0)]));
  return {
    activitiesToday: activities.data.map((a) => ({
      activityId: a._id,
      title: a.title,
      startAt: a.startAt,
      endAt: a.endAt,
      capacity: a.capacity,
      confirmed: a.confirmed,
      checkedIn: checkedIn.get(a._id) ?? 0,
      waitlisted: a.waitlisted,
    })),
    queues: { pendingClaims, autoClosedToReview, pledgesExpectedThisWeek, pledgesOverdue, offersPending },
  };
}

interface ActivityRow {
  _id: string;
  title: string;
  startAt: Date;
  endAt: Date;
  capacity: number;
  confirmed: number;
  waitlisted: number;
}
