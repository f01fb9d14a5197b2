import Taro from '@tarojs/taro';

/** A place to show on a map: coordinates (GCJ-02, as WeChat uses), its name and address. */
export interface MapPlace {
  latitude: number;
  longitude: number;
  name: string;
  address: string;
}

/** weapp: WeChat's own map page for the place, with its route planning. */
export function openMap(place: MapPlace): void {
  // Rejects when the person closes the map: nothing to report.
  Taro.openLocation({ ...place, scale: 16 }).catch(() => undefined);
}
