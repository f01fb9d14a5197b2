import {
  foldVisitRate,
  visitRateWindow,
  type VisitRateRow,
  type VisitRateSection,
} from '../../shared/domain/visit-rate';
import type { Deps } from '../core/deps';
import type { StationDoc } from '../core/documents';
import { aggregateVisitRate } from '../core/repositories/visit-rate';
import { findVisitPolicy } from '../core/repositories/visit-policies';

/**
 * The visit rate (月探访率) rows of a station subtree for `month`: two database calls whatever the
 * number of targets or visits. Self-contained, so the report's core pipelines can change around it.
 */
export async function loadVisitRows(deps: Deps, station: StationDoc, month: string): Promise<VisitRateRow[]> {
  const { policy } = await findVisitPolicy(deps.db, station.path[0]!);
  return aggregateVisitRate(deps.db, {
    stationId: station._id,
    depth: station.path.length - 1,
    window: visitRateWindow(month, deps.now()),
    policy,
  });
}

/** The 月报's visit section from those rows, with a row per child station (the same children as the report's). */
export function visitSection(
  rows: readonly VisitRateRow[],
  context: { station: StationDoc; month: string; children: readonly StationDoc[] },
): VisitRateSection {
  return foldVisitRate(rows, {
    month: context.month,
    children: context.children.map((c) => ({ stationId: c._id, stationName: c.name })),
    ownName: context.station.name,
  });
}
