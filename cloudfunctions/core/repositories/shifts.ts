import type { Database } from '../deps';
import type { ShiftStatus } from '../../../shared/domain/shift';
import type { HourEntryDoc, ShiftDoc } from '../documents';
import {
  COLLECTIONS,
  getById,
  insertUnlessExists,
  pageOf,
  rows,
  updatedCount,
  type Page,
  type PageArgs,
  type TransactionLike,
} from './base';

/** One shift by id, or null. */
export function findShift(db: Database, shiftId: string): Promise<ShiftDoc | null> {
  return getById<ShiftDoc>(db, COLLECTIONS.shifts, shiftId);
}

/** Insert a shift; `false` when this volunteer already has a row for the activity. */
export function insertShift(db: Database, shift: ShiftDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.shifts, shift);
}

/** Move a shift between statuses by one conditional write. True iff it was in `from`. */
export async function transitionShift(
  db: Database,
  change: { shiftId: string; from: ShiftStatus; to: ShiftStatus; fields: Partial<ShiftDoc>; at: Date },
): Promise<boolean> {
  const res = await db
    .collection(COLLECTIONS.shifts)
    .where({ _id: change.shiftId, status: change.from })
    .update({ ...change.fields, status: change.to, updatedAt: change.at });
  return updatedCount(res) === 1;
}

/** Take a volunteer slot: one conditional write while `volunteersSignedUp < volunteerSlots`. */
export async function reserveVolunteerSlot(
  db: Database,
  slot: { activityId: string; slots: number; now: Date },
): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.activities)
    .where({
      _id: slot.activityId,
      status: 'published',
      volunteerSlots: slot.slots,
      volunteersSignedUp: _.lt(slot.slots),
    })
    .update({ volunteersSignedUp: _.inc(1), updatedAt: slot.now });
  return updatedCount(res) === 1;
}

/** Give a volunteer slot back; never below zero. */
export async function releaseVolunteerSlot(db: Database, activityId: string, now: Date): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.activities)
    .where({ _id: activityId, volunteersSignedUp: _.gt(0) })
    .update({ volunteersSignedUp: _.inc(-1), updatedAt: now });
}

/**
 * Check a volunteer out and record the verified hours in ONE transaction: the shift flips
 * `checked_in → checked_out` and the ledger entry is written under a deterministic id, so a
 * repeated scan finds the shift already checked out and writes nothing. No entry (null) when the
 * check-out recorded no minutes: the ledger never holds a 0-minute row. Null if not checked in.
 */
export async function checkOutWithEntry(
  db: Database,
  change: { shiftId: string; fields: Partial<ShiftDoc>; entry: HourEntryDoc | null; at: Date },
): Promise<ShiftDoc | null> {
  return (await db.runTransaction(async (tx: TransactionLike) => {
    const shift = (await tx.collection(COLLECTIONS.shifts).doc(change.shiftId).get()).data as ShiftDoc | null;
    if (!shift || shift.status !== 'checked_in') return null;
    await tx
      .collection(COLLECTIONS.shifts)
      .doc(shift._id)
      .update({ ...change.fields, status: 'checked_out', updatedAt: change.at });
    if (change.entry) {
      const { _id, ...entry } = change.entry;
      await tx.collection(COLLECTIONS.hourEntries).doc(_id).set(entry);
    }
    return { ...shift, ...change.fields, status: 'checked_out' as const };
  }, 10)) as ShiftDoc | null;
}

/** Shifts of an activity in `statuses` (short-code lookup), at most 1000. */
export async function findActivityShifts(
  db: Database,
  activityId: string,
  statuses: ShiftStatus[],
): Promise<ShiftDoc[]> {
  const _ = db.command;
  return rows<ShiftDoc>(
    await db
      .collection(COLLECTIONS.shifts)
      .where({ activityId, status: _.in(statuses) })
      .limit(1000)
      .get(),
  );
}

/** Checked-in shifts whose scheduled end is before `before` (forgotten check-outs), at most `limit`. */
export async function findOpenShiftsEndedBefore(db: Database, before: Date, limit: number): Promise<ShiftDoc[]> {
  const _ = db.command;
  return rows<ShiftDoc>(
    await db
      .collection(COLLECTIONS.shifts)
      .where({ status: 'checked_in', scheduledEnd: _.lt(before) })
      .limit(limit)
      .get(),
  );
}

/** A volunteer's shifts: upcoming = not yet ended (checked-out-early ones included), soonest first; past = ended, latest first. */
export function findUserShiftsPage(
  db: Database,
  filter: { userId: string; when: 'upcoming' | 'past'; now: Date },
  args: PageArgs,
): Promise<Page<ShiftDoc>> {
  const _ = db.command;
  const coll = db.collection(COLLECTIONS.shifts);
  return filter.when === 'upcoming'
    ? pageOf<ShiftDoc>(
        () =>
          coll
            .where({
              userId: filter.userId,
              status: _.in(['signed_up', 'checked_in', 'checked_out']),
              scheduledEnd: _.gt(filter.now),
            })
            .orderBy('scheduledStart', 'asc'),
        args,
      )
    : pageOf<ShiftDoc>(
        () => coll.where({ userId: filter.userId, scheduledEnd: _.lte(filter.now) }).orderBy('scheduledStart', 'desc'),
        args,
      );
}
