import gcoord from 'gcoord';
import { coarse, type Located, type Position } from './location.shared';

export { coarse, type Located, type Position } from './location.shared';

/**
 * The device's position (H5): the browser's geolocation, which answers WGS-84, converted to
 * GCJ-02 (the datum of our stations and of WeChat's maps; the two differ by ≈ 500 m in China).
 * A refused permission answers `denied`; no fix within 10 s, or no geolocation, `unavailable`.
 */
export function locate(): Promise<Located> {
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
  if (!geo) return Promise.resolve({ ok: false, reason: 'unavailable' });
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (p) => {
        const [longitude, latitude] = gcoord.transform(
          [p.coords.longitude, p.coords.latitude],
          gcoord.WGS84,
          gcoord.GCJ02,
        ) as [number, number];
        resolve({ ok: true, position: coarse({ latitude, longitude } satisfies Position) });
      },
      (error) => resolve({ ok: false, reason: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' }),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

/** A browser page cannot open the browser's site settings: the person changes them there. */
export const CAN_OPEN_LOCATION_SETTINGS = false;

/** Not available on H5 (see {@link CAN_OPEN_LOCATION_SETTINGS}). */
export async function openLocationSettings(): Promise<boolean> {
  return false;
}
