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

/** How many stations "离我最近" lists by default, and at most. */
export const NEARBY_DEFAULT_LIMIT = 5;
export const NEARBY_MAX_LIMIT = 20;

/**
 * How far "离我最近" looks (50 km): a district's stations lie within it, and a position far
 * outside the district (a wrong fix, a traveller) finds nothing rather than a station hours away.
 */
export const NEARBY_MAX_DISTANCE_M = 50_000;

/**
 * A distance as residents read it: "约 800 米" under 1 km (to the nearest 10 m, at least 10 m),
 * "约 2.3 公里" under 10 km (one decimal), "约 12 公里" beyond. Negative or non-finite → null.
 */
export function formatDistance(meters: number): string | null {
  if (!Number.isFinite(meters) || meters < 0) return null;
  if (meters < 995) return `约 ${Math.max(10, Math.round(meters / 10) * 10)} 米`;
  if (meters < 9_950) return `约 ${(Math.round(meters / 100) / 10).toFixed(1)} 公里`;
  return `约 ${Math.round(meters / 1000)} 公里`;
}
