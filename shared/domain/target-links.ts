/**
 * Linking a service target record (服务对象档案) to a resident's account (ADR 0027). Staff make a
 * one-time 绑定码 on the record and hand it to the person (or their family); the person redeems it
 * in 我的, as 本人 or as 家属 (with the relationship). A linked account may order the station's
 * "service targets only" items — for themself (本人) or for the person they look after (家属).
 * The code uses the role-invite alphabet and length (shared/domain/invites.ts).
 */
import { RELATIONSHIPS, type Relationship } from './orders';

/** Hours a 绑定码 can be redeemed in. */
export const LINK_CODE_TTL_HOURS = 72;

/** Who the account is to the target: the person themself, or a family member ordering for them. */
export const TARGET_LINK_ROLES = { self: '本人', family: '家属' } as const;
export type TargetLinkRole = keyof typeof TARGET_LINK_ROLES;
export const TARGET_LINK_ROLE_KEYS = Object.keys(TARGET_LINK_ROLES) as [TargetLinkRole, ...TargetLinkRole[]];

/** A 绑定码's life: waiting, redeemed (once), or withdrawn by staff. */
export const LINK_CODE_STATUSES = ['open', 'used', 'withdrawn'] as const;
export type LinkCodeStatus = (typeof LINK_CODE_STATUSES)[number];

/** The link row's id: one per target and account, so redeeming twice never makes two links. */
export function targetLinkId(link: { targetId: string; userId: string }): string {
  return `tl_${link.targetId}_${link.userId}`;
}

/** How a link reads in 我的: "本人" or "家属（子女）". */
export function targetLinkLabel(link: { role: TargetLinkRole; relationship: Relationship | null }): string {
  return link.role === 'family' && link.relationship
    ? `${TARGET_LINK_ROLES.family}（${RELATIONSHIPS[link.relationship]}）`
    : TARGET_LINK_ROLES[link.role];
}
