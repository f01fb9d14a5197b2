import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { toProfile } from '../mappers';
import { requireVolunteer } from '../require-volunteer';

/** The caller's volunteer profile. */
export async function myProfile(deps: Deps, caller: Caller) {
  return toProfile((await requireVolunteer(deps, caller)).volunteer);
}
