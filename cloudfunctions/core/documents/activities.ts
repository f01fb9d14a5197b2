import type { ActivityCategory, ActivityMethod, ActivityStatus } from '../../../shared/domain/activity';
import type { BookingStatus, FamilyRelation, PromotionMode } from '../../../shared/domain/booking';

/** `activities`: seats are counted on the document; bookings are rows of their own. */
export interface ActivityDoc {
  _id: string;
  stationId: string;
  stationName: string;
  /** The station's path, so a subtree query is `stationPath` contains X. */
  stationPath: string[];
  title: string;
  category: ActivityCategory;
  method: ActivityMethod;
  description: string;
  location: string;
  contact: string;
  startAt: Date;
  endAt: Date;
  signUpOpensAt: Date;
  signUpClosesAt: Date;
  cancelDeadline: Date;
  capacity: number;
  /** Seats held: confirmed + offered + checked_in + no_show bookings. */
  confirmed: number;
  waitlistCapacity: number;
  /** People waiting in line. */
  waitlisted: number;
  /** Tickets drawn so far; each place in line takes the next one (FIFO order). */
  waitlistTicket: number;
  /**
   * Places drawn but not yet called (people waiting, plus places given up before their turn).
   * Tickets up to `waitlistTicket - lineOutstanding` have been called (ADR 0021).
   */
  lineOutstanding: number;
  /**
   * Outstanding tickets whose person gave the place up (left the line, or could not use it):
   * the call that reaches one passes straight on and takes it off (ADR 0021). Usually empty.
   */
  lineGivenUp: number[];
  /** Volunteer slots, separate from resident seats; `volunteersSignedUp` counts them taken. */
  volunteerSlots: number;
  volunteersSignedUp: number;
  promotionMode: PromotionMode;
  claimWindowHours: number;
  checkInOpensMinutesBefore: number;
  ratingCount: number;
  /** Sum of scores; the average is derived (integers only on the document). */
  ratingSum: number;
  status: ActivityStatus;
  cancelReason: string | null;
  /** Bumped by every conditional patch so a write always modifies the document. */
  rev: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
}

/** One transition in a booking's own trail (its audit record; see ADR 0005). */
export interface BookingEvent {
  at: Date;
  by: string;
  from: BookingStatus | null;
  to: BookingStatus;
  reason?: string;
}

/** A rating kept on the attendee's booking (one per person per activity). */
export interface BookingRating {
  score: number;
  comment: string;
  firstRatedAt: Date;
  updatedAt: Date;
}

/**
 * `bookings`: `_id` = `${activityId}_${userId}` (the person's own) or
 * `${activityId}_${userId}_${memberId}` (for one of their family members), so one row per person
 * per activity. `userId` is always the account that booked: its holder sees and manages the row.
 */
export interface BookingDoc {
  _id: string;
  activityId: string;
  userId: string;
  stationId: string;
  /** The activity's station path, so reports aggregate a subtree in one pipeline. */
  stationPath: string[];
  /** Copied from the activity, for reports by category. */
  category: ActivityCategory;
  status: BookingStatus;
  /** Name shown to staff at the door (the person's nickname when they booked). */
  attendeeName: string;
  /** Last four digits of the phone, for roster search; never the full number. */
  phoneTail: string | null;
  /** The family member the booking is for (name as at booking time); absent/null for the holder. */
  forMember?: { memberId: string; name: string; relation: FamilyRelation } | null;
  /** Staff member who booked on the person's behalf (代报名), else null. */
  bookedBy: string | null;
  /** When the person joined the line. */
  waitlistedAt: Date | null;
  /** Their ticket in line: FIFO order is ascending ticket. */
  waitlistTicket: number | null;
  offerExpiresAt: Date | null;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  checkedInByName: string | null;
  rating: BookingRating | null;
  /** Copied from the activity (fixed once published) so 我的 can page by time without a join. */
  activityStartAt: Date;
  activityEndAt: Date;
  createdAt: Date;
  updatedAt: Date;
  cancelledAt: Date | null;
  history: BookingEvent[];
}
