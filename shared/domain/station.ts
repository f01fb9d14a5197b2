/** The three tiers of the station network (三级服务体系), top to bottom. */
export const STATION_TIERS = ['center', 'station', 'room'] as const;
export type StationTier = (typeof STATION_TIERS)[number];

/** Chinese names of the tiers as residents and staff say them. */
export const TIER_LABELS: Record<StationTier, string> = {
  center: '社工指导中心',
  station: '社工站',
  room: '社工室',
};

/** The tier a child of `parent` must have; a room has no children. */
export function childTier(parent: StationTier): StationTier | null {
  const index = STATION_TIERS.indexOf(parent);
  return STATION_TIERS[index + 1] ?? null;
}

/**
 * The ancestor path of a station: its ancestors' ids from the top, then its own id.
 * Subtree checks and subtree queries (`stationPath` contains X) both rely on this shape.
 */
export function stationPathOf(parent: { path: readonly string[] } | null, ownId: string): string[] {
  return [...(parent?.path ?? []), ownId];
}
