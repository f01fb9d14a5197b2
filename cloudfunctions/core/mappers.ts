import type { TBooking } from '../../shared/contracts/activities';
import { remainingSeats } from '../../shared/domain/activity';
import type { ActivityDoc, BookingDoc, StationDoc } from './documents';

/** An activity document as lists show it (the answer schema fixes which fields leave the server). */
export function toActivitySummary(doc: ActivityDoc) {
  return {
    activityId: doc._id,
    stationId: doc.stationId,
    stationName: doc.stationName,
    title: doc.title,
    category: doc.category,
    method: doc.method,
    status: doc.status,
    location: doc.location,
    startAt: doc.startAt,
    endAt: doc.endAt,
    signUpOpensAt: doc.signUpOpensAt,
    signUpClosesAt: doc.signUpClosesAt,
    capacity: doc.capacity,
    confirmed: doc.confirmed,
    remaining: remainingSeats(doc),
  };
}

/** A booking as its holder sees it. */
export function toBooking(
  doc: BookingDoc,
): Omit<TBooking, 'createdAt' | 'cancelledAt'> & { createdAt: Date; cancelledAt: Date | null } {
  return {
    bookingId: doc._id,
    activityId: doc.activityId,
    status: doc.status,
    createdAt: doc.createdAt,
    cancelledAt: doc.cancelledAt,
  };
}

/** A station document as lists show it. */
export function toStationSummary(doc: StationDoc) {
  return {
    stationId: doc._id,
    code: doc.code,
    name: doc.name,
    tier: doc.tier,
    parentId: doc.parentId,
    path: doc.path,
    address: doc.address,
    openingHours: doc.openingHours,
    phone: doc.phone,
    tags: doc.tags,
    childCount: doc.childCount,
  };
}

/** An activity's page as a given caller sees it. */
export function toActivityDetail(doc: ActivityDoc, view: { booking: BookingDoc | null; canManage: boolean }) {
  return {
    ...toActivitySummary(doc),
    description: doc.description,
    contact: doc.contact,
    cancelDeadline: doc.cancelDeadline,
    stationPath: doc.stationPath,
    myBooking: view.booking ? toBooking(view.booking) : null,
    canManage: view.canManage,
  };
}
