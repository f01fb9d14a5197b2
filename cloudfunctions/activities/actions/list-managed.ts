import type { z } from 'zod';
import type { ZListManagedRequest } from '../../../shared/contracts/activities';
import { AppError } from '../../../shared/errors';
import { assertCan } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivitySummary } from '../../core/mappers';
import { findManagedActivitiesPage } from '../../core/repositories/activities';
import { findStation } from '../../core/repositories/stations';

/** Every activity (drafts included) of a station subtree the caller manages. */
export async function listManaged(deps: Deps, caller: Caller, input: z.output<typeof ZListManagedRequest>) {
  const station = await findStation(deps.db, input.stationId);
  if (!station) throw new AppError('NOT_FOUND', { userMessage: '站点不存在' });
  assertCan(caller, 'activity:manage', { stationPath: station.path });
  const page = await findManagedActivitiesPage(deps.db, { stationId: station._id, status: input.status }, input);
  return { ...page, items: page.items.map(toActivitySummary) };
}
