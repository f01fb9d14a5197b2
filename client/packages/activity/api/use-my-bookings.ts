import type { TMyBooking } from '../../../../shared/contracts/activities';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { activitiesFn, callFunction } from '../../../lib/cloud';

const PAGE_SIZE = 10;

/** The caller's bookings with their activities (`activities.myBookings`), upcoming or past. */
export function useMyBookings(when: 'upcoming' | 'past'): PagedList<TMyBooking> {
  return usePaged(
    `activities.myBookings:${when}`,
    (page) => callFunction(activitiesFn, 'myBookings', { when, page, pageSize: PAGE_SIZE }),
    // Coming back from an activity where the booking was cancelled shows the new state.
    { reloadOnShow: true },
  );
}
