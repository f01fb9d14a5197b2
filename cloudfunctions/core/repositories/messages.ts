import type { Database } from '../deps';
import type { MessageDoc } from '../documents';
import { COLLECTIONS, pageOf, updatedCount, type Page, type PageArgs } from './base';

/** Append messages to the outbox in one batch insert. */
export async function insertMessages(db: Database, messages: MessageDoc[]): Promise<void> {
  if (messages.length === 0) return;
  await db.collection(COLLECTIONS.messages).add(messages);
}

/** A person's messages, newest first. */
export function findUserMessagesPage(db: Database, userId: string, args: PageArgs): Promise<Page<MessageDoc>> {
  return pageOf<MessageDoc>(
    () => db.collection(COLLECTIONS.messages).where({ userId }).orderBy('createdAt', 'desc'),
    args,
  );
}

/** How many of a person's messages are unread. */
export async function countUnread(db: Database, userId: string): Promise<number> {
  const res = await db.collection(COLLECTIONS.messages).where({ userId, readAt: null }).count();
  return Number((res as { total?: number }).total ?? 0);
}

/** Mark all of a person's unread messages read; answers how many changed. */
export async function markAllRead(db: Database, userId: string, now: Date): Promise<number> {
  return updatedCount(
    await db.collection(COLLECTIONS.messages).where({ userId, readAt: null }).update({ readAt: now }),
  );
}
