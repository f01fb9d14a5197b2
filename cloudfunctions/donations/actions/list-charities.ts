import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findCharitiesOfCenter } from '../../core/repositories/donations';
import { findStation } from '../../core/repositories/stations';
import { toCharity } from '../mappers';

/** The curated charities of the district a station belongs to. Public. */
export async function listCharities(deps: Deps, _caller: Caller, input: { stationId: string }) {
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  const centerId = station.path[0]!;
  return { items: (await findCharitiesOfCenter(deps.db, centerId)).map(toCharity) };
}
