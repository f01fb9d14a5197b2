import { useCallback, useEffect, useRef, useState } from 'react';
import type { TNearbyStation } from '../../shared/contracts/stations';
import { NEARBY_DEFAULT_LIMIT } from '../../shared/domain/station';
import { callFunction, type CloudError, stationsFn, toCloudError } from '../lib/cloud';
import { CAN_OPEN_LOCATION_SETTINGS, locate, openLocationSettings } from '../lib/location';

/**
 * Where "离我最近" is: finding the position, asking for stations, showing them; or why not —
 * the person refused location (`denied`), the device has none (`unavailable`), the call failed.
 */
export type NearbyStatus = 'locating' | 'loading' | 'ready' | 'denied' | 'unavailable' | 'error';

/** What the stations tab renders "离我最近" from. */
export interface NearbyStations {
  status: NearbyStatus;
  items: TNearbyStation[];
  error: CloudError | null;
  /** Locates and asks again. */
  retry: () => Promise<void>;
  /** After a refusal: opens the app's settings where the platform allows it, then locates again. */
  turnOnLocation: () => Promise<void>;
  canOpenSettings: boolean;
}

/**
 * The stations nearest the device (`stations.nearby`), located as soon as the page opens: on
 * weapp the first time this shows WeChat's permission dialog with the reason from app.json.
 * The position goes to that one call and is kept nowhere.
 */
export function useNearbyStations(): NearbyStations {
  const [state, setState] = useState<Pick<NearbyStations, 'status' | 'items' | 'error'>>({
    status: 'locating',
    items: [],
    error: null,
  });
  const sequence = useRef(0);

  const retry = useCallback(async () => {
    const id = ++sequence.current;
    setState((s) => ({ ...s, status: 'locating', error: null }));
    const where = await locate();
    if (id !== sequence.current) return;
    if (!where.ok) {
      setState({ status: where.reason, items: [], error: null });
      return;
    }
    setState((s) => ({ ...s, status: 'loading' }));
    try {
      const { items } = await callFunction(stationsFn, 'nearby', { ...where.position, limit: NEARBY_DEFAULT_LIMIT });
      if (id === sequence.current) setState({ status: 'ready', items, error: null });
    } catch (thrown) {
      if (id === sequence.current) setState({ status: 'error', items: [], error: toCloudError(thrown) });
    }
  }, []);

  useEffect(() => {
    void retry();
  }, [retry]);

  const turnOnLocation = useCallback(async () => {
    if (CAN_OPEN_LOCATION_SETTINGS) await openLocationSettings();
    await retry();
  }, [retry]);

  return { ...state, retry, turnOnLocation, canOpenSettings: CAN_OPEN_LOCATION_SETTINGS };
}
