import { z } from 'zod';
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
});
export type TMe = z.infer<typeof ZMe>;

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
  /** Admins: the staff of a station subtree with their roles (phones masked). */
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
    }),
  },
  /** Admins grant a role at a station of their subtree to a person found by phone; audited. */
  grantRole: {
    access: 'staff',
    request: z.strictObject({ stationId: ZId, phone: ZPhone, role: z.enum(STAFF_ROLES) }),
    response: z.object({ userId: z.string(), nickname: z.string(), roles: z.array(ZMyRole) }),
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
  /** Mark all the caller's messages read. */
  markMessagesRead: { access: 'user', request: z.strictObject({}), response: z.object({ marked: z.int().min(0) }) },
});
