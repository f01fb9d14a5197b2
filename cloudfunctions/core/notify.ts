import type { Deps } from './deps';
import type { MessageDoc } from './documents';
import { newId } from './ids';
import { insertMessages } from './repositories/messages';

/** What to tell a person; every notification lands in the in-app outbox (`messages`). */
export interface Notice {
  userId: string;
  kind: MessageDoc['kind'];
  title: string;
  body: string;
  activityId: string | null;
}

/**
 * Tell people something. The outbox row is the record and what the app shows under 消息; WeChat
 * subscription delivery (one message per consent, sent with `subscribeMessage.send`) is not wired
 * yet, so rows are marked `skipped` — honest about what was delivered.
 */
export async function notify(deps: Deps, notices: Notice[]): Promise<void> {
  const now = deps.now();
  await insertMessages(
    deps.db,
    notices.map((n) => ({ _id: newId('m'), ...n, createdAt: now, readAt: null, delivery: 'skipped' as const })),
  );
}
