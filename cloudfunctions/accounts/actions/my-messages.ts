import { requireUser, type Caller } from '../../core/caller';
import type { Deps } from '../../core/deps';
import { countUnread, findUserMessagesPage } from '../../core/repositories/messages';

/** The caller's in-app messages, newest first, and how many are unread. */
export async function myMessages(deps: Deps, caller: Caller, input: { page: number; pageSize: number }) {
  const user = requireUser(caller);
  const [page, unread] = await Promise.all([
    findUserMessagesPage(deps.db, user.userId, input),
    countUnread(deps.db, user.userId),
  ]);
  return {
    ...page,
    unread,
    items: page.items.map((m) => ({
      messageId: m._id,
      kind: m.kind,
      title: m.title,
      body: m.body,
      activityId: m.activityId,
      orderId: m.orderId ?? null,
      createdAt: m.createdAt,
      read: m.readAt !== null,
    })),
  };
}
