/**
 * What an in-app message (消息) tells its reader: a waitlisted person got a seat (`promoted`) or
 * was offered one to confirm (`offered`), an offer ran out (`offer_expired`), staff cancelled
 * an activity they booked (`activity_cancelled`), the station wrote to everyone booked on an
 * activity (`station_notice`), staff voided their pledge (`pledge_voided`), or staff resolved a
 * dispute over a volunteer ID number they claimed or held (`id_dispute`); a service order moved
 * on (`order_update`, to the person who ordered), was dispatched to the reader
 * (`order_assigned`), is nearly due or overdue (`order_due`, to its worker and the station's
 * staff), or was rated badly (`order_bad_rating`, to the station's heads); or, to a donor, the
 * station received their pledge (`pledge_received`), gave some of it out (`pledge_distributed`)
 * or thanked them (`pledge_thanked`).
 */
export const MESSAGE_KINDS = [
  'promoted',
  'offered',
  'offer_expired',
  'activity_cancelled',
  'pledge_voided',
  'id_dispute',
  'station_notice',
  'order_update',
  'order_assigned',
  'order_due',
  'order_bad_rating',
  'pledge_received',
  'pledge_distributed',
  'pledge_thanked',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** Where a message leads when tapped: its service order, its activity, the donor's 我的捐赠, or nowhere. */
export type MessageTarget = 'order' | 'activity' | 'pledges' | null;

/**
 * Where a message opens: every `pledge_*` kind is about one of the reader's pledges (我的捐赠);
 * any other message that names a service order opens the order, else one naming an activity
 * opens that activity.
 */
export function messageTarget(message: {
  kind: MessageKind;
  activityId: string | null;
  orderId?: string | null;
}): MessageTarget {
  if (isDonationMessage(message.kind)) return 'pledges';
  if (message.orderId) return 'order';
  return message.activityId ? 'activity' : null;
}

/** Whether a message is about a pledge (sent with the donation subscription template on weapp). */
export function isDonationMessage(kind: MessageKind): boolean {
  return kind.startsWith('pledge_');
}
