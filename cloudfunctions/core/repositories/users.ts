import { createHash, createHmac } from 'node:crypto';
import type { Database } from '../deps';
import type { FamilyMember, StoredGrant, UserDoc } from '../documents';
import { secretFor } from '../secrets';
import { COLLECTIONS, getById, insertUnlessExists, rows } from './base';

/**
 * The user id for a WeChat openid: a stable digest, so two first calls racing create one row
 * (the second insert is a duplicate write) and ids shown to others never reveal the openid.
 */
export function userIdForOpenid(openid: string): string {
  return `u${createHash('sha256').update(`station-link:user:${openid}`).digest('hex').slice(0, 24)}`;
}

/** The user for an openid, created as a plain resident on first use. One read when it exists. */
export async function ensureUser(db: Database, openid: string, now: Date): Promise<UserDoc> {
  const id = userIdForOpenid(openid);
  const existing = await getById<UserDoc>(db, COLLECTIONS.users, id);
  if (existing) return existing;
  const fresh: UserDoc = {
    _id: id,
    openid,
    nickname: `居民${id.slice(-4).toUpperCase()}`,
    phone: null,
    homeStationId: null,
    elderMode: false,
    grants: [],
    createdAt: now,
    updatedAt: now,
  };
  if (await insertUnlessExists(db, COLLECTIONS.users, fresh)) return fresh;
  const raced = await getById<UserDoc>(db, COLLECTIONS.users, id);
  if (!raced) throw new Error(`user ${id} was a duplicate write but cannot be read`);
  return raced;
}

/** How proxy accounts created before the keyed ids were named: the phone is readable in them. */
export const LEGACY_PROXY_OPENID_PREFIX = 'proxy-phone:';

/** The identity a proxy-booked resident's account is keyed by: an HMAC of the phone with the function secret. */
export function proxyResidentOpenid(phone: string): string {
  return `proxy:${createHmac('sha256', secretFor('proxy-ids')).update(phone).digest('base64url')}`;
}

/**
 * The account of a resident staff book on their behalf (代报名), who has no WeChat identity: keyed
 * by their phone through an HMAC with the function secret, so the same phone is the same person
 * while neither the id nor the stored identity lets anyone recover the phone. An account created
 * under the old unkeyed scheme (`proxy-phone:<phone>`) and not yet re-keyed by the migration
 * (`rekeyLegacyProxyResidents`) is used when it exists, so a person booked before stays one
 * person. Created as a plain resident on first use.
 */
export async function ensureProxyResident(db: Database, phone: string, now: Date): Promise<UserDoc> {
  const keyed = proxyResidentOpenid(phone);
  const existing = await getById<UserDoc>(db, COLLECTIONS.users, userIdForOpenid(keyed));
  if (existing) return existing;
  const legacy = await getById<UserDoc>(
    db,
    COLLECTIONS.users,
    userIdForOpenid(`${LEGACY_PROXY_OPENID_PREFIX}${phone}`),
  );
  return legacy ?? ensureUser(db, keyed, now);
}

/** One user by id, or null. */
export function findUserById(db: Database, userId: string): Promise<UserDoc | null> {
  return getById<UserDoc>(db, COLLECTIONS.users, userId);
}

/** Profile fields a person may change about themself. */
export type ProfilePatch = Partial<Pick<UserDoc, 'nickname' | 'phone' | 'homeStationId' | 'elderMode'>>;

/** Apply a profile patch; merges top-level fields only. */
export async function updateProfile(db: Database, userId: string, patch: ProfilePatch, now: Date): Promise<void> {
  await db
    .collection(COLLECTIONS.users)
    .doc(userId)
    .update({ ...patch, updatedAt: now });
}

/** Replace a user's grants wholesale (seed and role management). */
export async function setGrants(db: Database, userId: string, grants: StoredGrant[], now: Date): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.users)
    .doc(userId)
    .update({ grants: _.set(grants), updatedAt: now });
}

/** Users by id, for rosters and names (at most 1000 ids per call). */
export async function findUsersByIds(db: Database, ids: string[]): Promise<UserDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<UserDoc>(
    await db
      .collection(COLLECTIONS.users)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/** Users holding a grant at any of `stationIds` (staff lists), at most 1000. */
export async function findUsersWithGrantsAt(db: Database, stationIds: string[]): Promise<UserDoc[]> {
  if (stationIds.length === 0) return [];
  const _ = db.command;
  return rows<UserDoc>(
    await db
      .collection(COLLECTIONS.users)
      .where({ 'grants.stationId': _.in(stationIds) })
      .limit(1000)
      .get(),
  );
}

/**
 * Replace one user's grants only if they are still what the caller read (`expected`), so two
 * admins editing the same person at once cannot silently overwrite each other. True iff applied.
 */
export async function replaceGrantsIfUnchanged(
  db: Database,
  change: { userId: string; expected: StoredGrant[]; next: StoredGrant[]; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.users)
    .where({ _id: change.userId, grants: _.eq(change.expected) })
    .update({ grants: _.set(change.next), updatedAt: change.now });
  return Number((res as { updated?: number }).updated ?? 0) === 1;
}

/**
 * Replace a user's family list only if it is still what the caller read (`expected`; null when
 * the row has none yet), so two phones editing at once cannot drop each other's change. True iff
 * applied.
 */
export async function replaceFamilyIfUnchanged(
  db: Database,
  change: { userId: string; expected: FamilyMember[] | null; next: FamilyMember[]; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.users)
    .where({ _id: change.userId, family: _.eq(change.expected) })
    .update({ family: _.set(change.next), updatedAt: change.now });
  return Number((res as { updated?: number }).updated ?? 0) === 1;
}

/** Count one more consent to receive a subscription message of `templateId`. */
export async function addSubscriptionCredit(db: Database, userId: string, templateId: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.users)
    .doc(userId)
    .update({ [`subscriptions.${templateId}`]: _.inc(1) });
}

/** Use one consent, by one conditional write (never below zero). True iff one was available. */
export async function useSubscriptionCredit(db: Database, userId: string, templateId: string): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.users)
    .where({ _id: userId, [`subscriptions.${templateId}`]: _.gt(0) })
    .update({ [`subscriptions.${templateId}`]: _.inc(-1) });
  return Number((res as { updated?: number }).updated ?? 0) === 1;
}
