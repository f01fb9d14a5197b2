import type { MapPlace } from './open-map';

export type { MapPlace } from './open-map';

/**
 * The Tencent Maps marker page for a place: what `openLocation` shows inside WeChat, as a web
 * page any phone browser opens (and hands to the map app when one is installed).
 */
export function mapUrl(place: MapPlace): string {
  const marker = `coord:${place.latitude},${place.longitude};title:${place.name};addr:${place.address}`;
  return `https://apis.map.qq.com/uri/v1/marker?marker=${encodeURIComponent(marker)}&referer=station-link`;
}

/** H5: `openLocation` needs WeChat's JS-SDK, so open the map page in a new tab instead. */
export function openMap(place: MapPlace): void {
  window.open(mapUrl(place), '_blank', 'noopener');
}
