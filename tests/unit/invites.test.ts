import { formatInviteCode, inviteState, normalizeInviteCode } from '../../shared/domain/invites';

describe('invite codes', () => {
  it('reads a code as typed, formatted, in a link or with spaces', () => {
    expect(normalizeInviteCode('ABCDEFGHJK')).toBe('ABCDEFGHJK');
    expect(normalizeInviteCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normalizeInviteCode(' ABCDE FGHJK ')).toBe('ABCDEFGHJK');
    expect(normalizeInviteCode('http://10.0.0.2:8686/#/packages/invite/pages/redeem/index?code=ABCDEFGHJK')).toBe(
      'ABCDEFGHJK',
    );
    expect(normalizeInviteCode('/packages/invite/pages/redeem/index?code=abcdefghjk&x=1')).toBe('ABCDEFGHJK');
  });
  it('refuses anything that cannot be a code (ambiguous characters included)', () => {
    expect(normalizeInviteCode('ABCDEFGHJ')).toBeNull();
    expect(normalizeInviteCode('ABCDEFGHIK')).toBeNull();
    expect(normalizeInviteCode('ABCDEFGH0K')).toBeNull();
    expect(normalizeInviteCode('SLC1.b.x.1.mac')).toBeNull();
  });
  it('shows a code in two groups of five', () => {
    expect(formatInviteCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
  });
  it('is expired once its time is up unless already granted or withdrawn', () => {
    const now = new Date('2026-11-22T02:00:00Z');
    const past = new Date('2026-11-22T01:59:59Z');
    expect(inviteState({ status: 'open', expiresAt: past }, now)).toBe('expired');
    expect(inviteState({ status: 'claimed', expiresAt: past }, now)).toBe('expired');
    expect(inviteState({ status: 'granted', expiresAt: past }, now)).toBe('granted');
    expect(inviteState({ status: 'open', expiresAt: new Date('2026-11-25T02:00:00Z') }, now)).toBe('open');
  });
});
