import type { TMyBooking } from '../../shared/contracts/activities';
import { activitiesFn, callFunction } from '../lib/cloud';
import { type Remote, useRemote } from './use-remote';

/** The bookings 首页 counts as "my next activity": a seat, an offer to confirm, or a place in line. */
const NEXT: readonly TMyBooking['status'][] = ['confirmed', 'offered', 'waitlisted'];

/**
 * The signed-in person's next activity (`activities.myBookings`, upcoming, soonest first): the
 * first booking — their own or a family member's — that still holds or awaits a seat and whose
 * activity has not ended; null when there is none. `enabled` false (not signed in) loads nothing.
 */
export function useNextBooking(enabled: boolean): Remote<TMyBooking | null> {
  return useRemote(
    enabled ? 'activities.myBookings:next' : null,
    async () => {
      const page = await callFunction(activitiesFn, 'myBookings', { when: 'upcoming', page: 1, pageSize: 5 });
      const now = Date.now();
      return (
        page.items.find(
          (b) => NEXT.includes(b.status) && b.activity.status === 'published' && Date.parse(b.activity.endAt) > now,
        ) ?? null
      );
    },
    { reloadOnShow: true, signInOnDemand: false },
  );
}
