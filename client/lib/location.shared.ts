/** A position on the map in GCJ-02 (what WeChat's maps and our stations use). */
export interface Position {
  latitude: number;
  longitude: number;
}

/** The outcome of asking for the device's position. */
export type Located = { ok: true; position: Position } | { ok: false; reason: 'denied' | 'unavailable' };

/**
 * Rounds to 4 decimals (≈ 10 m): enough to sort stations and say "约 800 米", and no finer a
 * trace of where the person is than the question needs (a position is sensitive information).
 */
export function coarse(position: Position): Position {
  const round = (v: number) => Math.round(v * 10_000) / 10_000;
  return { latitude: round(position.latitude), longitude: round(position.longitude) };
}
