import { HELD_STATUSES } from '../../../shared/domain/activity';
import { SEAT_HOLDING } from '../../../shared/domain/booking';
import { ARRIVED_STATUSES } from '../../../shared/domain/donation';
import { HOUR_BASE_KINDS } from '../../../shared/domain/hours';
import type { AggregateRow, MonthRows } from '../../../shared/domain/report';
import type { Database } from '../deps';
import { COLLECTIONS } from './base';

type Row = AggregateRow;
/** The SDK's aggregation builder. */
type Pipeline = ReturnType<ReturnType<Database['collection']>['aggregate']>;

/**
 * One month of a station subtree in a FIXED number of aggregation calls (ten), whatever the data
 * size: activities, bookings, distinct residents, hours, distinct volunteers, new volunteers,
 * received pledges and distributions, each grouped by the child station on the path
 * (`stationPath[depth + 1]`). No per-activity or per-person reads. The rows are folded into
 * figures by `foldMonth` (shared/domain/report.ts).
 */
export async function aggregateMonth(
  db: Database,
  scope: { stationId: string; depth: number; from: Date; to: Date },
): Promise<MonthRows> {
  const _ = db.command;
  const inMonth = _.and(_.gte(scope.from), _.lt(scope.to));
  const child = { $arrayElemAt: ['$stationPath', scope.depth + 1] };
  const homeChild = { $arrayElemAt: ['$homeStationPath', scope.depth + 1] };
  const run = async (collection: string, stages: (agg: Pipeline) => Pipeline): Promise<Row[]> =>
    ((await stages(db.collection(collection).aggregate()).limit(5000).end()) as { data?: Row[] }).data ?? [];
  const held = _.in([...HELD_STATUSES]);
  const serviceKinds = _.in([...HOUR_BASE_KINDS]);

  // Every pipeline starts at once; each answer is filed under the name the fold reads it by.
  const pipelines: Record<keyof MonthRows, Promise<Row[]>> = {
    activities: run(COLLECTIONS.activities, (a) =>
      a
        .match({ stationPath: scope.stationId, status: held, startAt: inMonth })
        .project({ child, category: 1, method: 1, ratingSum: 1, ratingCount: 1 })
        .group({
          _id: { child: '$child', category: '$category', method: '$method' },
          n: { $sum: 1 },
          ratingSum: { $sum: '$ratingSum' },
          ratingCount: { $sum: '$ratingCount' },
        }),
    ),
    bookings: run(COLLECTIONS.bookings, (a) =>
      a
        .match({ stationPath: scope.stationId, activityStartAt: inMonth, status: _.in([...SEAT_HOLDING]) })
        .project({ child, status: 1, category: 1 })
        .group({ _id: { child: '$child', status: '$status', category: '$category' }, n: { $sum: 1 } }),
    ),
    residents: run(COLLECTIONS.bookings, (a) =>
      a
        .match({ stationPath: scope.stationId, activityStartAt: inMonth, status: 'checked_in' })
        .project({ child, userId: 1 })
        .group({ _id: { child: '$child', userId: '$userId' } })
        .group({ _id: '$_id.child', n: { $sum: 1 } }),
    ),
    residentsTotal: run(COLLECTIONS.bookings, (a) =>
      a
        .match({ stationPath: scope.stationId, activityStartAt: inMonth, status: 'checked_in' })
        .group({ _id: '$userId' })
        .group({ _id: null, n: { $sum: 1 } }),
    ),
    hours: run(COLLECTIONS.hourEntries, (a) =>
      a
        .match({ stationPath: scope.stationId, serviceDate: inMonth })
        .project({ child, baseKind: 1, minutes: 1 })
        .group({ _id: { child: '$child', kind: '$baseKind' }, minutes: { $sum: '$minutes' } }),
    ),
    volunteers: run(COLLECTIONS.hourEntries, (a) =>
      a
        .match({ stationPath: scope.stationId, serviceDate: inMonth, kind: serviceKinds })
        .project({ child, volunteerId: 1 })
        .group({ _id: { child: '$child', volunteerId: '$volunteerId' } })
        .group({ _id: '$_id.child', n: { $sum: 1 } }),
    ),
    volunteersTotal: run(COLLECTIONS.hourEntries, (a) =>
      a
        .match({ stationPath: scope.stationId, serviceDate: inMonth, kind: serviceKinds })
        .group({ _id: '$volunteerId' })
        .group({ _id: null, n: { $sum: 1 } }),
    ),
    newVolunteers: run(COLLECTIONS.volunteers, (a) =>
      a
        .match({ homeStationPath: scope.stationId, registeredAt: inMonth })
        .project({ child: homeChild })
        .group({ _id: '$child', n: { $sum: 1 } }),
    ),
    pledges: run(COLLECTIONS.pledges, (a) =>
      a
        .match({ stationPath: scope.stationId, status: _.in([...ARRIVED_STATUSES]), receivedAt: inMonth })
        .project({ child, kind: 1, receivedValueFen: 1 })
        .group({ _id: { child: '$child', kind: '$kind' }, n: { $sum: 1 }, value: { $sum: '$receivedValueFen' } }),
    ),
    distributions: run(COLLECTIONS.distributions, (a) =>
      a
        .match({ stationPath: scope.stationId, at: inMonth })
        .project({ child })
        .group({ _id: '$child', n: { $sum: 1 } }),
    ),
  };
  const names = Object.keys(pipelines) as (keyof MonthRows)[];
  const answers = await Promise.all(names.map((name) => pipelines[name]));
  return Object.fromEntries(names.map((name, i) => [name, answers[i]!])) as Record<keyof MonthRows, Row[]>;
}

/**
 * Per-month figures between consecutive `boundaries` (month starts, then the last end): three
 * `$bucket` aggregations, whatever the number of months or documents.
 */
export async function bucketByMonth(
  db: Database,
  stationId: string,
  boundaries: Date[],
): Promise<{ attendances: number; activitiesHeld: number; verifiedMinutes: number; topupMinutes: number }[]> {
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
  const at = (rows: Row[], i: number) =>
    rows.find((r) => r._id instanceof Date && r._id.getTime() === boundaries[i]!.getTime());
  return boundaries.slice(0, -1).map((_b, i) => ({
    attendances: Number(at(attended, i)?.n ?? 0),
    activitiesHeld: Number(at(held, i)?.n ?? 0),
    verifiedMinutes: Number(at(minutes, i)?.verified ?? 0),
    topupMinutes: Number(at(minutes, i)?.topup ?? 0),
  }));
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
