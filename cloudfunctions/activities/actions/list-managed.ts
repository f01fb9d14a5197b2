import type { z } from 'zod';
import type { ZListManagedRequest } from '../../../shared/contracts/activities';

import { stationWithPermission } from '../../core/authorize';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivitySummary } from '../mappers';
import { findManagedActivitiesPage } from '../../core/repositories/activities';

/** Every activity (drafts included) of a station subtree the caller manages. */
export async function listManaged(deps: Deps, caller: Caller, input: z.output<typeof ZListManagedRequest>) {
  const station = await stationWithPermission(deps, caller, input.stationId, 'activity:manage');
  const page = await findManagedActivitiesPage(deps.db, { stationId: station._id, status: input.status }, input);
  return { ...page, items: page.items.map(toActivitySummary) };
}
