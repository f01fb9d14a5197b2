import type { z } from 'zod';
import type { ZListActivitiesRequest } from '../../../shared/contracts/activities';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toActivitySummary } from '../mappers';
import { findPublicActivitiesPage } from '../../core/repositories/activities';

/** Published activities, upcoming or past, optionally for a station subtree and a category. */
export async function list(deps: Deps, _caller: Caller, input: z.output<typeof ZListActivitiesRequest>) {
  const page = await findPublicActivitiesPage(
    deps.db,
    {
      stationId: input.stationId,
      includeDescendants: input.includeDescendants,
      category: input.category,
      when: input.when,
      now: deps.now(),
    },
    input,
  );
  return { ...page, items: page.items.map(toActivitySummary) };
}
