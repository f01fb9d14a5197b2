import { AS, startBackend, STATION, type Backend } from './support';

/**
 * A staff role goes only to the person who proves it was meant for them: they redeem a one-time
 * invite code (scoped to a station and a role, expiring, single use), the admin sees who redeemed
 * it with a check number both of them see, and confirms before the grant takes effect. A phone
 * number typed into a profile proves nothing and grants nothing.
 */
let b: Backend;
beforeAll(async () => {
  b = await startBackend();
});
afterAll(() => b.close());

const HOUR = 3600_000;
const invite = (stationId: string, role: 'staff' | 'head' | 'admin' = 'staff', as: string = AS.admin) =>
  b.ok('accounts', 'createRoleInvite', { stationId, role }, as);
const redeem = (code: string, as: string) => b.call('accounts', 'redeemRoleInvite', { code }, as);
const isStaff = async (openid: string) => (await b.ok('accounts', 'me', {}, openid)).isStaff as boolean;

it('gives a squatter who typed the new hire’s phone number nothing', async () => {
  await b.ok('accounts', 'updateProfile', { data: { nickname: '新社工', phone: '13600006666' } }, 'squatter');
  const answer = await b.call(
    'accounts',
    'grantRole',
    { stationId: STATION.yihe, phone: '13600006666', role: 'staff' },
    AS.admin,
  );
  expect(answer).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } });
  expect(await isStaff('squatter')).toBe(false);
});

it('grants a role only after the invitee redeems the code and the admin confirms who it is', async () => {
  const created = await invite(STATION.yihe, 'head');
  expect(created).toMatchObject({
    stationId: STATION.yihe,
    stationName: '颐和社区社工室',
    role: 'head',
    expiresAt: new Date(b.clock.now.getTime() + 72 * HOUR).toISOString(),
  });
  expect(created.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  // Only its keyed digest is stored: the invitation list of the database does not hold the code.
  expect(JSON.stringify(await b.all('roleInvites'))).not.toContain(created.code);

  await b.ok('accounts', 'updateProfile', { data: { nickname: '周新', phone: '13600007777' } }, 'new-hire');
  // Typed as people type it: lower case, with the dash the page shows.
  const typed = `${created.code.slice(0, 5)}-${created.code.slice(5)}`.toLowerCase();
  const claimed = await redeem(typed, 'new-hire');
  expect(claimed).toMatchObject({
    ok: true,
    data: {
      stationName: '颐和社区社工室',
      role: 'head',
      status: 'claimed',
      checkCode: expect.stringMatching(/^\d{4}$/),
    },
  });
  const checkCode = (claimed as any).data.checkCode as string;
  expect(await isStaff('new-hire')).toBe(false);

  // Single use: nobody else can take it, not even at the same moment; the claimant may look again.
  expect(await redeem(created.code, 'squatter')).toMatchObject({ ok: false, error: { code: 'INVITE_USED' } });
  expect(await redeem(created.code, 'new-hire')).toMatchObject({ ok: true, data: { status: 'claimed', checkCode } });

  // The admin sees who redeemed it, with the same check number, and confirms.
  const pending = await b.ok('accounts', 'listRoleInvites', { stationId: STATION.center }, AS.admin);
  expect(pending.items).toEqual([
    expect.objectContaining({
      inviteId: created.inviteId,
      status: 'claimed',
      stationName: '颐和社区社工室',
      role: 'head',
      claimantName: '周新',
      claimantPhoneMasked: '136****7777',
      checkCode,
    }),
  ]);
  expect(await b.refused('accounts', 'confirmRoleInvite', { inviteId: created.inviteId }, AS.staff)).toBe('FORBIDDEN');
  const granted = await b.ok('accounts', 'confirmRoleInvite', { inviteId: created.inviteId }, AS.admin);
  expect(granted).toMatchObject({
    nickname: '周新',
    roles: [expect.objectContaining({ stationId: STATION.yihe, role: 'head' })],
  });
  expect(await isStaff('new-hire')).toBe(true);
  expect(await b.refused('accounts', 'confirmRoleInvite', { inviteId: created.inviteId }, AS.admin)).toBe(
    'ILLEGAL_TRANSITION',
  );
  expect(await redeem(created.code, 'new-hire')).toMatchObject({ ok: true, data: { status: 'granted' } });
  expect((await b.ok('accounts', 'listRoleInvites', { stationId: STATION.center }, AS.admin)).items).toEqual([]);

  const admin = await b.ok('accounts', 'me', {}, AS.admin);
  const hire = await b.ok('accounts', 'me', {}, 'new-hire');
  const audit = (await b.all('auditLog')).filter((e) => e.action.startsWith('role.'));
  expect(audit.map((e) => [e.action, e.actorId])).toEqual([
    ['role.invite', admin.userId],
    ['role.inviteClaim', hire.userId],
    ['role.grant', admin.userId],
  ]);
  expect(audit[2]).toMatchObject({
    entityId: hire.userId,
    stationId: STATION.yihe,
    from: null,
    to: { role: 'head', inviteId: created.inviteId },
  });
  expect(JSON.stringify(audit)).not.toContain(created.code);
});

it('lets exactly one of several people redeeming at once claim an invite', async () => {
  const created = await invite(STATION.jiangbin);
  const answers = await Promise.all(['race-a', 'race-b', 'race-c', 'race-d'].map((who) => redeem(created.code, who)));
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual([
    'INVITE_USED',
    'INVITE_USED',
    'INVITE_USED',
  ]);
});

it('refuses unknown, expired, withdrawn and self-made invites, writing nothing', async () => {
  const before = JSON.stringify(await b.all('roleInvites'));
  expect(await redeem('ABCDEFGHJK', 'stranger')).toMatchObject({ ok: false, error: { code: 'INVITE_INVALID' } });
  expect(await redeem('not a code', 'stranger')).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(JSON.stringify(await b.all('roleInvites'))).toBe(before);

  const own = await invite(STATION.jiangbin);
  expect(await redeem(own.code, AS.admin)).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_MANAGEABLE' } });

  const late = await invite(STATION.jiangbin);
  const claimedLate = await invite(STATION.jiangbin);
  await redeem(claimedLate.code, 'slow-hire');
  const start = b.clock.now;
  b.clock.now = new Date(start.getTime() + 72 * HOUR + 1);
  try {
    expect(await redeem(late.code, 'late-hire')).toMatchObject({ ok: false, error: { code: 'INVITE_EXPIRED' } });
    expect(await b.refused('accounts', 'confirmRoleInvite', { inviteId: claimedLate.inviteId }, AS.admin)).toBe(
      'INVITE_EXPIRED',
    );
  } finally {
    b.clock.now = start;
  }
  expect(await isStaff('late-hire')).toBe(false);
  expect(await isStaff('slow-hire')).toBe(false);

  const withdrawn = await invite(STATION.jiangbin);
  await redeem(withdrawn.code, 'declined-hire');
  await b.ok('accounts', 'withdrawRoleInvite', { inviteId: withdrawn.inviteId }, AS.admin);
  expect(await b.refused('accounts', 'confirmRoleInvite', { inviteId: withdrawn.inviteId }, AS.admin)).toBe(
    'ILLEGAL_TRANSITION',
  );
  expect(await redeem(withdrawn.code, 'declined-hire')).toMatchObject({
    ok: false,
    error: { code: 'INVITE_INVALID' },
  });
  expect(await isStaff('declined-hire')).toBe(false);
});

it('lets admins invite at any station beneath them, and nobody else', async () => {
  expect((await invite(STATION.shenjia, 'staff')).stationName).toBe('沈家村社工室');
  expect(await b.refused('accounts', 'createRoleInvite', { stationId: STATION.yihe, role: 'staff' }, AS.staff)).toBe(
    'FORBIDDEN',
  );
  // The staff page's station picker: every station of the admin's subtree, by code.
  const staff = await b.ok('accounts', 'listStaff', { stationId: STATION.center }, AS.admin);
  expect(staff.stations.map((s: any) => s.stationId)).toEqual(
    expect.arrayContaining([STATION.center, STATION.jiangbin, STATION.yihe, STATION.zhongdai, STATION.shenjia]),
  );
  expect(staff.stations[0]).toEqual({
    stationId: STATION.center,
    stationName: '临江区社会工作服务指导中心',
    stationTier: 'center',
  });
});
