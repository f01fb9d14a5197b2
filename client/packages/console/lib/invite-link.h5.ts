import { inviteRedeemPath } from '../../../../shared/domain/invites';

/** H5: an absolute link to the redeem page with the code, for a phone's camera or a chat message. */
export function inviteLink(code: string): string {
  return `${window.location.origin}${window.location.pathname}#${inviteRedeemPath(code)}`;
}
