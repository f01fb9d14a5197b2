import { activitiesContract } from '../../shared/contracts/activities';
import { defineHandler } from '../core/handler';
import { cancelBooking } from './actions/cancel-booking';
import { create } from './actions/create';
import { get } from './actions/get';
import { list } from './actions/list';
import { listManaged } from './actions/list-managed';
import { myBookings } from './actions/my-bookings';
import { publish } from './actions/publish';
import { signUp } from './actions/sign-up';
import { update } from './actions/update';

/** `activities`: browse, manage and book activities. */
export const main = defineHandler(activitiesContract, {
  list,
  get,
  listManaged,
  create,
  update,
  publish,
  signUp,
  cancelBooking,
  myBookings,
});
