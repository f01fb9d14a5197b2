import { useRef, useState } from 'react';
import type { activitiesContract, TRoster, TRosterEntry } from '../../../../shared/contracts/activities';
import type { RequestOf } from '../../../../shared/contracts/common';
import type { AttendanceOutcome, BookingStatus } from '../../../../shared/domain/booking';
import { type ActionOptions, useAction } from '../../../hooks/use-action';
import { type PagedList, usePaged } from '../../../hooks/use-paged';
import { activitiesFn, callFunction } from '../../../lib/cloud';

const PAGE_SIZE = 20;

export type CheckInRequest = RequestOf<typeof activitiesContract, 'checkIn'>;
export type BookOnBehalfRequest = RequestOf<typeof activitiesContract, 'bookOnBehalf'>;

/** Check a person in by scanned code, typed short code, or from the roster with a reason (`activities.checkIn`). */
export function useCheckIn(options?: ActionOptions) {
  return useAction((request: CheckInRequest) => callFunction(activitiesFn, 'checkIn', request), options);
}

/** 代报名 for a resident present without a phone (`activities.bookOnBehalf`). */
export function useBookOnBehalf(options?: ActionOptions) {
  return useAction((request: BookOnBehalfRequest) => callFunction(activitiesFn, 'bookOnBehalf', request), options);
}

/** After the activity: correct 已签到 ↔ 未到场 with a reason (`activities.correctAttendance`). */
export function useCorrectAttendance(options?: ActionOptions) {
  return useAction(
    (activityId: string, bookingId: string, to: AttendanceOutcome, reason: string) =>
      callFunction(activitiesFn, 'correctAttendance', { activityId, bookingId, to, reason }),
    options,
  );
}

export type RosterCounts = TRoster['counts'];

/**
 * The door list (`activities.roster`): one status or all, searched by name or phone tail, page by
 * page; every answer also carries the counts per status, kept from the newest page.
 */
export function useRoster(
  activityId: string | undefined,
  status: BookingStatus | undefined,
  search: string,
): PagedList<TRosterEntry> & { counts: RosterCounts | null; activityTitle: string } {
  const [summary, setSummary] = useState<{ counts: RosterCounts | null; activityTitle: string }>({
    counts: null,
    activityTitle: '',
  });
  const latest = useRef(0);
  const list = usePaged(
    activityId ? `activities.roster:${activityId}:${status ?? 'all'}:${search}` : null,
    async (page) => {
      const id = ++latest.current;
      const answer = await callFunction(activitiesFn, 'roster', {
        activityId: activityId as string,
        ...(status ? { status } : {}),
        ...(search ? { search } : {}),
        page,
        pageSize: PAGE_SIZE,
      });
      if (id === latest.current) setSummary({ counts: answer.counts, activityTitle: answer.activityTitle });
      return answer;
    },
    { reloadOnShow: true },
  );
  return { ...list, ...summary };
}

/** Who checked in so far, for the scanner's running tally (one roster row). */
export async function loadCounts(activityId: string): Promise<RosterCounts> {
  return (await callFunction(activitiesFn, 'roster', { activityId, page: 1, pageSize: 1 })).counts;
}
