import type { z } from 'zod';
import './zod-setup';
import { ZActivityInput, type TActivityDetail, type activitiesContract } from '../../../../shared/contracts/activities';
import type { RequestOf } from '../../../../shared/contracts/common';
import { DEFAULT_CHECKIN_OPENS_MINUTES, type PromotionMode } from '../../../../shared/domain/booking';
import {
  DEFAULT_CANCEL_HOURS_BEFORE,
  EDITABLE_AFTER_PUBLISH,
  MAX_CAPACITY,
  scheduleProblem,
  type ActivityCategory,
  type ActivityMethod,
  type ActivityStatus,
} from '../../../../shared/domain/activity';
import type { FieldErrors } from '../../../../shared/errors';

/** What the form holds: text as typed, choices, and instants as ISO strings ('' = not chosen). */
export interface ActivityFormValues {
  title: string;
  category: ActivityCategory | '';
  method: ActivityMethod | '';
  description: string;
  location: string;
  contact: string;
  startAt: string;
  endAt: string;
  capacity: string;
  signUpOpensAt: string;
  signUpClosesAt: string;
  cancelDeadline: string;
  /** 候补名额; '0' = no waitlist. */
  waitlistCapacity: string;
  promotionMode: PromotionMode;
  /** Only read when `promotionMode` is 'claim'. */
  claimWindowHours: string;
  checkInOpensMinutesBefore: string;
  /** 志愿者名额; '0' = no volunteers needed. */
  volunteerSlots: string;
}

export type ActivityField = keyof ActivityFormValues;
export type FormErrors = Partial<Record<ActivityField, string>>;
/** The validated input, exactly what `activities.create` parses. */
export type ActivityInput = z.output<typeof ZActivityInput>;
/** What `activities.update` takes as `data`. */
export type ActivityPatch = RequestOf<typeof activitiesContract, 'update'>['data'];

/** Field names as staff read them, used in messages the schema leaves in English. */
export const FIELD_LABELS: Record<ActivityField, string> = {
  title: '活动名称',
  category: '活动类别',
  method: '活动形式',
  description: '活动介绍',
  location: '活动地点',
  contact: '联系方式',
  startAt: '开始时间',
  endAt: '结束时间',
  capacity: '名额',
  signUpOpensAt: '报名开始时间',
  signUpClosesAt: '报名截止时间',
  cancelDeadline: '取消截止时间',
  waitlistCapacity: '候补名额',
  promotionMode: '转正方式',
  claimWindowHours: '确认时限（小时）',
  checkInOpensMinutesBefore: '签到开放（开始前几分钟）',
  volunteerSlots: '志愿者名额',
};

/** Numeric fields typed as text, with what to say when they are empty or out of range. */
const NUMBER_MESSAGES: Partial<Record<ActivityField, { empty: string; invalid: string }>> = {
  capacity: { empty: '请填写名额', invalid: `名额须为 0 到 ${MAX_CAPACITY} 之间的整数` },
  waitlistCapacity: {
    empty: '请填写候补名额（不设候补填 0）',
    invalid: `候补名额须为 0 到 ${MAX_CAPACITY} 之间的整数`,
  },
  claimWindowHours: { empty: '请填写确认时限', invalid: '确认时限须为 1 到 72 之间的整数（小时）' },
  checkInOpensMinutesBefore: { empty: '请填写签到开放时间', invalid: '请填写 0 到 240 之间的整数（分钟）' },
  volunteerSlots: { empty: '请填写志愿者名额（不需要志愿者填 0）', invalid: '志愿者名额须为 0 到 500 之间的整数' },
};

const INSTANT_FIELDS: readonly ActivityField[] = [
  'startAt',
  'endAt',
  'signUpOpensAt',
  'signUpClosesAt',
  'cancelDeadline',
];
const FIELDS = Object.keys(FIELD_LABELS) as ActivityField[];

export function emptyForm(): ActivityFormValues {
  return {
    title: '',
    category: '',
    method: '',
    description: '',
    location: '',
    contact: '',
    startAt: '',
    endAt: '',
    capacity: '',
    signUpOpensAt: '',
    signUpClosesAt: '',
    cancelDeadline: '',
    waitlistCapacity: '0',
    promotionMode: 'auto',
    claimWindowHours: '12',
    checkInOpensMinutesBefore: String(DEFAULT_CHECKIN_OPENS_MINUTES),
    volunteerSlots: '0',
  };
}

/** The form for an existing activity. */
export function formFromDetail(detail: TActivityDetail): ActivityFormValues {
  return {
    title: detail.title,
    category: detail.category,
    method: detail.method,
    description: detail.description,
    location: detail.location,
    contact: detail.contact,
    startAt: detail.startAt,
    endAt: detail.endAt,
    capacity: String(detail.capacity),
    signUpOpensAt: detail.signUpOpensAt,
    signUpClosesAt: detail.signUpClosesAt,
    cancelDeadline: detail.cancelDeadline,
    waitlistCapacity: String(detail.waitlistCapacity),
    promotionMode: detail.promotionMode,
    claimWindowHours: String(detail.claimWindowHours),
    checkInOpensMinutesBefore: String(detail.checkInOpensMinutesBefore),
    volunteerSlots: String(detail.volunteerSlots),
  };
}

/**
 * A new activity's form copied from an existing one (复制到新日期): everything it says and its
 * settings, but no dates — the sign-up window and the cancel deadline belong to the old date, so
 * they are left for the defaults or the staff to set again.
 */
export function copyForm(detail: TActivityDetail): ActivityFormValues {
  return {
    ...formFromDetail(detail),
    startAt: '',
    endAt: '',
    signUpOpensAt: '',
    signUpClosesAt: '',
    cancelDeadline: '',
  };
}

/** Whether a field may still change once the activity is published (shared/domain rule). */
export function isEditable(field: ActivityField, status: ActivityStatus | null): boolean {
  if (status === null || status === 'draft') return true;
  if (status !== 'published') return false;
  return (EDITABLE_AFTER_PUBLISH as readonly string[]).includes(field);
}

function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fa5]/.test(text);
}

function messageFor(field: ActivityField, message: string, typed: string): string {
  if (INSTANT_FIELDS.includes(field)) return `请选择${FIELD_LABELS[field]}`;
  const numeric = NUMBER_MESSAGES[field];
  if (numeric) {
    if (typed.trim() === '') return numeric.empty;
    // The schema's own Chinese messages ("候补名额不能为负数") are kept; generic ones are replaced.
    return /须为|不能|至少|不超过/.test(message) ? message : numeric.invalid;
  }
  return hasChinese(message) ? message : `${FIELD_LABELS[field]}填写有误`;
}

/**
 * Validates with the very schema the cloud function parses with (`ZActivityInput`), then the
 * schedule rules the server applies, filling the same defaults it does (sign-up opens now and
 * closes at the start; cancellation closes two hours before the start).
 */
export function validateActivityForm(
  values: ActivityFormValues,
  now: Date,
): { ok: true; input: ActivityInput } | { ok: false; errors: FormErrors } {
  const numberOf = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.trim()));
  const candidate = {
    title: values.title,
    category: values.category || undefined,
    method: values.method || undefined,
    description: values.description,
    location: values.location,
    contact: values.contact,
    startAt: values.startAt,
    endAt: values.endAt,
    capacity: numberOf(values.capacity),
    signUpOpensAt: values.signUpOpensAt || undefined,
    signUpClosesAt: values.signUpClosesAt || undefined,
    cancelDeadline: values.cancelDeadline || undefined,
    waitlistCapacity: numberOf(values.waitlistCapacity),
    promotionMode: values.promotionMode,
    // Without a claim window in use, the schema's default stands in for whatever is typed there.
    claimWindowHours: values.promotionMode === 'claim' ? numberOf(values.claimWindowHours) : undefined,
    checkInOpensMinutesBefore: numberOf(values.checkInOpensMinutesBefore),
    volunteerSlots: numberOf(values.volunteerSlots),
  };
  const result = ZActivityInput.safeParse(candidate);
  const errors: FormErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = issue.path[0];
      if (typeof field !== 'string' || !FIELDS.includes(field as ActivityField)) continue;
      const key = field as ActivityField;
      errors[key] ??= messageFor(key, issue.message, values[key]);
    }
    return { ok: false, errors };
  }
  const input = result.data;
  const startAt = new Date(input.startAt);
  const problem = scheduleProblem({
    startAt,
    endAt: new Date(input.endAt),
    signUpOpensAt: input.signUpOpensAt ? new Date(input.signUpOpensAt) : now,
    signUpClosesAt: input.signUpClosesAt ? new Date(input.signUpClosesAt) : startAt,
    cancelDeadline: input.cancelDeadline
      ? new Date(input.cancelDeadline)
      : new Date(startAt.getTime() - DEFAULT_CANCEL_HOURS_BEFORE * 3_600_000),
  });
  if (problem && FIELDS.includes(problem.field as ActivityField)) {
    return { ok: false, errors: { [problem.field as ActivityField]: problem.message } };
  }
  return { ok: true, input };
}

function sameValue(field: ActivityField, before: string, after: string | number | undefined): boolean {
  if (after === undefined) return before === '';
  if (INSTANT_FIELDS.includes(field)) return Date.parse(before) === Date.parse(String(after));
  return before === String(after);
}

/** Only what changed, and after publishing only what may still change (`EDITABLE_AFTER_PUBLISH`). */
export function patchFrom(initial: ActivityFormValues, input: ActivityInput, status: ActivityStatus): ActivityPatch {
  const patch: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = input[field];
    if (!isEditable(field, status) || sameValue(field, initial[field], value)) continue;
    if (value !== undefined) patch[field] = value;
  }
  return patch as ActivityPatch;
}

/** Per-field messages from a server `INVALID_INPUT`/`RULE_VIOLATION` (paths like `data.startAt`). */
export function formErrorsFrom(fields: FieldErrors | undefined): FormErrors {
  const errors: FormErrors = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const field = path.replace(/^data\./, '').split('.')[0];
    if (FIELDS.includes(field as ActivityField)) errors[field as ActivityField] = message;
  }
  return errors;
}
