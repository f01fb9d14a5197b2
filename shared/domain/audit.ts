/*
 * The audit log (操作记录) in words: what changed, field by field, with states, roles, times and
 * money written as people say them — never the stored JSON.
 */

import { ACTIVITY_CATEGORIES, ACTIVITY_METHODS, ACTIVITY_STATUS_LABELS } from './activity';
import { BOOKING_STATUS_LABELS, PROMOTION_MODES } from './booking';
import { formatFen, NEED_STATUS_LABELS, PLEDGE_STATUS_LABELS } from './donation';
import { formatHours } from './hours';
import { INVITE_STATE_LABELS } from './invites';
import { ROLE_LABELS } from './roles';
import { formatDateTime } from './time';

/** States of the things each action family changes, in words (`hours` covers claims). */
const STATUS_WORDS: Record<string, Record<string, string>> = {
  // A published activity is 报名中 to residents; in the log it is the step staff took.
  activity: { ...ACTIVITY_STATUS_LABELS, published: '已发布' },
  booking: BOOKING_STATUS_LABELS,
  hours: { pending: '待审核', approved: '已通过', rejected: '未通过' },
  pledge: PLEDGE_STATUS_LABELS,
  need: NEED_STATUS_LABELS,
  // Role changes with a state are invitations (role.invite, role.inviteClaim, role.inviteWithdraw).
  role: INVITE_STATE_LABELS,
};

const wordsOf = (table: Record<string, string>) => (value: unknown) => table[String(value)] ?? String(value);
const count = (unit: string) => (value: unknown) => `${String(value)} ${unit}`;
const plain = (value: unknown) => String(value);
const when = (value: unknown) =>
  value instanceof Date || typeof value === 'string' ? formatDateTime(value) : String(value);

/** Each recorded field: its name in words and how its value is said. Fields not listed are not shown. */
const FIELDS: Record<string, { label: string; say: (value: unknown) => string }> = {
  status: { label: '状态', say: plain },
  role: { label: '角色', say: wordsOf(ROLE_LABELS) },
  title: { label: '名称', say: plain },
  name: { label: '名称', say: plain },
  category: { label: '类别', say: wordsOf(ACTIVITY_CATEGORIES) },
  method: { label: '形式', say: wordsOf(ACTIVITY_METHODS) },
  location: { label: '地点', say: plain },
  contact: { label: '联系方式', say: plain },
  description: { label: '介绍', say: () => '已修改' },
  startAt: { label: '开始时间', say: when },
  endAt: { label: '结束时间', say: when },
  signUpOpensAt: { label: '报名开始', say: when },
  signUpClosesAt: { label: '报名截止', say: when },
  cancelDeadline: { label: '取消截止', say: when },
  capacity: { label: '名额', say: count('人') },
  waitlistCapacity: { label: '候补名额', say: count('人') },
  volunteerSlots: { label: '志愿者名额', say: count('人') },
  promotionMode: { label: '候补方式', say: wordsOf(PROMOTION_MODES) },
  claimWindowHours: { label: '确认时限', say: count('小时') },
  checkInOpensMinutesBefore: { label: '提前签到', say: count('分钟') },
  bookingsCancelled: { label: '同时取消的报名', say: count('人') },
  minutes: { label: '时长', say: (value) => `${formatHours(Number(value))} 小时` },
  reviewed: { label: '复核', say: (value) => (value ? '已复核' : '待复核') },
  quantity: { label: '数量', say: plain },
  receivedQuantity: { label: '实收数量', say: plain },
  receivedValueFen: { label: '价值', say: (value) => formatFen(Number(value)) },
  targetQuantity: { label: '目标数量', say: plain },
  beneficiaryGroup: { label: '受益群体', say: plain },
  photoFileId: { label: '到货照片', say: () => '已附' },
};

/** A recorded side of a change as a flat record (null, or a non-object, records nothing). */
function fieldsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date)
    ? (value as Record<string, unknown>)
    : {};
}

/** One recorded value in words, for the field and the action family it belongs to. */
function say(field: string, value: unknown, action: string): string {
  if (value === null || value === undefined || value === '') return '（无）';
  if (field === 'status') {
    const family = action.split('.')[0] ?? '';
    const words = STATUS_WORDS[family] ?? {};
    return (
      words[String(value)] ?? Object.values(STATUS_WORDS).find((t) => String(value) in t)?.[String(value)] ?? '（其他）'
    );
  }
  return FIELDS[field]!.say(value);
}

/**
 * What an audit entry changed, one line per field in words: "状态：草稿 → 已发布" (both sides
 * recorded), "数量：5" (recorded once, as on creation), "角色：驻站社工 → （无）" (removed). Fields
 * the log does not describe (internal ids) are left out, so no stored structure ever shows.
 */
export function describeAuditChange(entry: { action: string; from: unknown; to: unknown }): string[] {
  const from = fieldsOf(entry.from);
  const to = fieldsOf(entry.to);
  const fields = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((field) => field in FIELDS);
  return fields.map((field) => {
    const label = FIELDS[field]!.label;
    if (field in from && field in to) {
      const before = say(field, from[field], entry.action);
      const after = say(field, to[field], entry.action);
      return before === after ? `${label}：${after}` : `${label}：${before} → ${after}`;
    }
    if (field in to) return `${label}：${say(field, to[field], entry.action)}`;
    return `${label}：${say(field, from[field], entry.action)}${entry.to === null ? ' → （无）' : ''}`;
  });
}
