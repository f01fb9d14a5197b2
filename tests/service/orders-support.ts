import { userIdForOpenid } from '../../cloudfunctions/core/repositories/users';
import { idCheckChar } from '../../shared/domain/identity';
import { AS, STATION, type Backend } from './support';

/** Menu items of the demo seed (emulator/seed/orders.ts). */
export const ITEM = {
  meal: 'mi_lj_meal',
  visit: 'mi_lj_visit',
  policy: 'mi_lj_policy',
  errands: 'mi_lj_errands',
  legal: 'mi_lj_legal',
  rehab: 'mi_lj_rehab',
  phone: 'mi_lj01_phone',
  bath: 'mi_lj01_bath',
  haircut: 'mi_lj0101_haircut',
  farm: 'mi_lj02_farm',
} as const;

export const uid = (openid: string) => userIdForOpenid(openid);

let idSeq = 500;
/** A fresh valid ID number (GB 11643 checksum), unique per call. */
export function nextIdNumber(): string {
  const first17 = `33010219850412${String(idSeq++).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** Registers `openid` as a volunteer at `homeStationId` (their nickname set first, as the display name). */
export async function registerVolunteer(
  b: Backend,
  openid: string,
  homeStationId: string = STATION.jiangbin,
  nickname = '小李',
): Promise<void> {
  await b.ok('accounts', 'updateProfile', { data: { nickname } }, openid);
  await b.ok(
    'volunteering',
    'register',
    {
      data: {
        realName: `志愿者${nickname}`,
        idNumber: nextIdNumber(),
        phone: '13822220000',
        emergencyContact: { name: '家人', phone: '13833330000' },
        homeStationId,
      },
    },
    openid,
  );
}

let phoneSeq = 1000;
/** Gives `openid` a role at a station through the admin (the real grant path); answers their user id. */
export async function grantRole(
  b: Backend,
  openid: string,
  stationId: string,
  role: 'staff' | 'head' | 'admin',
  nickname: string,
): Promise<string> {
  const phone = `1370000${String(phoneSeq++).padStart(4, '0')}`;
  await b.ok('accounts', 'updateProfile', { data: { nickname, phone } }, openid);
  // Roles are granted by invitation (ADR 0023): the admin invites, the person redeems, the admin confirms.
  const invite = await b.ok('accounts', 'createRoleInvite', { stationId, role }, AS.admin);
  await b.ok('accounts', 'redeemRoleInvite', { code: invite.code }, openid);
  await b.ok('accounts', 'confirmRoleInvite', { inviteId: invite.inviteId }, AS.admin);
  return uid(openid);
}

/** A resident's order of a menu item at 颐和社区社工室 (张阿姨's room) unless overridden. */
export function orderRequest(overrides: Record<string, unknown> = {}) {
  return {
    stationId: STATION.yihe,
    itemId: ITEM.meal,
    description: '腿脚不便，想中午送餐',
    preferredTime: 'weekday_morning',
    contactPhone: '13800001111',
    address: '颐和社区 3 幢 2 单元 401',
    ...overrides,
  };
}

/** Runs the escalation timer as CloudBase's timer trigger would (a timer context, no caller identity). */
export async function runTimer(b: Backend): Promise<{ escalated: number; messages: number; autoConfirmed: number }> {
  const answer = await b.runTimer('orders', 'escalateOrders');
  if (!answer.ok) throw new Error(`timer failed: ${JSON.stringify(answer)}`);
  return answer.data as { escalated: number; messages: number; autoConfirmed: number };
}

/** Messages in the outbox about orders, as `userId kind title` lines (sorted), for exact assertions. */
export async function orderMessages(b: Backend, orderId?: string): Promise<string[]> {
  return (await b.all('messages'))
    .filter((m) => m.orderId && (!orderId || m.orderId === orderId))
    .map((m) => `${m.userId} ${m.kind} ${m.title}`)
    .sort();
}

/** Documents of a collection as a stable string (to prove a refused call wrote nothing). */
export async function snapshotOf(b: Backend, collections: string[]): Promise<string> {
  const parts: Record<string, unknown[]> = {};
  for (const name of collections) {
    parts[name] = (await b.all(name)).sort((x, y) => String(x._id).localeCompare(String(y._id)));
  }
  return JSON.stringify(parts);
}

/** Moves the backend's clock by `ms` for the rest of the test file. */
export function advance(b: Backend, ms: number): void {
  b.clock.now = new Date(b.clock.now.getTime() + ms);
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;
export { AS, STATION };
