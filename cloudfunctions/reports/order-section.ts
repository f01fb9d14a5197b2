import { foldOrderRows } from '../../shared/domain/order-report';
import { previousMonth } from '../../shared/domain/report';
import { monthRange } from '../../shared/domain/time';
import type { Deps } from '../core/deps';
import type { StationDoc } from '../core/documents';
import { aggregateOrderMonth } from '../core/repositories/orders';

/**
 * The 月报's service-order section of a station subtree for `month` (and the month before, for the
 * comparison): ONE aggregation whatever the data size, folded by the pure `foldOrderRows`. Self-
 * contained: the report asks it for its figures and names the children.
 */
export async function loadOrderSection(deps: Deps, station: StationDoc, month: string) {
  const { start, end } = monthRange(month);
  const rows = await aggregateOrderMonth(deps.db, {
    stationId: station._id,
    depth: station.path.length - 1,
    previousStart: monthRange(previousMonth(month)).start,
    start,
    end,
    now: deps.now(),
  });
  const folded = foldOrderRows(rows);
  return {
    /** The section with one row per child station (and 本级), in the report's order. */
    withChildren(children: readonly Pick<StationDoc, '_id' | 'name'>[]) {
      const rowsOf = [
        ...children.map((c) => ({ stationId: c._id as string | null, stationName: c.name })),
        { stationId: null, stationName: `${station.name}（本级）` },
      ];
      return {
        figures: folded.total,
        previous: folded.previous,
        byCategory: folded.byCategory,
        byChannel: folded.byChannel,
        children: rowsOf.map((row) => ({ ...row, figures: orderFiguresOf(folded, row.stationId) })),
      };
    },
  };
}

function orderFiguresOf(folded: ReturnType<typeof foldOrderRows>, child: string | null) {
  return folded.byChild.get(child) ?? foldOrderRows([]).total;
}
