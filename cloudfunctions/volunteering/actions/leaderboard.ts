import { maskName } from '../../../shared/domain/privacy';
import { monthRange } from '../../../shared/domain/time';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { sumMinutesByVolunteer } from '../../core/repositories/hours';
import { findVolunteersByIds } from '../../core/repositories/volunteers';

/** How many ranked volunteers a leaderboard shows. */
const LEADERBOARD_SIZE = 20;

/** A station subtree's leaderboard: only volunteers who opted in, by masked name. Public. */
export async function leaderboard(deps: Deps, _caller: Caller, input: { stationId: string; month?: string }) {
  const range = input.month ? monthRange(input.month) : undefined;
  const sums = await sumMinutesByVolunteer(
    deps.db,
    { stationId: input.stationId, from: range?.start, to: range?.end },
    200,
  );
  const volunteers = new Map(
    (
      await findVolunteersByIds(
        deps.db,
        sums.map((s) => s.volunteerId),
      )
    ).map((v) => [v._id, v]),
  );
  const ranked = sums
    .filter((s) => volunteers.get(s.volunteerId)?.leaderboardOptIn && s.minutes > 0)
    .slice(0, LEADERBOARD_SIZE);
  return {
    items: ranked.map((s, i) => ({
      rank: i + 1,
      displayName: maskName(volunteers.get(s.volunteerId)!.realName),
      totalMinutes: s.minutes,
    })),
  };
}
