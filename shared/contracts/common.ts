import * as z from 'zod';
import { zhCN } from 'zod/locales';
import { containsPaymentNumber, PAYMENT_NUMBER_MESSAGE } from '../domain/payment-numbers';

// Validation messages in Chinese on both sides: forms and INVALID_INPUT field details read naturally.
z.config(zhCN());

/** Who may call an action: anyone, any signed-in person, or someone holding a staff grant somewhere. */
export type Access = 'public' | 'user' | 'staff';

/** One action of a cloud function: its request and response schemas and who may call it. */
export interface ActionSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  access: Access;
}

/** The deployable cloud functions, one per bounded context. */
export const FUNCTION_NAMES = [
  'accounts',
  'stations',
  'activities',
  'volunteering',
  'donations',
  'reports',
  'targets',
  'orders',
] as const;
export type FunctionName = (typeof FUNCTION_NAMES)[number];

/** A function's contract: its name and its actions. */
export interface Contract<A extends Record<string, ActionSpec> = Record<string, ActionSpec>> {
  name: FunctionName;
  actions: A;
}

/** Declares a contract; kept as a function so the action map keeps its literal types. */
export function defineContract<const A extends Record<string, ActionSpec>>(
  name: FunctionName,
  actions: A,
): Contract<A> {
  return { name, actions };
}

/** What the client passes for `action` of contract `C` (defaults still optional). */
export type RequestOf<C extends Contract, K extends keyof C['actions']> = z.input<C['actions'][K]['request']>;
/** What the function answers for `action` of contract `C`. */
export type ResponseOf<C extends Contract, K extends keyof C['actions']> = z.output<C['actions'][K]['response']>;

/** Document ids: CloudBase auto ids, deterministic ids and seed codes — never free text. */
export const ZId = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'ID 格式不正确');

/** Instants cross the wire as ISO-8601 strings (dates are stored as Dates). */
export const ZInstant = z.iso.datetime({ offset: true });

/**
 * A single-line text field a person types: trimmed, non-empty, bounded, and never carrying a card
 * or account number (`containsPaymentNumber`). Structured values (ids, phones, receipt numbers)
 * have their own schemas.
 */
export function text(max: number, label: string) {
  return z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)
    .refine((value) => !containsPaymentNumber(value), PAYMENT_NUMBER_MESSAGE);
}

/** An optional multi-line text field a person types, bounded and screened like {@link text}. */
export function longText(max: number, label: string) {
  return z
    .string()
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .refine((value) => !containsPaymentNumber(value), PAYMENT_NUMBER_MESSAGE);
}

/** Mainland mobile number. */
export const ZPhone = z.string().regex(/^1[3-9]\d{9}$/, '请输入11位手机号');

/** Page parameters: 1-based page, at most 50 rows. */
export const ZPageRequest = {
  page: z.int().min(1).max(10000).default(1),
  pageSize: z.int().min(1).max(50).default(20),
};

/** A page of `item`s with the total so lists can say "共 N 条" and stop loading. */
export function paged<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int().min(0),
    page: z.int(),
    pageSize: z.int(),
    hasMore: z.boolean(),
  });
}

/** The wire envelope of every answer. */
export type Envelope<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: string; userMessage: string; requestId: string; fields?: Record<string, string> } };
