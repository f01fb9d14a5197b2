import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { Contract, Envelope } from '../../shared/contracts/common';
import { AppError, isAppError, type FieldErrors } from '../../shared/errors';
import { assertAccess, resolveCaller, type Caller } from './caller';
import { getDeps, isTimerInvocation, openidFromContext, type Deps } from './deps';
import { isTransactionConflict } from './repositories/db-errors';

/** One use case: receives dependencies, the resolved caller and the parsed request. */
export type Action<C extends Contract, K extends keyof C['actions']> = (
  deps: Deps,
  caller: Caller,
  input: z.output<C['actions'][K]['request']>,
) => Promise<z.input<C['actions'][K]['response']> | DateFields<z.input<C['actions'][K]['response']>>>;

/** Actions may return Dates where the wire carries ISO strings; the handler serialises them. */
type DateFields<T> = T extends string ? string | Date : T extends object ? { [K in keyof T]: DateFields<T[K]> } : T;

/** The implementation of every action a contract declares. */
export type ActionMap<C extends Contract> = { [K in keyof C['actions']]: Action<C, K> };

/**
 * A cloud function's `main`: parse the event with the contract, identify the caller from the
 * platform context, call one action, validate the answer against the contract and wrap it in the
 * envelope. Every failure becomes a coded error; nothing unexpected escapes as a stack.
 */
export function defineHandler<C extends Contract>(
  contract: C,
  actions: ActionMap<C>,
  options: { timers?: Record<string, TimerJob> } = {},
) {
  return async function main(event: unknown, context: unknown): Promise<Envelope<unknown>> {
    const requestId = requestIdOf(context);
    try {
      const timer = timerOf(event, context, options.timers);
      if (timer) return { ok: true, data: await timer(getDeps()) };
      const { name, data } = readEvent(contract, event);
      const spec = contract.actions[name]!;
      const openid = openidFromContext(context);
      if (spec.access !== 'public' && !openid) throw new AppError('UNAUTHENTICATED');
      const input = parseInput(spec.request, data);
      const deps = getDeps();
      const caller = await resolveCaller(deps, openid);
      assertAccess(caller, spec.access);
      const result = await (actions[name] as Action<C, string>)(deps, caller, input as never);
      const parsed = spec.response.safeParse(JSON.parse(JSON.stringify(result)));
      if (!parsed.success) {
        throw new Error(`response of ${contract.name}.${name} broke its contract: ${z.prettifyError(parsed.error)}`);
      }
      return { ok: true, data: parsed.data };
    } catch (err) {
      return { ok: false, error: toWireError(err, requestId, contract.name) };
    }
  };
}

/** A scheduled job, run by a CloudBase timer trigger (and by the local gateway on the same cron). */
export type TimerJob = (deps: Deps) => Promise<unknown>;

/**
 * The job for a timer invocation, or undefined. CloudBase calls timers with
 * `{ Type: 'Timer', TriggerName }` as the event and marks the invocation itself with
 * `TRIGGER_SRC=timer` in its context; the event alone is whatever a caller chose to send, so a
 * timer-shaped event from a mini-program, an HTTP caller or the local gateway is never a timer.
 */
function timerOf(event: unknown, context: unknown, timers: Record<string, TimerJob> | undefined): TimerJob | undefined {
  if (!timers || !event || typeof event !== 'object') return undefined;
  const { Type, TriggerName } = event as { Type?: unknown; TriggerName?: unknown };
  if (Type !== 'Timer' || typeof TriggerName !== 'string') return undefined;
  if (!isTimerInvocation(context) || openidFromContext(context)) return undefined;
  return Object.prototype.hasOwnProperty.call(timers, TriggerName) ? timers[TriggerName] : undefined;
}

function readEvent<C extends Contract>(
  contract: C,
  event: unknown,
): { name: keyof C['actions'] & string; data: unknown } {
  if (!event || typeof event !== 'object' || Array.isArray(event)) {
    throw new AppError('INVALID_INPUT', { detail: 'event is not an object' });
  }
  const { action, data } = event as { action?: unknown; data?: unknown };
  if (typeof action !== 'string' || !Object.prototype.hasOwnProperty.call(contract.actions, action)) {
    throw new AppError('UNKNOWN_ACTION', { detail: `unknown action ${String(action).slice(0, 60)}` });
  }
  return { name: action, data: data === undefined ? {} : data };
}

function parseInput(schema: z.ZodType, data: unknown): unknown {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    fields[key] ??= issue.message;
  }
  throw new AppError('INVALID_INPUT', { fields, detail: z.prettifyError(parsed.error).slice(0, 500) });
}

function toWireError(err: unknown, requestId: string, fn: string): Extract<Envelope<never>, { ok: false }>['error'] {
  if (isAppError(err)) {
    return { code: err.code, userMessage: err.userMessage, requestId, ...(err.fields ? { fields: err.fields } : {}) };
  }
  if (isTransactionConflict(err)) {
    return { code: 'CONFLICT', userMessage: new AppError('CONFLICT').userMessage, requestId };
  }
  console.error(`[${fn}] request ${requestId} failed: ${describeFailure(err)}`);
  return { code: 'INTERNAL', userMessage: new AppError('INTERNAL').userMessage, requestId };
}

/**
 * What an unexpected failure leaves in the function log: its code, message and stack, never the
 * error object itself, whose other properties (a driver's request options, a document) may hold
 * the request's personal data.
 */
function describeFailure(err: unknown): string {
  if (!(err instanceof Error)) return `non-error thrown (${typeof err})`;
  const code = (err as { code?: unknown }).code;
  const head = `${err.name}${typeof code === 'string' || typeof code === 'number' ? ` ${code}` : ''}: ${err.message}`;
  return err.stack ? `${head}\n${err.stack}` : head;
}

function requestIdOf(context: unknown): string {
  const id = context && typeof context === 'object' ? (context as { request_id?: unknown }).request_id : undefined;
  return typeof id === 'string' && id.length > 0 && id.length < 100 ? id : randomUUID();
}
