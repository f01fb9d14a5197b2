/**
 * What an in-app message (消息) tells its reader: a waitlisted person got a seat (`promoted`) or
 * was offered one to confirm (`offered`), an offer ran out (`offer_expired`), or staff cancelled
 * an activity they booked (`activity_cancelled`).
 */
export const MESSAGE_KINDS = ['promoted', 'offered', 'offer_expired', 'activity_cancelled'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
