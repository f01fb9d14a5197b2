import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findTasksPage } from '../../core/repositories/targets';
import { countMyPendingVisits } from '../../core/repositories/visits';
import { toVolunteerTask } from '../mappers';
import { policyFor, readerFor } from '../support';

/**
 * A volunteer's tasks: the active records they are paired with, as the masked view only (王*, the
 * village and building, a phone for the visit, when it is due) — built by its own mapper.
 */
export async function myTasks(deps: Deps, caller: Caller, input: { page: number; pageSize: number }) {
  const reader = readerFor(deps, caller, 'task');
  const page = await findTasksPage(deps.db, reader, input);
  const centres = [...new Set(page.items.map((t) => t.centerId))];
  const [policies, pending] = await Promise.all([
    Promise.all(centres.map(async (id) => [id, await policyFor(deps, id)] as const)),
    countMyPendingVisits(
      deps.db,
      reader.caller.userId,
      page.items.map((t) => t._id),
    ),
  ]);
  const policyOf = new Map(policies);
  return {
    ...page,
    items: page.items.map((t) =>
      toVolunteerTask(t, {
        policy: policyOf.get(t.centerId)!,
        now: reader.now,
        myPendingVisits: pending.get(t._id) ?? 0,
      }),
    ),
  };
}
