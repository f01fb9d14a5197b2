import { ARRIVED_STATUSES } from '../../../shared/domain/donation';
import { AppError } from '../../../shared/errors';
import type { Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { notify } from '../../core/notify';
import { findPledge, transitionPledge } from '../../core/repositories/donations';
import { pledgeThankedNotice } from '../notices';
import { staffPledge } from '../pledge-access';
import { staffPledgeView } from '../photos';

/** Staff thank the donor; the note shows on the donor's pledge and reaches them as a message. */
export async function thank(deps: Deps, caller: Caller, input: { pledgeId: string; note: string }) {
  const found = await staffPledge(deps, caller, input.pledgeId);
  const now = deps.now();
  const thanked = await transitionPledge(deps.db, {
    pledgeId: found._id,
    from: [...ARRIVED_STATUSES],
    set: { thankYouNote: input.note },
    event: { at: now, label: '站点发来感谢' },
    now,
  });
  const fresh = (await findPledge(deps.db, found._id))!;
  if (fresh.thankYouNote !== input.note) throw new AppError('ILLEGAL_TRANSITION', { userMessage: '接收后才能致谢' });
  if (thanked) await notify(deps, [pledgeThankedNotice(fresh, input.note)]);
  return staffPledgeView(deps, fresh, now);
}
