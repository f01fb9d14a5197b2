import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivitySummary } from '../../activities/mappers';
import { toStationSummary } from '../mappers';
import { findUpcomingForStation } from '../../core/repositories/activities';
import { findChildStations, findStation, findStationsByIds } from '../../core/repositories/stations';

/** How many upcoming activities a station page lists before "查看全部". */
const UPCOMING_ON_STATION_PAGE = 5;

/** A station's page: detail, ancestors (breadcrumb), rooms and next activities — four reads. */
export async function get(deps: Deps, _caller: Caller, input: { stationId: string }) {
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const ancestorIds = station.path.slice(0, -1);
  const [ancestors, children, upcoming] = await Promise.all([
    findStationsByIds(deps.db, ancestorIds),
    findChildStations(deps.db, station._id),
    findUpcomingForStation(deps.db, station._id, deps.now(), UPCOMING_ON_STATION_PAGE),
  ]);
  const byId = new Map(ancestors.map((a) => [a._id, a]));
  return {
    ...toStationSummary(station),
    operator: station.operator,
    location: station.location,
    services: station.services,
    brandProjects: station.brandProjects,
    ancestors: ancestorIds.flatMap((id) => {
      const a = byId.get(id);
      return a ? [{ stationId: a._id, name: a.name, tier: a.tier }] : [];
    }),
    children: children.map(toStationSummary),
    upcomingActivities: upcoming.map(toActivitySummary),
  };
}
