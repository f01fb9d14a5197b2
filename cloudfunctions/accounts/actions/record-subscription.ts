import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { subscriptionTemplates } from '../../core/notify';
import { addSubscriptionCredit } from '../../core/repositories/users';

/**
 * The mini-program asks for consent from a tap (wx.requestSubscribeMessage) and reports the
 * template ids the person accepted; each acceptance allows one message. Only templates this
 * deployment uses are counted.
 */
export async function recordSubscription(deps: Deps, caller: Caller, input: { templateIds: string[] }) {
  const user = requireUser(caller);
  const known = new Set(Object.values(subscriptionTemplates()).filter(Boolean));
  const accepted = [...new Set(input.templateIds)].filter((id) => known.has(id));
  for (const id of accepted) await addSubscriptionCredit(deps.db, user.userId, id);
  return { recorded: accepted.length };
}
