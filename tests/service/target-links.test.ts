/**
 * Linking a service target record to a resident's account with a one-time 绑定码 (ADR 0027), and
 * what it opens: the station's "service targets only" menu items, ordered by the person themself
 * (本人) or by a family member linked to them (家属). Through the real `targets` and `orders`
 * functions on the emulator.
 */
import { HOUR, ITEM, orderRequest, snapshotOf, uid } from './orders-support';
import { AS, STATION, startBackend, type Backend } from './support';
import { targetInput } from './targets-support';

let b: Backend;
const ELDER = 'links-elder';
const DAUGHTER = 'links-daughter';
const NEIGHBOUR = 'links-neighbour';
const STRANGER = 'links-stranger';
/** Linked only in the ordering tests, so no other link of theirs answers for them. */
const ORDERING_ELDER = 'links-ordering-elder';
const ORDERING_DAUGHTER = 'links-ordering-daughter';
const WRITES = ['targetLinkCodes', 'targetLinks', 'orders', 'auditLog'];

beforeAll(async () => {
  b = await startBackend();
  for (const [openid, nickname] of [
    [ELDER, '周阿婆'],
    [DAUGHTER, '周明'],
    [NEIGHBOUR, '老陈'],
    [STRANGER, '路人'],
    [ORDERING_ELDER, '周阿婆'],
    [ORDERING_DAUGHTER, '周明'],
  ] as const) {
    await b.ok('accounts', 'updateProfile', { data: { nickname } }, openid);
  }
});
afterAll(() => b.close());

let seq = 0;
/** A fresh active record at 颐和社区社工室 (under 江滨街道社工站), made by the station's staff. */
async function newTarget(): Promise<string> {
  seq++;
  const created = await b.ok(
    'targets',
    'createTarget',
    {
      stationId: STATION.yihe,
      data: targetInput({
        name: `周桂英${'甲乙丙丁戊己庚辛'[seq]}`,
        phones: [`1370003${String(seq).padStart(4, '0')}`],
        address: { area: '颐和社区', building: `${seq}幢`, room: '301' },
      }),
    },
    AS.staff,
  );
  return created.targetId as string;
}

const codeFor = async (targetId: string) => b.ok('targets', 'createTargetLinkCode', { targetId }, AS.staff);
const rehab = (overrides: Record<string, unknown> = {}) =>
  orderRequest({ itemId: ITEM.rehab, address: '颐和社区 1 幢 301', ...overrides });

describe('绑定码', () => {
  it('is made by staff on an active record, shown once, stored only as a keyed digest, audited', async () => {
    const targetId = await newTarget();
    const made = await codeFor(targetId);
    expect(made.code).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
    expect(made).toMatchObject({
      targetLabel: '周***',
      expiresAt: new Date(b.clock.now.getTime() + 72 * HOUR).toISOString(),
    });
    const stored = await b.all('targetLinkCodes');
    expect(JSON.stringify(stored)).not.toContain(made.code);
    expect(stored.filter((c) => c.targetId === targetId)).toMatchObject([{ status: 'open', createdBy: uid(AS.staff) }]);
    expect((await b.all('auditLog')).filter((a) => a.entityId === targetId).map((a) => a.action)).toEqual([
      'target.create',
      'target.linkCode',
    ]);
    // A resident, and staff of a sibling station, cannot make one.
    expect(await b.refused('targets', 'createTargetLinkCode', { targetId }, AS.resident)).toBe('FORBIDDEN');
  });

  it('links 本人 by one redemption; the code is single use, and asking again answers the same', async () => {
    const targetId = await newTarget();
    const { code } = await codeFor(targetId);
    const linked = await b.ok(
      'targets',
      'redeemTargetLinkCode',
      { code: `${code.slice(0, 5)}-${code.slice(5)}`, role: 'self' },
      ELDER,
    );
    expect(linked).toMatchObject({
      targetLabel: '周***',
      stationName: '颐和社区社工室',
      role: 'self',
      relationship: null,
      label: '本人',
    });
    expect(await b.ok('targets', 'redeemTargetLinkCode', { code, role: 'self' }, ELDER)).toEqual(linked);
    const before = await snapshotOf(b, WRITES);
    expect(
      await b.refused('targets', 'redeemTargetLinkCode', { code, role: 'family', relationship: 'child' }, STRANGER),
    ).toBe('INVITE_USED');
    expect(await snapshotOf(b, WRITES)).toBe(before);
    const links = (await b.all('targetLinks')).filter((l) => l.targetId === targetId);
    expect(links).toMatchObject([{ _id: `tl_${targetId}_${uid(ELDER)}`, userId: uid(ELDER), role: 'self' }]);
    expect(
      (await b.all('auditLog')).filter((a) => a.entityId === targetId && a.action === 'target.link'),
    ).toMatchObject([{ actorId: uid(ELDER), to: { role: 'self', relationship: null } }]);
  });

  it('lets exactly one of several people redeeming the same code at once have it', async () => {
    const targetId = await newTarget();
    const { code } = await codeFor(targetId);
    const answers = await Promise.all(
      [DAUGHTER, NEIGHBOUR, STRANGER].map((who) =>
        b.call('targets', 'redeemTargetLinkCode', { code, role: 'family', relationship: 'relative' }, who),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map((a) => (a.ok ? '' : a.error.code))).toEqual(['INVITE_USED', 'INVITE_USED']);
    expect((await b.all('targetLinks')).filter((l) => l.targetId === targetId)).toHaveLength(1);
  });

  it('refuses an expired code, an unknown code and a 家属 without the relationship, writing nothing', async () => {
    const targetId = await newTarget();
    const expired = await codeFor(targetId);
    b.clock.now = new Date(b.clock.now.getTime() + 72 * HOUR);
    const fresh = await codeFor(targetId);
    const before = await snapshotOf(b, WRITES);
    expect(await b.refused('targets', 'redeemTargetLinkCode', { code: expired.code, role: 'self' }, ELDER)).toBe(
      'INVITE_EXPIRED',
    );
    expect(await b.refused('targets', 'redeemTargetLinkCode', { code: 'ABCDEFGHJK', role: 'self' }, ELDER)).toBe(
      'INVITE_INVALID',
    );
    expect(await b.refused('targets', 'redeemTargetLinkCode', { code: fresh.code, role: 'family' }, DAUGHTER)).toBe(
      'INVALID_INPUT',
    );
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });

  it('refuses a code of a record closed after it was made (TARGET_CLOSED), writing nothing', async () => {
    const targetId = await newTarget();
    const { code } = await codeFor(targetId);
    await b.ok('targets', 'closeTarget', { targetId, rev: 0, reason: 'moved_away', note: '' }, AS.staff);
    const before = await snapshotOf(b, WRITES);
    expect(await b.refused('targets', 'redeemTargetLinkCode', { code, role: 'self' }, ELDER)).toBe('TARGET_CLOSED');
    expect(await snapshotOf(b, WRITES)).toBe(before);
    // And staff cannot make a new code on a closed record.
    expect(await b.refused('targets', 'createTargetLinkCode', { targetId }, AS.staff)).toBe('TARGET_CLOSED');
  });
});

describe('"service targets only" items (仅限服务对象)', () => {
  let targetId: string;
  beforeAll(async () => {
    targetId = await newTarget();
    await b.ok(
      'targets',
      'redeemTargetLinkCode',
      { code: (await codeFor(targetId)).code, role: 'self' },
      ORDERING_ELDER,
    );
    await b.ok(
      'targets',
      'redeemTargetLinkCode',
      { code: (await codeFor(targetId)).code, role: 'family', relationship: 'child' },
      ORDERING_DAUGHTER,
    );
  });

  it('tells the menu who may order the items (linked here, not linked, or signed out)', async () => {
    const menu = (as?: string) => b.ok('orders', 'listMenu', { stationId: STATION.yihe }, as);
    expect((await menu(ORDERING_ELDER)).targetLinked).toBe(true);
    expect((await menu(ORDERING_DAUGHTER)).targetLinked).toBe(true);
    expect((await menu(STRANGER)).targetLinked).toBe(false);
    expect((await menu()).targetLinked).toBeNull();
    expect((await b.ok('orders', 'listMenu', { stationId: STATION.zhongdai }, ORDERING_ELDER)).targetLinked).toBe(
      false,
    );
  });

  it('lets the linked person order one for themself', async () => {
    const order = await b.ok('orders', 'placeOrder', rehab(), ORDERING_ELDER);
    expect(order).toMatchObject({ itemName: '康复指导', channel: 'self', status: 'pending', recipientName: '周阿婆' });
  });

  it('lets a linked family member order one for them', async () => {
    const order = await b.ok(
      'orders',
      'placeOrder',
      rehab({ forOther: { recipientName: '周桂英', relationship: 'child' } }),
      ORDERING_DAUGHTER,
    );
    expect(order).toMatchObject({ channel: 'family', recipientName: '周桂英', status: 'pending' });
  });

  it('refuses an unlinked resident, and a 家属 link used to order for oneself, with TARGETS_ONLY, writing nothing', async () => {
    const before = await snapshotOf(b, WRITES);
    expect(await b.refused('orders', 'placeOrder', rehab(), STRANGER)).toBe('TARGETS_ONLY');
    expect(
      await b.refused(
        'orders',
        'placeOrder',
        rehab({ forOther: { recipientName: '周桂英', relationship: 'child' } }),
        STRANGER,
      ),
    ).toBe('TARGETS_ONLY');
    expect(await b.refused('orders', 'placeOrder', rehab(), ORDERING_DAUGHTER)).toBe('TARGETS_ONLY');
    expect(await snapshotOf(b, WRITES)).toBe(before);
  });

  it('refuses the link at a station outside the record’s (a sibling 站), and once the record is closed', async () => {
    const sibling = rehab({ stationId: STATION.zhongdai });
    expect(await b.refused('orders', 'placeOrder', sibling, ORDERING_ELDER)).toBe('TARGETS_ONLY');
    const rev = (await b.all('targets')).find((t) => t._id === targetId).rev;
    await b.ok('targets', 'closeTarget', { targetId, rev, reason: 'moved_away', note: '' }, AS.staff);
    expect(await b.refused('orders', 'placeOrder', rehab(), ORDERING_ELDER)).toBe('TARGETS_ONLY');
    expect(
      await b.refused(
        'orders',
        'placeOrder',
        rehab({ forOther: { recipientName: '周桂英', relationship: 'child' } }),
        ORDERING_DAUGHTER,
      ),
    ).toBe('TARGETS_ONLY');
  });
});
