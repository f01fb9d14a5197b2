import type { z } from 'zod';
import './zod-setup';
import { ZPlaceForResidentRequest, ZPlaceOrderRequest } from '../../../../shared/contracts/orders';
import type { DeliveryMode, PreferredTime, ProxyVia, Relationship } from '../../../../shared/domain/orders';

export type Errors = Record<string, string>;

/** What the order form holds (text as typed). */
export interface OrderFormValues {
  title: string;
  description: string;
  preferredTime: PreferredTime;
  timeNote: string;
  contactPhone: string;
  address: string;
  delivery: DeliveryMode | '';
  urgent: boolean;
  photoFileId: string;
  /** 为家人点单 */
  forOther: boolean;
  recipientName: string;
  relationship: Relationship | '';
  /** 代点单 (staff) */
  via: ProxyVia | '';
}

/** First message per field of a failed parse, keyed by the field (its last path segment). */
function fieldErrors(error: z.ZodError): Errors {
  const out: Errors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[issue.path.length - 1] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}

type Target = { stationId: string; itemId?: string; clientKey: string; homeService: boolean };

/**
 * The order form checked with the SAME schema the function parses with (same Chinese messages),
 * plus what the server checks against the menu (an address for a home service).
 */
export function parseOrderForm(
  values: OrderFormValues,
  target: Target,
  mode: 'resident' | 'proxy',
):
  | { ok: true; kind: 'resident'; request: z.input<typeof ZPlaceOrderRequest> }
  | { ok: true; kind: 'proxy'; request: z.input<typeof ZPlaceForResidentRequest> }
  | { ok: false; errors: Errors } {
  const common = {
    stationId: target.stationId,
    ...(target.itemId ? { itemId: target.itemId } : { title: values.title }),
    description: values.description,
    preferredTime: values.preferredTime,
    timeNote: values.timeNote,
    contactPhone: values.contactPhone.trim(),
    address: values.address,
    ...(values.delivery ? { delivery: values.delivery } : {}),
    urgent: values.urgent,
    ...(values.photoFileId ? { photoFileId: values.photoFileId } : {}),
    clientKey: target.clientKey,
  };
  const extra: Errors = {};
  if (target.homeService && !values.address.trim()) extra.address = '上门服务请填写地址';
  if (mode === 'proxy') {
    if (!values.via) extra.via = '请选择登记方式';
    const request = { ...common, via: values.via || 'phone', recipientName: values.recipientName };
    const parsed = ZPlaceForResidentRequest.safeParse(request);
    const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...extra };
    return Object.keys(errors).length ? { ok: false, errors } : { ok: true, kind: 'proxy', request };
  }
  if (values.forOther && !values.relationship) extra.relationship = '请选择与服务对象的关系';
  const request = {
    ...common,
    ...(values.forOther
      ? { forOther: { recipientName: values.recipientName, relationship: values.relationship || 'child' } }
      : {}),
  };
  const parsed = ZPlaceOrderRequest.safeParse(request);
  const errors = { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...extra };
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, kind: 'resident', request };
}

/** A fresh idempotency key for one form (a double tap or a retry sends the same order once). */
export function newClientKey(): string {
  return `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}
