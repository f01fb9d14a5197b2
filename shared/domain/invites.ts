/**
 * Staff roles are granted by invitation (ADR 0023): an admin creates a one-time code for one role
 * at one station of their subtree; the invitee redeems it signed in (which proves they hold the
 * code, unlike a phone number typed into a profile); the admin sees who redeemed it with a check
 * number both screens show, and confirms before the grant takes effect.
 */

/** Hours an invite can be redeemed and confirmed in. */
export const INVITE_TTL_HOURS = 72;
/** Characters of an invite code: no I, O, 0 or 1, so it can be read aloud and typed without doubt. */
export const INVITE_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** 10 characters of 32: 50 bits, far beyond guessing through a rate-limited function. */
export const INVITE_CODE_LENGTH = 10;

const CODE = new RegExp(`^[${INVITE_CODE_ALPHABET}]{${INVITE_CODE_LENGTH}}$`);

/** An invite's life: waiting for its invitee, redeemed and waiting for the admin, granted, or withdrawn. */
export const INVITE_STATUSES = ['open', 'claimed', 'granted', 'withdrawn'] as const;
export type InviteStatus = (typeof INVITE_STATUSES)[number];
/** What pages show: an open or claimed invite past its time is `expired`. */
export type InviteState = InviteStatus | 'expired';
export const INVITE_STATE_LABELS: Record<InviteState, string> = {
  open: '等待对方领取',
  claimed: '对方已领取，待确认',
  granted: '已授予',
  withdrawn: '已撤回',
  expired: '已过期',
};

/** The state of an invite at `now`. */
export function inviteState(invite: { status: InviteStatus; expiresAt: Date }, now: Date): InviteState {
  return (invite.status === 'open' || invite.status === 'claimed') && invite.expiresAt <= now
    ? 'expired'
    : invite.status;
}

/**
 * The code in what a person typed or scanned — the code itself in any case, with spaces or the
 * dash pages show, or a link carrying `code=` — or null.
 */
export function normalizeInviteCode(text: string): string | null {
  const fromLink = /[?&]code=([^&#\s]+)/.exec(text);
  const raw = (fromLink ? decodeURIComponentSafe(fromLink[1]!) : text).toUpperCase().replace(/[\s-]/g, '');
  return CODE.test(raw) ? raw : null;
}

/** The redeem page with the code, as a mini-program path (share cards, in-app scans, H5 links after `#`). */
export function inviteRedeemPath(code: string): string {
  return `/packages/invite/pages/redeem/index?code=${code}`;
}

/** The code as pages show it: two groups of five, `ABCDE-FGHJK`. */
export function formatInviteCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
