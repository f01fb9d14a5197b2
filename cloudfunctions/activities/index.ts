import { activitiesContract } from '../../shared/contracts/activities';
import { defineHandler } from '../core/handler';
import { bookOnBehalf } from './actions/book-on-behalf';
import { cancelActivity } from './actions/cancel-activity';
import { cancelBooking } from './actions/cancel-booking';
import { checkIn } from './actions/check-in';
import { claimOffer } from './actions/claim-offer';
import { correctAttendance } from './actions/correct-attendance';
import { create } from './actions/create';
import { get } from './actions/get';
import { list } from './actions/list';
import { listManaged } from './actions/list-managed';
import { myBookings } from './actions/my-bookings';
import { myCheckInCode } from './actions/my-check-in-code';
import { notifyParticipants } from './actions/notify-participants';
import { publish } from './actions/publish';
import { rate } from './actions/rate';
import { ratings } from './actions/ratings';
import { roster } from './actions/roster';
import { signUp } from './actions/sign-up';
import { sweep } from './actions/sweep';
import { update } from './actions/update';

/** `activities`: browse, manage and book activities; the door; ratings; the `sweep` timer. */
export const main = defineHandler(
  activitiesContract,
  {
    list,
    get,
    listManaged,
    create,
    update,
    publish,
    signUp,
    cancelBooking,
    claimOffer,
    myBookings,
    myCheckInCode,
    rate,
    checkIn,
    roster,
    bookOnBehalf,
    correctAttendance,
    notifyParticipants,
    cancelActivity,
    ratings,
  },
  { timers: { sweep } },
);
