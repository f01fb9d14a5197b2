import type { TStationDetail } from '../../shared/contracts/stations';
import { callFunction, stationsFn } from '../lib/cloud';
import { type Remote, useRemote } from './use-remote';

/** One station with its rooms and next activities (`stations.get`); null id loads nothing. Public. */
export function useStation(stationId: string | null | undefined): Remote<TStationDetail> {
  return useRemote(
    stationId ? `stations.get:${stationId}` : null,
    () => callFunction(stationsFn, 'get', { stationId: stationId as string }),
    { reloadOnShow: false, signInOnDemand: false },
  );
}
