/** Filter chips of the audit log: label → action prefix sent to `reports.auditLog`. */
export const AUDIT_FILTERS = [
  { key: 'all', label: '全部', prefix: undefined },
  { key: 'activity', label: '活动', prefix: 'activity' },
  { key: 'booking', label: '报名', prefix: 'booking' },
  { key: 'hours', label: '志愿', prefix: 'hours' },
  { key: 'pledge', label: '捐赠', prefix: 'pledge' },
  { key: 'role', label: '权限', prefix: 'role' },
] as const;

const ACTION_LABELS: Record<string, string> = {
  'activity.create': '创建活动',
  'activity.update': '修改活动',
  'activity.publish': '发布活动',
  'activity.cancel': '取消活动',
  'activity.notify': '通知报名居民',
  'activity.recountCounters': '按名单校正名额计数',
  'booking.bookOnBehalf': '代报名',
  'booking.rekeyProxyResident': '代报名居民账号改为加密编号',
  'booking.correctAttendance': '更正签到',
  'booking.manualCheckIn': '代签到',
  'booking.shortCode': '数字码签到',
  'hours.adjust': '调整志愿时长',
  'hours.confirmAutoClosed': '复核自动签退',
  'hours.shortCode': '志愿者数字码签到/签退',
  'hours.approveClaim': '通过补录申请',
  'hours.rejectClaim': '驳回补录申请',
  'volunteer.disputeUphold': '身份证号核实通过',
  'volunteer.disputeReject': '身份证号核实未通过',
  'pledge.receive': '接收捐赠',
  'pledge.distribute': '发放物资',
  'pledge.void': '作废认捐',
  'charity.add': '添加慈善组织',
  'need.create': '发布需求',
  'need.close': '关闭需求',
  'need.recountCounters': '按认捐记录校正需求计数',
  'role.invite': '发出权限邀请',
  'role.inviteClaim': '领取权限邀请',
  'role.inviteWithdraw': '撤回权限邀请',
  'role.grant': '授予权限',
  'role.revoke': '撤销权限',
  'menu.create': '新增服务项目',
  'menu.update': '修改服务项目',
  'menu.pause': '暂停服务项目',
  'menu.resume': '恢复服务项目',
  'order.placeForResident': '代居民点单',
  'order.createFromVisit': '探访异常转为服务单',
  'order.rateForResident': '代居民评单',
  'order.replyRating': '回复评价',
  'order.reviewBadRating': '复核差评',
  'orderPolicy.set': '设置工单时限',
  'target.create': '建立服务对象档案',
  'target.update': '修改服务对象档案',
  'target.move': '转移服务对象',
  'target.close': '服务对象结案',
  'target.flag': '标记重大情况',
  'target.pair': '结对志愿者',
  'target.unpair': '解除结对',
  'target.export': '导出服务对象名单',
  'target.repairLastVisit': '校正最近探访时间',
  'visit.confirm': '确认探访记录',
  'visit.reject': '退回探访记录',
  'visitPolicy.set': '设置探访频次',
};

/** The Chinese name of an audited action; an action without one yet is "其他操作", never its code. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? '其他操作';
}

/** Every action with a name in words (tests check each audited action has one). */
export const NAMED_ACTIONS: readonly string[] = Object.keys(ACTION_LABELS);
