/**
 * "离我最近" in the REAL weapp build: with location granted, the stations tab lists the nearest
 * stations (from the real stations.nearby over the emulator's geoNear) with distance in words, a
 * map, a call and 设为我的社工站. (Refused location: nearby-refused.test.ts — a page loads once per file.)
 */
import { DEMO_STATION_LOCATIONS } from '../../emulator/seed/station-locations';
import { formatDistance } from '../../shared/domain/station';
import type { Backend } from '../service/support';
import { answerLocation, byId, nodeText, openPage, recorder, tap, textOf, useWeapp, waitFor } from './simulate-env';

jest.setTimeout(60_000);

/** Someone new in the district, with no 我的社工站 yet. */
const NEWCOMER = 'weapp-newcomer';
let backend: Backend;

useWeapp(NEWCOMER, (started) => (backend = started));

function haversine([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6_378_100 * Math.asin(Math.sqrt(a));
}

/** ≈ 1 km north of 江滨街道社工站, as getLocation answers it (GCJ-02, already 4 decimals). */
const HERE: [number, number] = [120.1925, 30.245];

test('first use: 首页 offers 找离我最近的社工站 to someone with no 我的社工站 and opens the stations tab', async () => {
  const page = await openPage('pages/home/index');
  await waitFor(() => byId(page, 'choose-station-button'), 'the choose-station button', page);
  expect(textOf(page)).toContain('还没有选择您的社工站');
  expect(nodeText(byId(page, 'choose-station-button'))).toBe('找离我最近的社工站');
  expect(byId(page, 'open-my-station-button')).toBeUndefined();
  const before = recorder.navigations.length;
  tap(page, 'choose-station-button');
  await waitFor(() => recorder.navigations.length > before || undefined, 'the navigation', page);
  // The stations tab opens with 离我最近 first (next test).
  expect(recorder.navigations.slice(before)).toEqual(['switchTab /pages/stations/index']);
});

test('granted: the nearest five stations, nearest first, with distance, tier and hours; map, call and 我的社工站 in one tap', async () => {
  answerLocation({ longitude: HERE[0], latitude: HERE[1] });
  const page = await openPage('pages/stations/index');
  await waitFor(() => byId(page, 'nearby-list'), 'the nearby list', page);

  const expected = Object.entries(DEMO_STATION_LOCATIONS)
    .map(([code, at]) => ({ id: `st_${code}`, distance: haversine(HERE, at) }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 5);
  const text = textOf(page);
  // In this order on the page, each with its distance in words.
  const positions = expected.map((e) => text.indexOf(`距您${formatDistance(e.distance)}`));
  expect(positions.every((p) => p >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  for (const e of expected)
    expect(nodeText(byId(page, `nearby-distance-${e.id}`))).toBe(`距您${formatDistance(e.distance)}`);
  expect(nodeText(byId(page, 'nearby-distance-st_LJ01'))).toBe('距您约 1.0 公里');
  expect(text).toContain('社工站');
  expect(text).toContain('周一至周五 8:30–17:30，周六 9:00–12:00');
  expect(recorder.calls.filter((c) => c === 'stations.nearby')).toHaveLength(1);

  tap(page, 'nearby-map-st_LJ01');
  tap(page, 'nearby-call-st_LJ01');
  await waitFor(() => recorder.platform.length === 2 || undefined, 'the map and the call', page);
  expect(recorder.platform).toEqual(['江滨街道社工站 30.236,120.1925', 'call 0571-86002101']);

  tap(page, 'nearby-set-home-st_LJ01');
  await waitFor(() => byId(page, 'nearby-home-st_LJ01'), 'the home station mark', page);
  expect(nodeText(byId(page, 'nearby-home-st_LJ01'))).toBe('✓ 这是我的社工站');
  expect(recorder.toasts).toContain('已设为我的社工站');
  const me = (await backend.all('users')).find((u) => u.openid === NEWCOMER);
  expect(me.homeStationId).toBe('st_LJ01');

  // Changeable later: another card makes 望江社区社工室 hers instead, and 江滨 offers the button again.
  tap(page, 'nearby-set-home-st_LJ0102');
  await waitFor(() => byId(page, 'nearby-home-st_LJ0102'), 'the new home station mark', page);
  await waitFor(() => byId(page, 'nearby-set-home-st_LJ01'), 'the button back on the old one', page);
  expect(byId(page, 'nearby-home-st_LJ01')).toBeUndefined();
  const changed = (await backend.all('users')).find((u) => u.openid === NEWCOMER);
  expect(changed.homeStationId).toBe('st_LJ0102');
  // The position was used for the one query and stored nowhere.
  expect(JSON.stringify(await backend.all('users'))).not.toContain('30.245');
  expect(recorder.modals).toEqual([]);
  expect(recorder.templateWarnings).toEqual([]);
});
