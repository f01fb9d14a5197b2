/**
 * What an in-app message (消息) tells its reader: a waitlisted person got a seat (`promoted`) or
 * was offered one to confirm (`offered`), an offer ran out (`offer_expired`), staff cancelled
 * an activity they booked (`activity_cancelled`), staff voided their pledge (`pledge_voided`), or
 * staff resolved a dispute over a volunteer ID number they claimed or held (`id_dispute`); a
 * service order moved on (`order_update`, to the person who ordered), was dispatched to the
 * reader (`order_assigned`), is nearly due or overdue (`order_due`, to its worker and the
 * station's staff), or was rated badly (`order_bad_rating`, to the station's heads).
 */
export const MESSAGE_KINDS = [
  'promoted',
  'offered',
  'offer_expired',
  'activity_cancelled',
  'pledge_voided',
  'id_dispute',
  'order_update',
  'order_assigned',
  'order_due',
  'order_bad_rating',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
