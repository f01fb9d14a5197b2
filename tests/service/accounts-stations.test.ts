import { AS, startBackend, STATION, type Backend } from './support';

let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

describe('accounts', () => {
  it('creates a resident account on first use, exactly once under concurrent first calls', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => b.ok('accounts', 'me', {}, 'first-timer')));
    expect(new Set(answers.map((a) => a.userId)).size).toBe(1);
    expect(answers[0]).toMatchObject({ roles: [], isStaff: false, phone: null, elderMode: false });
    expect((await b.all('users')).filter((u) => u.openid === 'first-timer')).toHaveLength(1);
  });

  it('shows staff their grants with station names', async () => {
    const me = await b.ok('accounts', 'me', {}, AS.staff);
    expect(me).toMatchObject({
      nickname: '王社工',
      isStaff: true,
      roles: [{ stationId: STATION.jiangbin, stationName: '江滨街道社工站', role: 'staff' }],
    });
  });

  it('takes identity only from the platform context, never from the payload', async () => {
    expect(await b.refused('accounts', 'me', {})).toBe('UNAUTHENTICATED');
    expect(await b.refused('accounts', 'me', { userId: 'someone-else' }, AS.resident)).toBe('INVALID_INPUT');
    const asResident = await b.ok('accounts', 'me', {}, AS.resident);
    expect(asResident.nickname).toBe('张阿姨');
  });

  it('updates the profile, validating the phone and the home station', async () => {
    const me = await b.ok(
      'accounts',
      'updateProfile',
      { data: { nickname: '李大爷', phone: '13900001234', elderMode: true } },
      'profile-user',
    );
    expect(me).toMatchObject({ nickname: '李大爷', phone: '13900001234', elderMode: true });
    const bad = await b.call('accounts', 'updateProfile', { data: { phone: '12345' } }, 'profile-user');
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', fields: { 'data.phone': '请输入11位手机号' } },
    });
    expect(
      await b.refused('accounts', 'updateProfile', { data: { homeStationId: 'st_nowhere' } }, 'profile-user'),
    ).toBe('NOT_FOUND');
    expect(
      (await b.ok('accounts', 'updateProfile', { data: { homeStationId: STATION.yihe } }, 'profile-user'))
        .homeStationId,
    ).toBe(STATION.yihe);
    expect((await b.ok('accounts', 'me', {}, 'profile-user')).phone).toBe('13900001234');
  });
});

describe('stations', () => {
  it('lists the network by tier in code order', async () => {
    const stations = await b.ok('stations', 'list', { tier: 'station' });
    expect(stations.items.map((s: { name: string }) => s.name)).toEqual([
      '江滨街道社工站',
      '钟埭镇社工站',
      '新桥街道社工站',
    ]);
    expect(stations.total).toBe(3);
    const rooms = await b.ok('stations', 'list', { parentId: STATION.jiangbin });
    expect(rooms.items.map((s: { tier: string }) => s.tier)).toEqual(['room', 'room']);
  });

  it('pages through all rooms', async () => {
    const first = await b.ok('stations', 'list', { tier: 'room', pageSize: 4 });
    const second = await b.ok('stations', 'list', { tier: 'room', pageSize: 4, page: 2 });
    expect(first).toMatchObject({ total: 6, hasMore: true });
    expect(second).toMatchObject({ hasMore: false });
    expect(second.items).toHaveLength(2);
  });

  it('shows a station with its breadcrumb, rooms, services and upcoming activities', async () => {
    const detail = await b.ok('stations', 'get', { stationId: STATION.jiangbin });
    expect(detail.ancestors).toEqual([
      { stationId: STATION.center, name: '临江区社会工作服务指导中心', tier: 'center' },
    ]);
    expect(detail.children.map((c: { name: string }) => c.name)).toEqual(['颐和社区社工室', '望江社区社工室']);
    expect(detail.services.length).toBeGreaterThan(0);
    expect(detail.upcomingActivities.length).toBeGreaterThan(0);
    expect(detail.upcomingActivities.every((a: { status: string }) => a.status === 'published')).toBe(true);
  });

  it('answers NOT_FOUND for an unknown station', async () => {
    expect(await b.refused('stations', 'get', { stationId: 'st_missing' })).toBe('NOT_FOUND');
  });
});
