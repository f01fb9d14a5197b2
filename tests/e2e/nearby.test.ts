/**
 * "离我最近" in the browser (H5 build, real gateway, real functions, emulator geoNear): with the
 * browser's location granted, the nearest stations with distances and 设为我的社工站; with it
 * refused, the page says so, and search by name/address plus the drill-down still work.
 */
import gcoord from 'gcoord';
import type { Page } from 'playwright-core';
import { type E2E, expectText, goto, inFreshPage, signInAs, useE2E, visible, visibleText } from './support';

jest.setTimeout(120_000);

let e2e: E2E;

useE2E((started) => (e2e = started));

/** ≈ 1 km north of 江滨街道社工站 in GCJ-02; the browser reports WGS-84, which the app converts. */
const HERE_GCJ: [number, number] = [120.1925, 30.245];
const [lngWgs, latWgs] = gcoord.transform(HERE_GCJ, gcoord.GCJ02, gcoord.WGS84) as [number, number];

afterEach(async () => {
  await e2e.context.clearPermissions();
});

/** The Tencent map page `openMap` opens on H5 for 江滨街道社工站 (decoded). */
const LJ01_MAP =
  'https://apis.map.qq.com/uri/v1/marker?marker=coord:30.236,120.1925;title:江滨街道社工站;addr:江滨街道滨江路 12 号党群服务中心 1 楼&referer=station-link';

/** Clicks a 查看地图 button and answers the map page it opens in a new tab with its decoded URL. */
async function mapOpenedBy(p: Page, selector: string): Promise<string> {
  await p.context().route('https://apis.map.qq.com/**', (route) => route.fulfill({ body: 'map' }));
  const [map] = await Promise.all([p.waitForEvent('popup'), visible(p, selector).click()]);
  const url = decodeURIComponent(map.url());
  await map.close();
  return url;
}

test('location granted: the nearest stations with distance, the map, and one tap changes 我的社工站', async () => {
  await e2e.context.grantPermissions(['geolocation'], { origin: e2e.gateway.url });
  await e2e.context.setGeolocation({ latitude: latWgs, longitude: lngWgs, accuracy: 20 });
  await inFreshPage(e2e, 'nearby-granted', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, '/pages/stations/index');
    await visible(p, '#nearby-list').waitFor();

    // Nearest first: 望江社区社工室 (≈ 660 m), 江滨街道社工站 (1.0 km), then the centre (≈ 1.2 km).
    const distances = await p.locator('#nearby-list .nearby-distance').allTextContents();
    expect(distances).toHaveLength(5);
    expect(distances.slice(0, 3)).toEqual(['距您约 660 米', '距您约 1.0 公里', '距您约 1.2 公里']);
    const names = await p.locator('#nearby-list .station-card .text-strong').allTextContents();
    expect(names.slice(0, 3)).toEqual(['望江社区社工室', '江滨街道社工站', '临江区社会工作服务指导中心']);
    await visibleText(p, '周一至周五 8:30–17:30，周六 9:00–12:00').first().waitFor();
    await visible(p, '#nearby-call-st_LJ01').waitFor();
    // 查看地图 opens the station on the Tencent map page (WeChat's openLocation does nothing on H5).
    expect(await mapOpenedBy(p, '#nearby-map-st_LJ01')).toBe(LJ01_MAP);

    // She already has 我的社工站 (颐和社区社工室, the seed's): the list says so, and she changes it.
    await expectText(p, '#nearby-home-st_LJ0101', '✓ 这是我的社工站', { exact: true });
    expect(await p.locator('#nearby-set-home-st_LJ0101').count()).toBe(0);
    await visible(p, '#nearby-set-home-st_LJ01').click();
    await expectText(p, '#nearby-home-st_LJ01', '✓ 这是我的社工站', { exact: true });
    await visible(p, '#nearby-set-home-st_LJ0101').waitFor();
    expect(await p.locator('#nearby-home-st_LJ0101').count()).toBe(0);
    const { data } = await e2e.db.collection('users').where({ openid: 'dev-resident' }).get();
    expect((data[0] as { homeStationId: string }).homeStationId).toBe('st_LJ01');
    // The home page now shows it as 我的社工站.
    await goto(p, e2e.gateway, '/pages/home/index');
    await visible(p, '#open-my-station-button').waitFor();
    await visibleText(p, '江滨街道社工站').first().waitFor();

    // The station's own page opens the same map.
    await goto(p, e2e.gateway, '/packages/station/pages/detail/index?stationId=st_LJ01');
    await expectText(p, '#station-name', '江滨街道社工站', { exact: true });
    expect(await mapOpenedBy(p, '#station-map-button')).toBe(LJ01_MAP);
  });
});

test('location refused: the page says so; search by name or address and the drill-down still find stations', async () => {
  await inFreshPage(e2e, 'nearby-refused', async (p) => {
    await goto(p, e2e.gateway, '/pages/stations/index');
    await visible(p, '#nearby-fallback').waitFor();
    await visibleText(p, '没有获得您的位置').waitFor();
    expect(await p.locator('#nearby-list').count()).toBe(0);

    await visible(p, '#station-search-input input').fill('滨江路');
    await visible(p, '#station-search-button').click();
    await visible(p, '#station-search-results').waitFor();
    expect(await p.locator('#station-search-results .station-card .text-strong').allTextContents()).toEqual([
      '江滨街道社工站',
    ]);

    await visible(p, '#station-search-input input').fill('不存在的地方');
    await visible(p, '#station-search-button').click();
    await visibleText(p, '没有找到“不存在的地方”').waitFor();

    // The district drill-down is still there.
    await visible(p, '#station-children-st_LJ').click();
    await visibleText(p, '临江区社会工作服务指导中心下设的社工站').waitFor();
    await visible(p, '#station-children-st_LJ01').waitFor();
  });
});

test('first use: a resident without 我的社工站 is offered 找离我最近的社工站 on 首页, which lists the nearest', async () => {
  // A resident who has not chosen a station yet (as after signing up).
  await e2e.db.collection('users').where({ openid: 'dev-resident' }).update({ homeStationId: null });
  await e2e.context.grantPermissions(['geolocation'], { origin: e2e.gateway.url });
  await e2e.context.setGeolocation({ latitude: latWgs, longitude: lngWgs, accuracy: 20 });
  await inFreshPage(e2e, 'nearby-first-use', async (p) => {
    await goto(p, e2e.gateway, '/packages/dev/pages/sign-in/index');
    await signInAs(p, e2e.gateway, 'resident');
    await goto(p, e2e.gateway, '/pages/home/index');
    await visibleText(p, '还没有选择您的社工站').waitFor();
    expect(await p.locator('#open-my-station-button').count()).toBe(0);
    await expectText(p, '#choose-station-button', '找离我最近的社工站', { exact: true });
    await visible(p, '#choose-station-button').click();

    await p.waitForURL(/\/pages\/stations\/index/);
    await visible(p, '#nearby-list').waitFor();
    await expectText(p, '#nearby-distance-st_LJ01', '距您约 1.0 公里', { exact: true });
    // None is hers yet: every card offers 设为我的社工站.
    expect(await p.locator('#nearby-list .nearby-distance').count()).toBe(5);
    expect(await p.locator('#nearby-list [id^="nearby-set-home-"]').count()).toBe(5);
    expect(await p.locator('#nearby-list [id^="nearby-home-"]').count()).toBe(0);
  });
});
