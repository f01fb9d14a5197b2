import { remainingSeats } from '../../shared/domain/activity';
import { familyMemberLabel, RATING_EDIT_DAYS } from '../../shared/domain/booking';
import { maskName } from '../../shared/domain/privacy';
import type { ActivityDoc, BookingDoc, FamilyMember } from '../core/documents';

/**
 * An activity document as lists show it (the answer schema fixes which fields leave the server).
 * Also the activity card of other functions' answers (a station's page, a volunteer's shifts).
 */
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
    waitlistCapacity: doc.waitlistCapacity,
    // A leaver and a call may count the same person out for a moment (ADR 0021).
    waitlisted: Math.max(0, doc.waitlisted),
    volunteerSlots: doc.volunteerSlots,
    volunteersSignedUp: doc.volunteersSignedUp,
    ratingCount: doc.ratingCount,
    ratingAverage: doc.ratingCount > 0 ? Math.round((doc.ratingSum * 10) / doc.ratingCount) / 10 : null,
  };
}

/** A booking as its holder sees it; `waitlistPosition` is computed by the caller when waiting. */
export function toBooking(doc: BookingDoc, waitlistPosition: number | null = null) {
  const forMember = doc.forMember ?? null;
  return {
    bookingId: doc._id,
    activityId: doc.activityId,
    status: doc.status,
    createdAt: doc.createdAt,
    cancelledAt: doc.cancelledAt,
    waitlistPosition: doc.status === 'waitlisted' ? waitlistPosition : null,
    offerExpiresAt: doc.status === 'offered' ? doc.offerExpiresAt : null,
    checkedInAt: doc.checkedInAt,
    myRating: doc.rating
      ? {
          score: doc.rating.score,
          comment: doc.rating.comment,
          editableUntil: new Date(doc.rating.firstRatedAt.getTime() + RATING_EDIT_DAYS * 86400_000),
        }
      : null,
    forMember: forMember && { memberId: forMember.memberId, name: forMember.name, relation: forMember.relation },
  };
}

/** The caller's bookings on a listed activity, for its card. */
export function toMyState(doc: BookingDoc, waitlistPosition: number | null) {
  return {
    status: doc.status,
    waitlistPosition: doc.status === 'waitlisted' ? waitlistPosition : null,
    checkedInAt: doc.checkedInAt,
    forName: doc.forMember ? familyMemberLabel(doc.forMember) : null,
  };
}

/** A booking as station staff see it on the roster (phone tail only, never the full number). */
export function toRosterEntry(doc: BookingDoc, waitlistPosition: number | null = null) {
  return {
    bookingId: doc._id,
    name: doc.attendeeName,
    phoneTail: doc.phoneTail,
    status: doc.status,
    waitlistPosition: doc.status === 'waitlisted' ? waitlistPosition : null,
    offerExpiresAt: doc.status === 'offered' ? doc.offerExpiresAt : null,
    checkedInAt: doc.checkedInAt,
    bookedByStaff: doc.bookedBy !== null,
  };
}

/** A rating as staff read it: the rater's name masked. */
export function toRating(doc: BookingDoc) {
  return {
    score: doc.rating?.score ?? 0,
    comment: doc.rating?.comment ?? '',
    raterName: maskName(doc.attendeeName),
    updatedAt: doc.rating?.updatedAt ?? doc.updatedAt,
  };
}

/** An activity's page as a given caller sees it. */
export function toActivityDetail(
  doc: ActivityDoc,
  view: {
    booking: BookingDoc | null;
    canManage: boolean;
    waitlistPosition?: number | null;
    /** The caller's family with their bookings on this activity and places in line. */
    family?: { member: FamilyMember; booking: BookingDoc | null; waitlistPosition: number | null }[];
  },
) {
  return {
    ...toActivitySummary(doc),
    description: doc.description,
    contact: doc.contact,
    cancelDeadline: doc.cancelDeadline,
    stationPath: doc.stationPath,
    promotionMode: doc.promotionMode,
    claimWindowHours: doc.claimWindowHours,
    checkInOpensMinutesBefore: doc.checkInOpensMinutesBefore,
    cancelReason: doc.cancelReason,
    myBooking: view.booking ? toBooking(view.booking, view.waitlistPosition ?? null) : null,
    familyBookings: (view.family ?? []).map(({ member, booking, waitlistPosition }) => ({
      memberId: member.memberId,
      name: member.name,
      relation: member.relation,
      booking: booking ? toBooking(booking, waitlistPosition) : null,
    })),
    canManage: view.canManage,
  };
}
