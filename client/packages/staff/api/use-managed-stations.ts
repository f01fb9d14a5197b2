import type { TMe } from '../../../../shared/contracts/accounts';
import { canAnywhere } from '../../../../shared/domain/policy';
import { useMe } from '../../../hooks/use-me';

/** A station where the caller may manage activities, as their grant names it. */
export interface ManagedStation {
  stationId: string;
  stationName: string;
}

/** The caller's stations with `activity:manage` (one entry per station), from their grants. */
export function managedStationsOf(me: TMe): ManagedStation[] {
  const seen = new Set<string>();
  return me.roles
    .filter((role) => canAnywhere({ grants: [role] }, 'activity:manage'))
    .filter((role) => (seen.has(role.stationId) ? false : (seen.add(role.stationId), true)))
    .map((role) => ({ stationId: role.stationId, stationName: role.stationName }));
}

/** The profile plus the stations it may manage activities at. */
export function useManagedStations() {
  const me = useMe();
  return { me, stations: me.data ? managedStationsOf(me.data) : [] };
}
