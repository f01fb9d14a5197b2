import { useMe, useUpdateProfile } from '../../../hooks/use-me';

/**
 * Whether this station is the caller's 我的社工站, and the action that makes it so. The profile
 * is optional here: a visitor without a session still sees the station, and signs in on tapping.
 */
export function useHomeStation(stationId: string | undefined) {
  const me = useMe({ signInOnDemand: false });
  const update = useUpdateProfile();
  const isHome = Boolean(stationId && me.data?.homeStationId === stationId);
  const setHome = async () => {
    if (!stationId) return false;
    const result = await update.run({ homeStationId: stationId });
    if (result.ok) await me.reload();
    return result.ok;
  };
  return { isHome, setHome, pending: update.pending };
}
