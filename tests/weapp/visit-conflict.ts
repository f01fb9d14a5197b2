import type { Backend } from '../service/support';
import {
  addWxApis,
  byId,
  layoutlessSelectorQuery,
  nodeText,
  openPage,
  tap,
  textOf,
  waitFor,
  useWeapp,
  wxAsync,
} from './simulate-env';

/**
 * The sync page's conflict view on the REAL weapp build (ADR 0018): 王社工 records a visit without
 * signal; meanwhile the server got a different visit under the same draft id (the phone's earlier
 * send of another version). When the network returns, the sync page shows the conflict, both
 * versions side by side, and the chosen way out — 另存为一次新探访 (the draft becomes a new visit;
 * the synced one stays) or 保留已同步的，删除草稿 (the draft goes; nothing is sent). A test file can
 * load a page once, so each choice has its own file calling {@link conflictJourney}.
 */
export function conflictJourney(choice: 'keep-new' | 'discard'): void {
  const STAFF = 'dev-staff';
  let backend: Backend;
  let offline = false;
  const networkListeners = new Set<(res: { isConnected: boolean; networkType: string }) => void>();

  addWxApis({
    createSelectorQuery: layoutlessSelectorQuery,
    getLocation: wxAsync(() => ({ latitude: 30.2741, longitude: 120.1551, accuracy: 20 })),
    onNetworkStatusChange: (cb: (res: { isConnected: boolean; networkType: string }) => void) =>
      networkListeners.add(cb),
    offNetworkStatusChange: (cb: (res: { isConnected: boolean; networkType: string }) => void) =>
      networkListeners.delete(cb),
    getNetworkType: wxAsync(() => ({ networkType: offline ? 'none' : 'wifi' })),
  });

  useWeapp(STAFF, (started) => {
    backend = started;
    const call = started.call;
    started.call = ((fn: Parameters<Backend['call']>[0], ...rest: unknown[]) => {
      if (offline && fn === 'targets') return Promise.reject({ errMsg: 'cloud.callFunction:fail network' });
      return (call as (...a: unknown[]) => ReturnType<Backend['call']>)(fn, ...rest);
    }) as Backend['call'];
  });

  test(`a conflicting draft is shown beside the synced visit, and ${choice === 'keep-new' ? '另存为一次新探访' : '保留已同步的'} does what it says`, async () => {
    const now = backend.clock.now;
    backend.clock.now = new Date(now.getTime() - 2 * 86_400_000);
    const created = await backend.call(
      'targets',
      'createTarget',
      {
        stationId: 'st_LJ0101',
        data: {
          name: '冲突阿婆',
          gender: 'female',
          birthYear: 1939,
          phones: [],
          address: { area: '颐和社区', building: '12幢', room: '' },
          guardian: null,
          categories: ['living_alone'],
          tier: 'key',
          tierReason: '独居',
          notes: '',
          consent: { status: 'none' },
        },
      },
      STAFF,
    );
    backend.clock.now = now;
    if (!created.ok) throw new Error(JSON.stringify(created));
    const targetId = (created.data as { targetId: string }).targetId;

    offline = true;
    const visit = await openPage('packages/targets/pages/visit/index', { targetId, name: '冲突阿婆' });
    await waitFor(() => byId(visit, 'checklist'), 'the checklist', visit);
    tap(visit, 'all-ok-health');
    await new Promise((resolve) => setTimeout(resolve, 50));
    tap(visit, 'submit-visit-button');
    await waitFor(
      () => nodeText(byId(visit, 'visit-result-text')).includes('已保存在手机上'),
      'the draft kept on the phone',
      visit,
    );
    const [clientId] = (globalThis as unknown as { wx: { getStorageSync(key: string): string[] } }).wx.getStorageSync(
      'station-link.visitDrafts',
    );
    if (!clientId) throw new Error('no draft on the phone');

    // The server already holds another version under this draft id: a phone call, not a door visit.
    // (Sent from elsewhere; the phone hears of no network change, so it sends nothing meanwhile.)
    offline = false;
    const start = new Date(backend.clock.now.getTime() - 3 * 3_600_000);
    const synced = await backend.call(
      'targets',
      'recordVisit',
      {
        clientId,
        targetId,
        data: {
          method: 'phone',
          startAt: start.toISOString(),
          endAt: new Date(start.getTime() + 10 * 60_000).toISOString(),
          checklist: { speech: 'ok' },
          summary: '电话回访，一切正常',
        },
      },
      STAFF,
    );
    if (!synced.ok) throw new Error(JSON.stringify(synced));
    const syncedId = (synced.data as { visitId: string }).visitId;

    const sync = await openPage('packages/targets/pages/sync/index');
    await waitFor(
      () => nodeText(byId(sync, `draft-status-${clientId}`)).includes('与已同步的内容不同'),
      'the conflict on the sync page',
      sync,
    );
    const visitsOf = async () => (await backend.all('visits')).filter((v) => v.targetId === targetId);
    // Nothing was overwritten: the server keeps its version.
    expect((await visitsOf()).map((v) => [v._id, v.method, v.summary])).toEqual([
      [syncedId, 'phone', '电话回访，一切正常'],
    ]);
    expect(textOf(sync)).toContain('手机上的草稿');
    tap(sync, `compare-${clientId}`);
    await waitFor(() => textOf(sync).includes('已同步的记录'), 'the synced version beside the draft', sync);
    expect(textOf(sync)).toContain('说明：电话回访，一切正常');

    if (choice === 'keep-new') {
      tap(sync, `keep-new-${clientId}`);
      await waitFor(
        () => nodeText(byId(sync, 'sync-count')) === '没有待同步的探访',
        'the draft sent as a new visit',
        sync,
      );
      const rows = await visitsOf();
      expect(rows).toHaveLength(2);
      const added = rows.find((v) => v._id !== syncedId)!;
      expect(added).toMatchObject({ method: 'door', status: 'counted' });
      expect(added.clientId).not.toBe(clientId);
      expect(rows.find((v) => v._id === syncedId)).toMatchObject({ method: 'phone', summary: '电话回访，一切正常' });
    } else {
      tap(sync, `discard-${clientId}`);
      await waitFor(() => byId(sync, 'confirm-discard-button'), 'the confirmation', sync);
      tap(sync, 'confirm-discard-button');
      await waitFor(() => nodeText(byId(sync, 'sync-count')) === '没有待同步的探访', 'the draft deleted', sync);
      // Even when the network comes back again, nothing more is sent.
      for (const listener of [...networkListeners]) listener({ isConnected: true, networkType: 'wifi' });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect((await visitsOf()).map((v) => v._id)).toEqual([syncedId]);
    }
    expect(
      (globalThis as unknown as { wx: { getStorageSync(key: string): unknown } }).wx.getStorageSync(
        'station-link.visitDrafts',
      ),
    ).toEqual([]);
  });
}
