import type { Database } from '../deps';
import type { BusySpan, VolunteerDoc } from '../documents';
import { COLLECTIONS, getById, insertUnlessExists, rows, updatedCount } from './base';

/** The volunteer row of a user, or null when they have not registered. */
export function findVolunteer(db: Database, userId: string): Promise<VolunteerDoc | null> {
  return getById<VolunteerDoc>(db, COLLECTIONS.volunteers, userId);
}

/** Several volunteers by user id (leaderboard names). */
export async function findVolunteersByIds(db: Database, ids: string[]): Promise<VolunteerDoc[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return rows<VolunteerDoc>(
    await db
      .collection(COLLECTIONS.volunteers)
      .where({ _id: _.in(ids) })
      .limit(1000)
      .get(),
  );
}

/** The registered volunteer with this phone number, if exactly one (pairing a volunteer with a target). */
export async function findVolunteerByPhone(db: Database, phone: string): Promise<VolunteerDoc | null> {
  const found = rows<VolunteerDoc>(await db.collection(COLLECTIONS.volunteers).where({ phone }).limit(2).get());
  return found.length === 1 ? found[0]! : null;
}

/**
 * Insert a registration; `false` when the user is already registered or the ID hash is taken
 * (both unique: the row id and the `idHash` index), so a second registration never lands.
 */
export function insertVolunteer(db: Database, volunteer: VolunteerDoc): Promise<boolean> {
  return insertUnlessExists(db, COLLECTIONS.volunteers, volunteer);
}

/**
 * Commit the volunteer to `span` unless it overlaps a span they already hold — decided by the
 * write itself (`$nor` + `$elemMatch` on the row), so two concurrent overlapping sign-ups cannot
 * both succeed. True iff committed.
 */
export async function reserveBusySpan(db: Database, userId: string, span: BusySpan): Promise<boolean> {
  const _ = db.command;
  const res = await db
    .collection(COLLECTIONS.volunteers)
    .where(
      _.and([
        { _id: userId },
        _.nor([{ busy: _.elemMatch({ startAt: _.lt(span.endAt), endAt: _.gt(span.startAt) }) }]),
      ]),
    )
    .update({ busy: _.push([span]) });
  return updatedCount(res) === 1;
}

/** Release a committed span (cancelled shift). */
export async function releaseBusySpan(db: Database, userId: string, shiftId: string): Promise<void> {
  const _ = db.command;
  await db
    .collection(COLLECTIONS.volunteers)
    .doc(userId)
    .update({ busy: _.pull({ shiftId }) });
}

/** Volunteers registered at a station or beneath it (a 站's volunteers include its 室's), at most `limit`. */
export async function findVolunteersOfStation(db: Database, stationId: string, limit: number): Promise<VolunteerDoc[]> {
  return rows<VolunteerDoc>(
    await db.collection(COLLECTIONS.volunteers).where({ homeStationPath: stationId }).limit(limit).get(),
  );
}
