import type { NeedKind } from '../../../shared/domain/donation';
import { monthKey } from '../../../shared/domain/time';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findReceivedPledges, findStationDistributions, findStationNeeds } from '../../core/repositories/donations';
import { findStation } from '../../core/repositories/stations';
import { toDistribution, toNeed } from '../mappers';

/**
 * A station's public transparency ledger: needs with progress, what arrived per month, kind and
 * unit (quantity in that unit, value in fen), and where it went. Donors appear by the name they chose or as
 * 爱心人士; no contact or personal data leaves.
 */
export async function ledger(deps: Deps, _caller: Caller, input: { stationId: string }) {
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const [needs, received, distributions] = await Promise.all([
    findStationNeeds(deps.db, station._id),
    findReceivedPledges(deps.db, station._id),
    findStationDistributions(deps.db, station._id, 100),
  ]);
  const months = new Map<
    string,
    { month: string; kind: NeedKind; unit: string; receivedQuantity: number; receivedValueFen: number; pledges: number }
  >();
  for (const p of received) {
    const month = monthKey(p.receivedAt ?? p.updatedAt);
    // Quantities add up only within one unit: 5 床 and 3 箱 are two rows, never "8 单位".
    const key = `${month}|${p.kind}|${p.unit}`;
    const row = months.get(key) ?? {
      month,
      kind: p.kind,
      unit: p.unit,
      receivedQuantity: 0,
      receivedValueFen: 0,
      pledges: 0,
    };
    months.set(key, {
      ...row,
      receivedQuantity: row.receivedQuantity + p.receivedQuantity,
      receivedValueFen: row.receivedValueFen + p.receivedValueFen,
      pledges: row.pledges + 1,
    });
  }
  return {
    stationId: station._id,
    stationName: station.name,
    needs: needs.map(toNeed),
    months: [...months.values()].sort(
      (a, b) => b.month.localeCompare(a.month) || a.kind.localeCompare(b.kind) || a.unit.localeCompare(b.unit),
    ),
    distributions: distributions.map((d) => ({
      ...toDistribution(d),
      donorName: d.donorName,
      needTitle: d.needTitle,
      unit: d.unit,
    })),
    totalReceivedValueFen: received.reduce((sum, p) => sum + p.receivedValueFen, 0),
  };
}
