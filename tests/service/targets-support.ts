import { idCheckChar } from '../../shared/domain/identity';
import { AS, type Backend } from './support';

/** A valid ID number (GB 11643 checksum computed) from a 3-digit sequence. */
export function idNumber(seq: number, birth = '19400101'): string {
  const first17 = `330102${birth}${String(seq).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

/** A target input with verbal consent before a witness; override any field. */
export function targetInput(overrides: Record<string, unknown> = {}) {
  return {
    name: '周桂英',
    gender: 'female',
    birthYear: 1938,
    phones: ['13700020001'],
    address: { area: '颐和社区', building: '3幢2单元', room: '301' },
    guardian: { name: '周明', relation: '儿子', phone: '13700020002' },
    categories: ['living_alone', 'tekun'],
    tier: 'high',
    tierReason: '88岁独居',
    notes: '',
    consent: {
      status: 'given',
      by: 'self',
      method: 'verbal_witnessed',
      // Before every clock the tests set (a consent date may not lie in the future).
      at: '2025-06-01T02:00:00.000Z',
      witness: '网格员小周',
    },
    ...overrides,
  };
}

/** A visit input: at the door, starting `minutesAgo` before `now`, 30 minutes, all well. */
export function visitInput(now: Date, overrides: Record<string, unknown> = {}, minutesAgo = 60) {
  const start = new Date(now.getTime() - minutesAgo * 60_000);
  return {
    method: 'door',
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
    checklist: { speech: 'ok', movement: 'ok', food: 'ok', gas: 'ok' },
    summary: '精神状态良好',
    ...overrides,
  };
}

/**
 * Give `openid` a role at a station the way an admin does (ADR 0023): the admin invites, the
 * person (profile phone set) redeems the code, the admin confirms.
 */
export async function grantStaff(
  b: Backend,
  openid: string,
  phone: string,
  stationId: string,
  role: 'staff' | 'head' | 'admin' = 'staff',
): Promise<string> {
  await b.ok('accounts', 'updateProfile', { data: { phone, nickname: openid } }, openid);
  const invite = await b.ok('accounts', 'createRoleInvite', { stationId, role }, AS.admin);
  await b.ok('accounts', 'redeemRoleInvite', { code: invite.code }, openid);
  const granted = await b.ok('accounts', 'confirmRoleInvite', { inviteId: invite.inviteId }, AS.admin);
  return granted.userId as string;
}

/** Register `openid` as a volunteer with `phone` (real name 志愿者小李 unless given). */
export async function registerVolunteer(b: Backend, openid: string, phone: string, seq: number, homeStationId: string) {
  await b.ok(
    'volunteering',
    'register',
    {
      data: {
        realName: '志愿者小李',
        idNumber: idNumber(seq, '19950505'),
        phone,
        emergencyContact: { name: '家人', phone: '13900001111' },
        homeStationId,
      },
    },
    openid,
  );
}

/** Remove the demo seed's targets and visits, so a test counts only what it builds. */
export async function clearTargets(b: Backend): Promise<void> {
  const _ = b.db.command;
  for (const name of ['targets', 'visits', 'readLog'])
    await b.db
      .collection(name)
      .where({ _id: _.exists(true) })
      .remove();
}
