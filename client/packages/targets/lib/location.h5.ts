// Type only: at build time './location' resolves to this very file on H5.
import type { Place } from './location';

/** H5: the browser's position when allowed and quick, else null (never blocks the visit). */
export function currentPlace(timeoutMs = 5000): Promise<Place | null> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) return resolve(null);
    const timer = setTimeout(() => resolve(null), timeoutMs);
    navigator.geolocation.getCurrentPosition(
      (p) => {
        clearTimeout(timer);
        resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy });
      },
      () => {
        clearTimeout(timer);
        resolve(null);
      },
      { timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
