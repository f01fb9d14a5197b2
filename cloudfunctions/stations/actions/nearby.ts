import type { z } from 'zod';
import type { ZNearbyStationsRequest } from '../../../shared/contracts/stations';
import { NEARBY_MAX_DISTANCE_M } from '../../../shared/domain/station';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toStationSummary } from '../mappers';
import { findNearestStations } from '../../core/repositories/stations';

/**
 * "离我最近": the stations nearest the caller's position, nearest first — one database call.
 * The position is used for this query only: never stored, logged or echoed back.
 */
export async function nearby(deps: Deps, _caller: Caller, input: z.output<typeof ZNearbyStationsRequest>) {
  const stations = await findNearestStations(
    deps.db,
    { latitude: input.latitude, longitude: input.longitude },
    { limit: input.limit, maxDistanceMeters: NEARBY_MAX_DISTANCE_M },
  );
  return {
    items: stations.flatMap((s) =>
      s.location ? [{ ...toStationSummary(s), location: s.location, distanceMeters: s.distanceMeters }] : [],
    ),
  };
}
