import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findReadLogPage } from '../../core/repositories/read-log';

/** Who read which target records at a station subtree, when and why — for heads and admins. */
export async function readLog(
  deps: Deps,
  caller: Caller,
  input: { stationId: string; targetId?: string; page: number; pageSize: number },
) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'targets:readLog');
  const page = await findReadLogPage(deps.db, { stationId: station._id, targetId: input.targetId }, input);
  return {
    ...page,
    items: page.items.map((e) => ({
      at: e.at,
      actorName: e.actorName,
      purpose: e.purpose,
      reason: e.reason,
      targetLabel: e.targetLabel,
      targetIds: e.targetIds.slice(0, 50),
    })),
  };
}
