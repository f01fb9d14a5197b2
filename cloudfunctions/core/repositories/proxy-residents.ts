import type { Database } from '../deps';
import type { AuditDoc, BookingDoc, UserDoc } from '../documents';
import { COLLECTIONS, insertUnlessExists, rows, type TransactionLike } from './base';
import { LEGACY_PROXY_OPENID_PREFIX, proxyResidentOpenid, userIdForOpenid } from './users';

/** What one migration call moved. */
export interface ProxyRekeyResult {
  /** Legacy accounts re-keyed (and removed). */
  accounts: number;
  /** Bookings moved to the keyed accounts. */
  bookings: number;
}

/** What the audit log says for a booking whose holder was re-keyed; the old id is not kept. */
const REKEY_REASON = '代报名居民账号编号改为加密生成（旧编号可反推手机号）';

/**
 * Re-keys residents booked on their behalf before proxy ids were keyed (issue 10 item 12): their
 * accounts are `userIdForOpenid('proxy-phone:<phone>')`, an unsalted digest anyone can compute
 * for every mainland number, and their stored identity holds the phone. Each becomes the account
 * `ensureProxyResident` gives that phone today (an HMAC with the function secret, so `APP_SECRET`
 * must be the functions' own); its bookings move to ids under the new account, one transaction per
 * booking (the row under the new id and the old one gone together, so a person never holds two
 * rows); the audit entries naming an old booking or account name the new one; its messages follow;
 * each moved booking is audited (`booking.rekeyProxyResident`, a fixed id per booking, without the
 * old id); the legacy account is removed last. At most `limit` accounts per call — run it until
 * it answers no accounts. Every step can be re-run after a crash: the keyed account is created
 * first (from then on new 代报名 use it), moved rows are found no more, the legacy account is the
 * mark of unfinished work.
 */
export async function rekeyLegacyProxyResidents(db: Database, now: Date, limit = 20): Promise<ProxyRekeyResult> {
  const legacy = rows<UserDoc>(
    await db
      .collection(COLLECTIONS.users)
      .where({ openid: db.RegExp({ regexp: `^${LEGACY_PROXY_OPENID_PREFIX}`, options: '' }) })
      .limit(limit)
      .get(),
  );
  let bookings = 0;
  for (const user of legacy) {
    const openid = proxyResidentOpenid(user.openid.slice(LEGACY_PROXY_OPENID_PREFIX.length));
    const userId = userIdForOpenid(openid);
    await insertUnlessExists(db, COLLECTIONS.users, { ...user, _id: userId, openid, updatedAt: now });
    bookings += await moveBookings(db, user._id, userId, now);
    await db.collection(COLLECTIONS.messages).where({ userId: user._id }).update({ userId });
    await db.collection(COLLECTIONS.auditLog).where({ entityId: user._id }).update({ entityId: userId });
    await db.collection(COLLECTIONS.users).doc(user._id).remove();
  }
  return { accounts: legacy.length, bookings };
}

/** Move every booking of `from` to the same activity (and family member) under `to`. */
async function moveBookings(db: Database, from: string, to: string, now: Date): Promise<number> {
  let moved = 0;
  for (;;) {
    const page = rows<BookingDoc>(await db.collection(COLLECTIONS.bookings).where({ userId: from }).limit(100).get());
    if (page.length === 0) return moved;
    for (const booking of page) {
      // `${activityId}_${userId}` or `${activityId}_${userId}_${memberId}`.
      const suffix = booking._id.slice(`${booking.activityId}_${from}`.length);
      const bookingId = `${booking.activityId}_${to}${suffix}`;
      const audit: AuditDoc & { _id: string } = {
        _id: `rekey_${bookingId}`,
        at: now,
        actorId: 'system',
        action: 'booking.rekeyProxyResident',
        entity: 'booking',
        entityId: bookingId,
        stationId: booking.stationId,
        from: null,
        to: null,
        reason: REKEY_REASON,
      };
      await insertUnlessExists(db, COLLECTIONS.auditLog, audit);
      await db
        .collection(COLLECTIONS.auditLog)
        .where({ entity: 'booking', entityId: booking._id })
        .update({ entityId: bookingId });
      const { _id, ...fields } = booking;
      await db.runTransaction(async (tx: TransactionLike) => {
        await tx
          .collection(COLLECTIONS.bookings)
          .doc(bookingId)
          .set({
            ...fields,
            userId: to,
            history: fields.history.map((event) => (event.by === from ? { ...event, by: to } : event)),
            updatedAt: now,
          });
        await tx.collection(COLLECTIONS.bookings).doc(_id).remove();
      }, 10);
      moved++;
    }
  }
}
