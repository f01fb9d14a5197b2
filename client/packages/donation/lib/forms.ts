import type { z } from 'zod';
import './zod-setup';
import { ZNeedInput, ZPledgeRequest } from '../../../../shared/contracts/donations';
import type { DeliveryMethod, NeedKind } from '../../../../shared/domain/donation';
import { instantOfDate, wholeNumber } from './format';

export type Errors = Record<string, string>;

/** First message per field of a failed zod parse, keyed by the last path segment. */
function fieldErrors(error: z.ZodError): Errors {
  const out: Errors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'form');
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

export interface PledgeFormValues {
  quantity: string;
  deliveryMethod: DeliveryMethod | '';
  expectedDate: string;
  message: string;
  anonymous: boolean;
  donorName: string;
  contactPhone: string;
  /** General pledges only (no need). */
  kind: NeedKind | '';
  unit: string;
}

export type PledgeRequest = z.input<typeof ZPledgeRequest>;

/** Validates the pledge form with the contract's own schema (same Chinese messages as the server). */
export function parsePledge(
  values: PledgeFormValues,
  target: { stationId: string; needId?: string },
): { ok: true; request: PledgeRequest } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const quantity = wholeNumber(values.quantity);
  if (quantity === null) errors.quantity = values.quantity.trim() ? '数量须为整数' : '请填写数量';
  if (!values.deliveryMethod) errors.deliveryMethod = '请选择送达方式';
  if (!values.expectedDate) errors.expectedDate = '请选择预计送达日期';
  if (!target.needId && !values.kind) errors.kind = '请选择捐赠类型';
  const request = {
    stationId: target.stationId,
    ...(target.needId ? { needId: target.needId } : {}),
    data: {
      quantity: quantity ?? 0,
      deliveryMethod: values.deliveryMethod || 'drop_off',
      expectedDate: instantOfDate(values.expectedDate) || '1970-01-01T00:00:00Z',
      message: values.message,
      anonymous: values.anonymous,
      donorName: values.donorName,
      contactPhone: values.contactPhone.trim(),
      ...(target.needId ? {} : { kind: values.kind || undefined, unit: values.unit }),
    },
  };
  const parsed = ZPledgeRequest.safeParse(request);
  const all = parsed.success ? errors : { ...fieldErrors(parsed.error), ...errors };
  if (Object.keys(all).length) return { ok: false, errors: all };
  return { ok: true, request: request as PledgeRequest };
}

export interface NeedFormValues {
  title: string;
  kind: NeedKind | '';
  unit: string;
  targetQuantity: string;
  /** 元 per unit as typed (converted to integer fen); funds needs are fixed at 1 元. */
  unitValueYuan: string;
  deadline: string;
  beneficiaryGroup: string;
  description: string;
  charityId: string;
}

export type NeedInput = z.output<typeof ZNeedInput>;

/** `12` / `12.5` / `12.50` 元 → integer fen without floating point; null otherwise. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,8})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Validates the need form with the SAME `ZNeedInput` schema the server parses. */
export function parseNeed(values: NeedFormValues): { ok: true; input: NeedInput } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const target = wholeNumber(values.targetQuantity);
  if (target === null) errors.targetQuantity = values.targetQuantity.trim() ? '数量须为整数' : '请填写目标数量';
  const funds = values.kind === 'funds_via_charity';
  const fen = funds ? 100 : values.unitValueYuan.trim() === '' ? 0 : yuanToFen(values.unitValueYuan);
  if (fen === null) errors.unitValueFen = '单价请填写金额，如 35 或 35.50';
  if (!values.deadline) errors.deadline = '请选择截止日期';
  if (funds && !values.charityId) errors.charityId = '资金类需求须选择慈善组织';
  const parsed = ZNeedInput.safeParse({
    title: values.title,
    kind: values.kind || undefined,
    unit: funds ? '元' : values.unit,
    targetQuantity: target ?? 0,
    unitValueFen: fen ?? 0,
    deadline: instantOfDate(values.deadline, '23:59') || '1970-01-01T00:00:00Z',
    beneficiaryGroup: values.beneficiaryGroup,
    description: values.description,
    ...(funds && values.charityId ? { charityId: values.charityId } : {}),
  });
  const all = parsed.success ? errors : { ...fieldErrors(parsed.error), ...errors };
  if (Object.keys(all).length || !parsed.success) return { ok: false, errors: all };
  return { ok: true, input: parsed.data };
}
