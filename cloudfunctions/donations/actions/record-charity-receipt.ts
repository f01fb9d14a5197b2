import { AppError } from '../../../shared/errors';
import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import {
  findCharity,
  findDistributionsOfPledges,
  findPledge,
  transitionPledge,
} from '../../core/repositories/donations';
import { toPledge } from '../mappers';
import { donorPledge } from '../pledge-access';
import { arrivalPhotoLinks } from '../photos';

/** The donor records the charity's receipt number (电子捐赠票据) as evidence. */
export async function recordCharityReceipt(deps: Deps, caller: Caller, input: { pledgeId: string; receiptNo: string }) {
  const donor = requireUser(caller);
  const now = deps.now();
  const found = await donorPledge(deps, donor, input.pledgeId);
  if (!found.charityId)
    throw new AppError('ILLEGAL_TRANSITION', { userMessage: '只有经慈善组织的资金捐赠需要填写票据号' });
  if (found.status === 'cancelled' || found.status === 'lapsed') throw new AppError('ILLEGAL_TRANSITION');
  await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: ['pledged', 'received', 'distributed'],
    set: { receiptNo: input.receiptNo },
    event: { at: now, label: `已提交慈善组织捐赠票据 ${input.receiptNo}` },
    now,
  });
  const [fresh, charity, distributions, photoLinks] = await Promise.all([
    findPledge(deps.db, found._id),
    findCharity(deps.db, found.charityId),
    findDistributionsOfPledges(deps.db, [found._id]),
    arrivalPhotoLinks(deps, [found]),
  ]);
  return toPledge(fresh!, { charity, distributions, photoLinks });
}
