import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findOpenDisputes } from '../../core/repositories/volunteers';
import { toStaffIdDispute } from '../mappers';

/** Staff: the open ID disputes of a station subtree, oldest first, names and phones masked. */
export async function idDisputes(deps: Deps, caller: Caller, input: { stationId: string }) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'hours:approve');
  return { items: (await findOpenDisputes(deps.db, station._id)).map(toStaffIdDispute) };
}
