/*
 * What the donations function tells donors, in one place: the words they read under 消息 and in
 * WeChat subscription messages.
 */

import type { PledgeDoc } from '../core/documents';
import type { Notice } from '../core/notify';

/** Staff voided an undelivered pledge; the donor learns which one and why. */
export function pledgeVoidedNotice(pledge: PledgeDoc, reason: string): Notice {
  return {
    userId: pledge.donorId,
    kind: 'pledge_voided',
    title: '您的认捐已被站点作废',
    body: `${pledge.stationName}作废了您认捐的「${pledge.needTitle ?? '站点统筹捐赠'}」${pledge.quantity}${pledge.unit}。原因：${reason}`,
    activityId: null,
  };
}
