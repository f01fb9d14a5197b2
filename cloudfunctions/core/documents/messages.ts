import type { MessageKind } from '../../../shared/domain/message';

/** `messages`: the in-app outbox; every notification is written here, WeChat delivery on top. */
export interface MessageDoc {
  _id: string;
  userId: string;
  kind: MessageKind;
  title: string;
  body: string;
  activityId: string | null;
  /** The service order a message is about (absent on messages written before orders existed). */
  orderId?: string | null;
  createdAt: Date;
  readAt: Date | null;
  /** WeChat subscription delivery: sent, skipped (no consent or local run), or failed. */
  delivery: 'sent' | 'skipped' | 'failed';
}
