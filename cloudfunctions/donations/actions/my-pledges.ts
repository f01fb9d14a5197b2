import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { findCharity, findDistributionsOfPledges, findDonorPledgesPage } from '../../core/repositories/donations';
import { toPledge } from '../mappers';
import { arrivalPhotoLinks } from '../photos';

/** 我的捐赠: each pledge with its timeline and every distribution. */
export async function myPledges(deps: Deps, caller: Caller, input: { page: number; pageSize: number }) {
  const donor = requireUser(caller);
  const page = await findDonorPledgesPage(deps.db, donor.userId, input);
  const [distributions, photoLinks] = await Promise.all([
    findDistributionsOfPledges(
      deps.db,
      page.items.map((p) => p._id),
    ),
    arrivalPhotoLinks(deps, page.items),
  ]);
  const charityIds = [...new Set(page.items.flatMap((p) => (p.charityId ? [p.charityId] : [])))];
  const charities = new Map(
    (await Promise.all(charityIds.map((id) => findCharity(deps.db, id)))).flatMap((c) =>
      c ? [[c._id, c] as const] : [],
    ),
  );
  return {
    ...page,
    items: page.items.map((p) =>
      toPledge(p, {
        charity: p.charityId ? (charities.get(p.charityId) ?? null) : null,
        distributions: distributions.filter((d) => d.pledgeId === p._id),
        photoLinks,
      }),
    ),
  };
}
