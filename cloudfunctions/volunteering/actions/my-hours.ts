import { summarizeHours } from '../../../shared/domain/hours';
import { monthKey } from '../../../shared/domain/time';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findVolunteerEntries } from '../../core/repositories/hours';
import { toEntry } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/** Verified vs top-up totals, by month (Asia/Shanghai) and station, with each entry's provenance. */
export async function myHours(deps: Deps, caller: Caller) {
  const { user } = await requireVolunteer(deps, caller);
  const entries = await findVolunteerEntries(deps.db, user.userId);
  const { totals, byMonth, byStation } = summarizeHours(entries, monthKey);
  const stationNames = new Map(entries.map((e) => [e.stationId, e.stationName]));
  return {
    totals,
    byMonth: [...byMonth].sort(([a], [b]) => b.localeCompare(a)).map(([month, t]) => ({ month, ...t })),
    byStation: [...byStation].map(([stationId, t]) => ({
      stationId,
      stationName: stationNames.get(stationId) ?? '',
      ...t,
    })),
    entries: entries.map(toEntry).reverse(),
  };
}
