/*
 * What the volunteering function tells people, in one place: the words they read under 消息 and
 * in WeChat subscription messages.
 */

import type { IdDisputeDoc } from '../core/documents';
import type { Notice } from '../core/notify';

/** The claimant learns the outcome; when upheld, the holder learns they lost the number. */
export function idDisputeNotices(dispute: IdDisputeDoc): Notice[] {
  if (dispute.status === 'rejected') {
    return [
      {
        userId: dispute.claimantId,
        kind: 'id_dispute',
        title: '身份证号核实未通过',
        body: `${dispute.stationName}核实后未支持您的申请。原因：${dispute.resolution ?? ''}`,
        activityId: null,
      },
    ];
  }
  return [
    {
      userId: dispute.claimantId,
      kind: 'id_dispute',
      title: '身份证号核实通过',
      body: `${dispute.stationName}已核实身份证号 ${dispute.idMasked} 属于您，现在可以进行志愿者登记。`,
      activityId: null,
    },
    {
      userId: dispute.holderId,
      kind: 'id_dispute',
      title: '您登记的身份证号已被撤销',
      body: `${dispute.stationName}核实身份证号 ${dispute.idMasked} 属于他人，已从您的登记中撤销；您的服务记录保留。如有疑问请携带本人身份证到站点说明。`,
      activityId: null,
    },
  ];
}
