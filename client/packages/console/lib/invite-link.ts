import { inviteRedeemPath } from '../../../../shared/domain/invites';

/**
 * What an invite's QR code holds on weapp: the redeem page's path with the code, which the redeem
 * page's scanner reads (`normalizeInviteCode`). H5: `invite-link.h5.ts`, a link a phone opens.
 */
export function inviteLink(code: string): string {
  return inviteRedeemPath(code);
}
