/*
 * What the donations function tells donors, in one place: the words they read under 消息 and in
 * WeChat subscription messages. The pledge confirmation promises "站点接收后会通知您": these keep
 * that promise at each step the donor cares about.
 */

import type { PledgeDoc } from '../core/documents';
import type { Notice } from '../core/notify';

/** 「冬季棉被」, or 站点统筹捐赠 for a pledge to the station in general. */
function what(pledge: PledgeDoc): string {
  return `「${pledge.needTitle ?? '站点统筹捐赠'}」`;
}

/** The station confirmed what arrived (all of it, or part of what was pledged). */
export function pledgeReceivedNotice(pledge: PledgeDoc, receivedQuantity: number): Notice {
  const partial = receivedQuantity < pledge.quantity ? `（您认捐 ${pledge.quantity}${pledge.unit}）` : '';
  return {
    userId: pledge.donorId,
    kind: 'pledge_received',
    title: '站点已收到您的捐赠',
    body: `${pledge.stationName}已收到您为${what(pledge)}捐赠的 ${receivedQuantity}${pledge.unit}${partial}。每一笔去向都会告诉您，谢谢您的爱心！`,
    activityId: null,
  };
}

/** Some of the received goods went to people; the donor learns to whom. */
export function pledgeDistributedNotice(
  pledge: PledgeDoc,
  given: { quantity: number; beneficiaryGroup: string; activityTitle: string | null },
): Notice {
  return {
    userId: pledge.donorId,
    kind: 'pledge_distributed',
    title: '您的捐赠已发放',
    body: `您为${what(pledge)}捐赠的 ${given.quantity}${pledge.unit} 已由${pledge.stationName}发放给${given.beneficiaryGroup}${given.activityTitle ? `（活动：${given.activityTitle}）` : ''}。`,
    activityId: null,
  };
}

/** The station thanked the donor; the note itself is the message. */
export function pledgeThankedNotice(pledge: PledgeDoc, note: string): Notice {
  return {
    userId: pledge.donorId,
    kind: 'pledge_thanked',
    title: `${pledge.stationName}向您致谢`,
    body: note,
    activityId: null,
  };
}

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
