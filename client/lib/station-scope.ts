import type { TStationDetail } from '../../shared/contracts/stations';

/**
 * Where "查看全部活动" looks for a resident: their 站 and all its rooms. A home 社工室 widens to the
 * 社工站 above it (the room's own activities are among the station's); a 站 or 中心 is its own scope.
 */
export function activityScope(station: Pick<TStationDetail, 'stationId' | 'name' | 'tier' | 'ancestors'>): {
  stationId: string;
  stationName: string;
} {
  if (station.tier === 'room') {
    const parent = [...station.ancestors].reverse().find((a) => a.tier === 'station');
    if (parent) return { stationId: parent.stationId, stationName: parent.name };
  }
  return { stationId: station.stationId, stationName: station.name };
}
