/**
 * Service targets (重点服务对象) and home visits (探访关爱): the words, the closed lists and the
 * pure rules about who may see what. Everything here is sensitive personal information under
 * PIPL art. 28 (特定身份, health, whereabouts, children's data); see ADR 0017.
 */

/** Target categories as the 民政 system names them (a person may be in several). */
export const TARGET_CATEGORIES = {
  dibao: '低保',
  tekun: '特困',
  left_behind_elder: '留守老人',
  left_behind_woman: '留守妇女',
  left_behind_child: '留守儿童',
  living_alone: '独居/空巢老人',
  disabled_care: '失能/半失能',
  severe_disability: '重残',
  family_planning: '计生特殊家庭',
  children_in_difficulty: '困境儿童',
  other: '其他',
} as const;
export type TargetCategory = keyof typeof TARGET_CATEGORIES;
export const TARGET_CATEGORY_KEYS = Object.keys(TARGET_CATEGORIES) as [TargetCategory, ...TargetCategory[]];

/** Risk tiers; each has a visit frequency in the centre's visit policy (see visit-plan.ts). */
export const RISK_TIERS = { high: '高风险', key: '重点', general: '一般' } as const;
export type RiskTier = keyof typeof RISK_TIERS;
export const RISK_TIER_KEYS = Object.keys(RISK_TIERS) as [RiskTier, ...RiskTier[]];

export const GENDERS = { male: '男', female: '女' } as const;
export type Gender = keyof typeof GENDERS;
export const GENDER_KEYS = Object.keys(GENDERS) as [Gender, ...Gender[]];

/** Why a record is closed. Closed records leave the plan and stay in history and past months. */
export const CLOSE_REASONS = {
  moved_away: '迁出本区',
  deceased: '去世',
  ineligible: '不再符合条件',
  other: '其他',
} as const;
export type CloseReason = keyof typeof CLOSE_REASONS;
export const CLOSE_REASON_KEYS = Object.keys(CLOSE_REASONS) as [CloseReason, ...CloseReason[]];

/** Major events after which a target must be visited within 24 hours. */
export const MAJOR_EVENTS = {
  hospitalised: '住院',
  bereaved: '丧亲',
  disaster: '受灾',
  other: '其他突发情况',
} as const;
export type MajorEvent = keyof typeof MAJOR_EVENTS;
export const MAJOR_EVENT_KEYS = Object.keys(MAJOR_EVENTS) as [MajorEvent, ...MajorEvent[]];

/** Who gave the separate consent to process sensitive information (PIPL art. 29, 31). */
export const CONSENT_BY = { self: '本人', guardian: '监护人/赡养人' } as const;
export type ConsentBy = keyof typeof CONSENT_BY;
export const CONSENT_BY_KEYS = Object.keys(CONSENT_BY) as [ConsentBy, ...ConsentBy[]];

/** How consent was given: a signed paper form (photographed) or verbally before a witness. */
export const CONSENT_METHODS = {
  signed_form: '签字同意书（拍照存档）',
  verbal_witnessed: '口头同意（有见证人）',
} as const;
export type ConsentMethod = keyof typeof CONSENT_METHODS;
export const CONSENT_METHOD_KEYS = Object.keys(CONSENT_METHODS) as [ConsentMethod, ...ConsentMethod[]];

/**
 * The consent's date as staff enter it (the day a paper form was signed, or a verbal consent
 * given): null when acceptable, else why not. It may not lie in the future (a phone's clock may run
 * `skewMinutes` ahead).
 */
export function consentDateProblem(at: Date, now: Date, skewMinutes = 5): string | null {
  return at.getTime() > now.getTime() + skewMinutes * 60_000 ? '同意日期不能晚于今天' : null;
}

/** A record is active (on the plan) until it is closed; closed records stay in history. */
export const TARGET_STATUSES = ['active', 'closed'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/**
 * What is kept only with the person's separate consent. Without it the record holds the minimum
 * the statutory duty needs (name, gender, birth year, address, phone, categories, tier, guardian).
 */
export const CONSENT_ONLY_FIELDS = {
  idNumber: '身份证号',
  notes: '备注',
  pairedVolunteers: '配对志愿者',
  photos: '探访照片',
} as const;
export type ConsentOnlyField = keyof typeof CONSENT_ONLY_FIELDS;

/** The sentence the UI shows on a record kept without consent. */
export const NO_CONSENT_NOTICE =
  '未取得本人（或监护人）单独同意：仅保存履行法定职责所需的最少信息，不保存身份证号和备注，不配对志愿者，探访不拍照。';

/**
 * The fields of a target input that need consent and were given without it, in a fixed order.
 * Empty when consent is given or nothing consent-only was filled in.
 */
export function fieldsNeedingConsent(input: {
  consentGiven: boolean;
  hasIdNumber: boolean;
  notes: string;
  pairedVolunteers: number;
}): ConsentOnlyField[] {
  if (input.consentGiven) return [];
  const out: ConsentOnlyField[] = [];
  if (input.hasIdNumber) out.push('idNumber');
  if (input.notes.trim() !== '') out.push('notes');
  if (input.pairedVolunteers > 0) out.push('pairedVolunteers');
  return out;
}

/** Reasons a staff member gives when opening a record outside their own caseload. */
export const READ_REASONS = {
  visit: '探访或代为探访',
  supervision: '督导检查',
  referral: '转介或协调服务',
  emergency: '紧急情况处置',
  correction: '核对或更正信息',
} as const;
export type ReadReason = keyof typeof READ_REASONS;
export const READ_REASON_KEYS = Object.keys(READ_REASONS) as [ReadReason, ...ReadReason[]];

/**
 * Why the server read a target (every read is logged with one of these): a person's full record,
 * a list page, the volunteer's masked task, recording or confirming a visit, editing, exporting,
 * the duplicate check at registration.
 */
export const READ_PURPOSES = {
  record: '查看档案',
  list: '查看名单',
  task: '志愿者探访任务',
  record_visit: '记录探访',
  visits: '查看探访记录',
  edit: '修改档案',
  export: '导出名单',
  duplicate_check: '建档查重',
} as const;
export type ReadPurpose = keyof typeof READ_PURPOSES;
export const READ_PURPOSE_KEYS = Object.keys(READ_PURPOSES) as [ReadPurpose, ...ReadPurpose[]];

/** How a visit was made. */
export const VISIT_METHODS = { door: '上门', phone: '电话', video: '视频' } as const;
export type VisitMethod = keyof typeof VISIT_METHODS;
export const VISIT_METHOD_KEYS = Object.keys(VISIT_METHODS) as [VisitMethod, ...VisitMethod[]];

/**
 * The visit checklist (a 2025 county checklist): each item is 正常 or 异常 (for needs: 无 / 有需求),
 * or left unmarked when the method cannot check it (a phone call cannot see the gas).
 */
export const CHECKLIST_GROUPS = [
  {
    key: 'health',
    label: '身体状况',
    items: [
      { key: 'speech', label: '能正常说话' },
      { key: 'movement', label: '行动能力' },
      { key: 'response', label: '反应能力' },
      { key: 'illness', label: '疾病与用药' },
      { key: 'mental', label: '精神状态' },
    ],
  },
  {
    key: 'living',
    label: '生活状况',
    items: [
      { key: 'food', label: '吃饭' },
      { key: 'clothing', label: '穿衣' },
      { key: 'housing', label: '居住' },
      { key: 'medical', label: '就医' },
      { key: 'benefits', label: '待遇领取' },
    ],
  },
  { key: 'family', label: '家庭联系', items: [{ key: 'family_contact', label: '亲属探望或联系' }] },
  {
    key: 'safety',
    label: '安全状况',
    items: [
      { key: 'house', label: '房屋' },
      { key: 'water', label: '用水' },
      { key: 'power', label: '用电' },
      { key: 'gas', label: '燃气' },
      { key: 'heating', label: '取暖防暑' },
    ],
  },
  {
    key: 'needs',
    label: '服务需求',
    items: [
      { key: 'care', label: '生活照料' },
      { key: 'rehab', label: '康复' },
      { key: 'emotional', label: '精神慰藉' },
      { key: 'ageing_retrofit', label: '适老化改造' },
      { key: 'other_need', label: '其他需求' },
    ],
  },
] as const;
export type ChecklistGroup = (typeof CHECKLIST_GROUPS)[number]['key'];
export type ChecklistItem = (typeof CHECKLIST_GROUPS)[number]['items'][number]['key'];
export const CHECKLIST_ITEM_KEYS = CHECKLIST_GROUPS.flatMap((g) => g.items.map((i) => i.key)) as [
  ChecklistItem,
  ...ChecklistItem[],
];
export type ChecklistMark = 'ok' | 'abnormal';

/** The two words of an item's toggle: needs read 无 / 有需求, everything else 正常 / 异常. */
export function checklistWords(group: ChecklistGroup): { ok: string; abnormal: string } {
  return group === 'needs' ? { ok: '无', abnormal: '有需求' } : { ok: '正常', abnormal: '异常' };
}

/** Label of a checklist item, e.g. for a follow-up summary. */
export function checklistLabel(item: ChecklistItem): string {
  for (const group of CHECKLIST_GROUPS)
    for (const entry of group.items) if (entry.key === item) return `${group.label}·${entry.label}`;
  return item;
}

/** Items marked 异常 (or 有需求), in checklist order. */
export function abnormalItems(checklist: Partial<Record<ChecklistItem, ChecklistMark>>): ChecklistItem[] {
  return CHECKLIST_ITEM_KEYS.filter((key) => checklist[key] === 'abnormal');
}

/** Categories in canonical order, without repeats — so equal sets are equal arrays (report grouping). */
export function canonicalCategories(categories: readonly TargetCategory[]): TargetCategory[] {
  return TARGET_CATEGORY_KEYS.filter((key) => categories.includes(key));
}

/**
 * The text behind the "same person" rule when no ID number is known: name, birth year and address,
 * with spaces removed and full-width digits and letters folded, so 「王 秀英」「１号楼」 and
 * 「王秀英」「1号楼」 match. The server stores only a keyed hash of it.
 */
export function samePersonText(input: {
  name: string;
  birthYear: number;
  area: string;
  building: string;
  room: string;
}): string {
  const fold = (s: string) =>
    s
      .normalize('NFKC')
      .replace(/\s+/g, '')
      .replace(/[-－—–_·.。,，]/g, '')
      .toLowerCase();
  return [fold(input.name), String(input.birthYear), fold(input.area), fold(input.building), fold(input.room)].join(
    '|',
  );
}

/** Last four digits of a phone number (roster search by phone tail), or null for short numbers. */
export function phoneTail(phone: string): string | null {
  const digits = phone.replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** Age in whole years in `year` (approximate by birth year: records keep the year only). */
export function ageIn(year: number, birthYear: number): number {
  return Math.max(0, year - birthYear);
}
