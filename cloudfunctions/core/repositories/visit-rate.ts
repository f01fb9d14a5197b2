import { NOT_REACHED_LIMIT, type VisitRateRow, type VisitRateWindow } from '../../../shared/domain/visit-rate';
import type { VisitPeriod, VisitPolicy } from '../../../shared/domain/visit-plan';
import type { Database } from '../deps';
import { COLLECTIONS } from './base';

/** Far beyond any record's life: stands in for "still running" in span arithmetic. */
const OPEN_END = new Date('9999-12-31T00:00:00Z');

/**
 * The visit section of a 月报 in ONE aggregation over `targets`, whatever the number of targets or
 * visits (ADR 0017). Documented CloudBase stages only (match, unwind, sort, group, lookup, project,
 * limit — no $facet):
 *
 * 1. records that were ever in the subtree (`spans.stationPath` index), one row per span;
 * 2. spans overlapping the month; per record the latest of them — the span in force at the month's
 *    end, or the last one in the month for a record closed or moved out during it — and only those
 *    whose station is in the subtree (a record moved away mid-month counts at its new station);
 * 3. the record's visits joined by `targetId` (`lookup` on the `visits.targetId` index), reduced to
 *    the counted visit times in the window (rolling quarter start … end of the month's last week);
 * 4. due and reached by the tier's period (`week`: every week of the month that had begun and that
 *    overlaps the span has a visit; `month`: a visit in the month; `quarter`: a visit in the rolling
 *    quarter);
 * 5. grouped by child station, tier, category set and outcome, with up to {@link NOT_REACHED_LIMIT}
 *    not-reached records per group (first character and length of the name only).
 *
 * The answer is a few dozen rows; `foldVisitRate` (shared/domain/visit-rate.ts) makes the figures.
 */
export async function aggregateVisitRate(
  db: Database,
  scope: { stationId: string; depth: number; window: VisitRateWindow; policy: VisitPolicy },
): Promise<VisitRateRow[]> {
  const _ = db.command;
  const { window } = scope;
  const inSpan = (field: string) => ({ $and: [{ $lt: [`$$w.start`, '$spanEnd'] }, { $gt: [`$$w.end`, field] }] });
  const visitedIn = (from: unknown, to: unknown) => ({
    $gt: [
      {
        $size: {
          $filter: {
            input: '$times',
            as: 't',
            cond: { $and: [{ $gte: ['$$t', from] }, { $lt: ['$$t', to] }] },
          },
        },
      },
      0,
    ],
  });
  const weeks = window.weeks.map((w) => ({ start: w.start, end: w.end }));
  const requiredWeeks = { $filter: { input: weeks, as: 'w', cond: inSpan('$spanFrom') } };
  const byPeriod = (period: VisitPeriod, what: 'due' | 'reached') => {
    if (period === 'week') {
      return what === 'due'
        ? { $gt: [{ $size: requiredWeeks }, 0] }
        : {
            $allElementsTrue: [{ $map: { input: requiredWeeks, as: 'rw', in: visitedIn('$$rw.start', '$$rw.end') } }],
          };
    }
    if (what === 'due') return true;
    return period === 'month'
      ? visitedIn(window.monthStart, window.monthEnd)
      : visitedIn(window.quarterStart, window.monthEnd);
  };
  const byTier = (what: 'due' | 'reached') => ({
    $cond: [
      { $eq: ['$tier', 'high'] },
      byPeriod(scope.policy.high, what),
      { $cond: [{ $eq: ['$tier', 'key'] }, byPeriod(scope.policy.key, what), byPeriod(scope.policy.general, what)] },
    ],
  });

  const res = (await db
    .collection(COLLECTIONS.targets)
    .aggregate()
    .match({ 'spans.stationPath': scope.stationId, activeFrom: _.lt(window.monthEnd) })
    .unwind('$spans')
    .match({
      'spans.from': _.lt(window.monthEnd),
      'spans.to': _.or(_.eq(null), _.gt(window.monthStart)),
    })
    .sort({ _id: 1, 'spans.from': -1 })
    .group({ _id: '$_id', span: { $first: '$spans' }, name: { $first: '$name' } })
    .match({ 'span.stationPath': scope.stationId })
    .lookup({ from: COLLECTIONS.visits, localField: '_id', foreignField: 'targetId', as: 'visits' })
    .project({
      child: { $arrayElemAt: ['$span.stationPath', scope.depth + 1] },
      stationId: '$span.stationId',
      tier: '$span.tier',
      categories: '$span.categories',
      spanFrom: '$span.from',
      spanEnd: { $ifNull: ['$span.to', OPEN_END] },
      nameHead: { $substrCP: ['$name', 0, 1] },
      nameLength: { $strLenCP: '$name' },
      times: {
        $map: {
          input: {
            $filter: {
              input: '$visits',
              as: 'v',
              cond: {
                $and: [
                  { $eq: ['$$v.status', 'counted'] },
                  { $gte: ['$$v.startAt', window.quarterStart] },
                  { $lt: ['$$v.startAt', window.visitsUntil] },
                ],
              },
            },
          },
          as: 'v',
          in: '$$v.startAt',
        },
      },
    })
    .project({
      child: 1,
      stationId: 1,
      tier: 1,
      categories: 1,
      nameHead: 1,
      nameLength: 1,
      due: byTier('due'),
      reached: byTier('reached'),
    })
    .group({
      _id: { child: '$child', tier: '$tier', categories: '$categories', due: '$due', reached: '$reached' },
      n: { $sum: 1 },
      missed: {
        $push: { targetId: '$_id', stationId: '$stationId', nameHead: '$nameHead', nameLength: '$nameLength' },
      },
    })
    .project({
      n: 1,
      missed: {
        $cond: [{ $and: ['$_id.due', { $not: ['$_id.reached'] }] }, { $slice: ['$missed', NOT_REACHED_LIMIT] }, []],
      },
    })
    .limit(5000)
    .end()) as {
    data?: {
      _id: {
        child?: string | null;
        tier: VisitRateRow['tier'];
        categories: VisitRateRow['categories'];
        due: boolean;
        reached: boolean;
      };
      n: number;
      missed: VisitRateRow['missed'];
    }[];
  };

  return (res.data ?? []).map((row) => ({
    child: typeof row._id.child === 'string' ? row._id.child : null,
    tier: row._id.tier,
    categories: row._id.categories ?? [],
    due: row._id.due === true,
    reached: row._id.reached === true,
    n: Number(row.n),
    missed: row.missed ?? [],
  }));
}
