import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { markAllRead } from '../../core/repositories/messages';

/** Mark every unread message of the caller read. */
export async function markMessagesRead(deps: Deps, caller: Caller) {
  const user = requireUser(caller);
  return { marked: await markAllRead(deps.db, user.userId, deps.now()) };
}
