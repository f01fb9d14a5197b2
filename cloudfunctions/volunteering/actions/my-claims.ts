import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findVolunteerClaimsPage } from '../../core/repositories/hours';
import { toClaim } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/** The caller's top-up claims with their review, newest first. */
export async function myClaims(deps: Deps, caller: Caller, input: { page: number; pageSize: number }) {
  const { user } = await requireVolunteer(deps, caller);
  const page = await findVolunteerClaimsPage(deps.db, user.userId, input);
  return { ...page, items: page.items.map(toClaim) };
}
