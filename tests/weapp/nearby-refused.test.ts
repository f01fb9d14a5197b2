/**
 * "离我最近" in the REAL weapp build with location refused: the stations tab says location was not
 * given, offers WeChat's settings, and keeps search and the drill-down; allowing location then
 * finds the nearest stations after all.
 */
import { answerLocation, byId, nodeText, openPage, recorder, tap, textOf, useWeapp, waitFor } from './simulate-env';

jest.setTimeout(60_000);

useWeapp('weapp-refuser', () => undefined);

/** ≈ 1 km north of 江滨街道社工站 (GCJ-02, 4 decimals). */
const HERE: [number, number] = [120.1925, 30.245];

test('refused: the page says location was not given and keeps search and the drill-down by district', async () => {
  answerLocation({ errMsg: 'getLocation:fail auth deny' });
  const callsBefore = recorder.calls.length;
  const page = await openPage('pages/stations/index');
  await waitFor(() => byId(page, 'nearby-fallback'), 'the fallback', page);

  expect(textOf(page)).toContain('没有获得您的位置');
  expect(nodeText(byId(page, 'nearby-retry-button'))).toBe('允许使用位置');
  expect(byId(page, 'station-search-button')).toBeDefined();
  await waitFor(() => textOf(page).includes('临江区社会工作服务指导中心'), 'the district list', page);
  expect(byId(page, 'nearby-list')).toBeUndefined();
  expect(recorder.calls.slice(callsBefore)).not.toContain('stations.nearby');

  // Allowing location in WeChat's settings and coming back finds the stations after all.
  answerLocation({ longitude: HERE[0], latitude: HERE[1] });
  tap(page, 'nearby-retry-button');
  await waitFor(() => byId(page, 'nearby-list'), 'the nearby list after allowing location', page);
  expect(nodeText(byId(page, 'nearby-distance-st_LJ01'))).toBe('距您约 1.0 公里');
});
