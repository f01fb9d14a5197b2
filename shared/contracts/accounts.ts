import * as z from 'zod';
import { FAMILY_RELATION_KEYS } from '../domain/booking';
import { INVITE_STATUSES, normalizeInviteCode } from '../domain/invites';
import { containsPaymentNumber } from '../domain/payment-numbers';
import { MESSAGE_KINDS } from '../domain/message';
import { STAFF_ROLES } from '../domain/roles';
import { STATION_TIERS } from '../domain/station';
import { defineContract, paged, text, ZId, ZInstant, ZPageRequest, ZPhone } from './common';

/** A grant as the person themself sees it, with the station named. */
export const ZMyRole = z.object({
  stationId: z.string(),
  stationName: z.string(),
  stationTier: z.enum(STATION_TIERS),
  stationPath: z.array(z.string()),
  role: z.enum(STAFF_ROLES),
});

/** A family member a resident books for: only what the door needs (third-party data, PIPL). */
export const ZFamilyMember = z.object({
  memberId: z.string(),
  name: z.string(),
  relation: z.enum(FAMILY_RELATION_KEYS),
  /** Optional; shown only to the resident who added it. */
  phone: z.string().nullable(),
});
export type TFamilyMember = z.infer<typeof ZFamilyMember>;

/** A family member's id: `f` + 12 letters or digits (derived server-side from the name). */
export const ZMemberId = z.string().regex(/^f[A-Za-z0-9]{12}$/, '家人编号格式不正确');

/** The signed-in person's own profile: the only place their full phone is shown. */
export const ZMe = z.object({
  userId: z.string(),
  nickname: z.string(),
  phone: z.string().nullable(),
  homeStationId: z.string().nullable(),
  elderMode: z.boolean(),
  roles: z.array(ZMyRole),
  isStaff: z.boolean(),
  /** The volunteer number when the person has registered as a volunteer (志愿者), else null. */
  volunteerNo: z.string().nullable(),
  /** Family members the person books for (at most five). */
  family: z.array(ZFamilyMember),
});
export type TMe = z.infer<typeof ZMe>;

/** Adding a family member: name, relation, phone if the resident wants to give one, and consent. */
export const ZAddFamilyMemberRequest = z.strictObject({
  data: z.strictObject({
    name: text(20, '家人姓名').refine((t) => !containsPaymentNumber(t), '请勿填写银行卡号、账号等支付信息'),
    relation: z.enum(FAMILY_RELATION_KEYS, '请选择与您的关系'),
    phone: ZPhone.nullable().default(null),
    /** The resident confirms the family member agreed to be registered (third-party data). */
    consent: z.literal(true, '请先确认已征得家人同意'),
  }),
});
export type TAddFamilyMemberRequest = z.input<typeof ZAddFamilyMemberRequest>;

export const ZUpdateProfileRequest = z.strictObject({
  data: z.strictObject({
    nickname: text(20, '称呼').optional(),
    phone: ZPhone.nullable().optional(),
    homeStationId: ZId.nullable().optional(),
    elderMode: z.boolean().optional(),
  }),
});
export type TUpdateProfileRequest = z.input<typeof ZUpdateProfileRequest>;

/** An in-app message (the outbox of every notification). */
export const ZMessage = z.object({
  messageId: z.string(),
  kind: z.enum(MESSAGE_KINDS),
  title: z.string(),
  body: z.string(),
  activityId: z.string().nullable(),
  /** The service order the message is about (opens its page), else null. */
  orderId: z.string().nullable(),
  createdAt: ZInstant,
  read: z.boolean(),
});
export type TMessage = z.infer<typeof ZMessage>;

/** An invite code as typed or scanned (a link carrying `code=` too), normalised to the bare code. */
const ZInviteCode = z
  .string()
  .max(300)
  .transform((text, ctx) => {
    const code = normalizeInviteCode(text);
    if (!code) {
      ctx.addIssue({ code: 'custom', message: '邀请码为10位字母和数字，请核对' });
      return z.NEVER;
    }
    return code;
  });

/** A new invite as its admin sees it once: the code is shown here and never again. */
export const ZCreatedInvite = z.object({
  inviteId: z.string(),
  code: z.string(),
  stationId: z.string(),
  stationName: z.string(),
  role: z.enum(STAFF_ROLES),
  expiresAt: ZInstant,
});

/** A waiting invite in the admin's list; once redeemed, who redeemed it and the check number. */
export const ZWaitingInvite = z.object({
  inviteId: z.string(),
  status: z.enum([...INVITE_STATUSES, 'expired']),
  stationId: z.string(),
  stationName: z.string(),
  stationTier: z.enum(STATION_TIERS),
  role: z.enum(STAFF_ROLES),
  createdByName: z.string(),
  createdAt: ZInstant,
  expiresAt: ZInstant,
  claimantName: z.string().nullable(),
  claimantPhoneMasked: z.string().nullable(),
  claimedAt: ZInstant.nullable(),
  checkCode: z.string().nullable(),
});

/** What the invitee sees after redeeming: where, which role, and the check number to tell the admin. */
export const ZRedeemedInvite = z.object({
  inviteId: z.string(),
  stationName: z.string(),
  role: z.enum(STAFF_ROLES),
  status: z.enum(['claimed', 'granted']),
  checkCode: z.string(),
  expiresAt: ZInstant,
});

export const accountsContract = defineContract('accounts', {
  /** The caller's profile and roles; creates the account on first use. */
  me: { access: 'user', request: z.strictObject({}), response: ZMe },
  /** Edit nickname, phone, home station, elder mode (大字模式). */
  updateProfile: { access: 'user', request: ZUpdateProfileRequest, response: ZMe },
  /** The caller's messages, newest first, with the unread count. */
  myMessages: {
    access: 'user',
    request: z.strictObject({ ...ZPageRequest }),
    response: paged(ZMessage).extend({ unread: z.int().min(0) }),
  },
  /**
   * Admins: the staff of a station subtree with their roles (phones masked), and the subtree's
   * stations (where a role may be granted).
   */
  listStaff: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({
      items: z.array(
        z.object({
          userId: z.string(),
          nickname: z.string(),
          phoneMasked: z.string().nullable(),
          roles: z.array(ZMyRole.extend({ grantedAt: ZInstant, grantedBy: z.string() })),
        }),
      ),
      stations: z.array(
        z.object({ stationId: z.string(), stationName: z.string(), stationTier: z.enum(STATION_TIERS) }),
      ),
    }),
  },
  /** Admins invite someone to a role at a station of their subtree: a one-time, expiring code; audited. */
  createRoleInvite: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, role: z.enum(STAFF_ROLES) }),
    response: ZCreatedInvite,
  },
  /** Admins: invites of a station subtree waiting to be redeemed or confirmed. */
  listRoleInvites: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId }),
    response: z.object({ items: z.array(ZWaitingInvite) }),
  },
  /** The invitee redeems a code (single use; asking again answers the same); audited. No role yet. */
  redeemRoleInvite: { access: 'user', request: z.strictObject({ code: ZInviteCode }), response: ZRedeemedInvite },
  /** Admins confirm a redeemed invite after checking who redeemed it: the role takes effect; audited. */
  confirmRoleInvite: {
    access: 'staff',
    request: z.strictObject({ inviteId: ZId }),
    response: z.object({ userId: z.string(), nickname: z.string(), roles: z.array(ZMyRole) }),
  },
  /** Admins withdraw a waiting invite (or decline the person who redeemed it); audited. */
  withdrawRoleInvite: {
    access: 'staff',
    request: z.strictObject({ inviteId: ZId }),
    response: z.object({ inviteId: z.string(), status: z.literal('withdrawn') }),
  },
  /** Admins revoke a person's role at a station of their subtree (never their own); audited. */
  revokeRole: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, userId: ZId }),
    response: z.object({ userId: z.string(), nickname: z.string(), roles: z.array(ZMyRole) }),
  },
  /** Count the caller's acceptance of WeChat subscription templates (one message per acceptance). */
  recordSubscription: {
    access: 'user',
    request: z.strictObject({
      templateIds: z
        .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
        .min(1)
        .max(3),
    }),
    response: z.object({ recorded: z.int().min(0) }),
  },
  /**
   * Add a family member the caller books for (at most five); the member's id is
   * derived from the name, so the same person twice is refused.
   */
  addFamilyMember: { access: 'user', request: ZAddFamilyMemberRequest, response: ZMe },
  /** Remove a family member (their data leaves the profile; past bookings keep the name). */
  removeFamilyMember: { access: 'user', request: z.strictObject({ memberId: ZMemberId }), response: ZMe },
  /** Mark all the caller's messages read. */
  markMessagesRead: { access: 'user', request: z.strictObject({}), response: z.object({ marked: z.int().min(0) }) },
});
