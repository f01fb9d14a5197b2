import Taro from '@tarojs/taro';

/** Where the phone is, if it will say within a few seconds; never blocks the visit. */
export interface Place {
  latitude: number;
  longitude: number;
  accuracy?: number;
}

/**
 * weapp: the phone's position (`getLocation`, GCJ-02) when the person allows it, else null.
 * Only a distance to the home is kept by the server. The H5 build uses `location.h5.ts`.
 */
export async function currentPlace(timeoutMs = 5000): Promise<Place | null> {
  try {
    const found = await Promise.race([
      Taro.getLocation({ type: 'gcj02' }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
    ]);
    if (!found) return null;
    return { latitude: found.latitude, longitude: found.longitude, accuracy: found.accuracy };
  } catch {
    return null;
  }
}
