import type { Envelope } from '../../shared/contracts/common';
import { ERROR_MESSAGES, isErrorCode, type ErrorCode, type FieldErrors } from '../../shared/errors';

/** Shown when the request never got an answer (offline, timeout, DNS, gateway down). */
export const NETWORK_MESSAGE = '网络连接不畅，请检查网络后重试';

/**
 * A failed call as pages see it: the wire error's code (from the closed list in shared/errors),
 * the Chinese message to show, the request id to quote to support, and per-field messages for
 * `INVALID_INPUT`. Transport failures arrive as `INTERNAL` with a network message.
 */
export class CloudError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly requestId: string;
  readonly fields?: FieldErrors;

  constructor(code: ErrorCode, opts: { userMessage?: string; requestId?: string; fields?: FieldErrors } = {}) {
    super(`${code}: ${opts.userMessage ?? ERROR_MESSAGES[code]}`);
    this.name = 'CloudError';
    this.code = code;
    this.userMessage = opts.userMessage || ERROR_MESSAGES[code];
    this.requestId = opts.requestId ?? '';
    this.fields = opts.fields;
  }
}

/** A CloudError for a request that got no usable answer. */
export function networkError(): CloudError {
  return new CloudError('INTERNAL', { userMessage: NETWORK_MESSAGE });
}

/** Any thrown value as a CloudError, so pages only ever show a code's Chinese words. */
export function toCloudError(error: unknown): CloudError {
  if (error instanceof CloudError) return error;
  return new CloudError('INTERNAL');
}

/**
 * The `data` of a wire envelope, or the CloudError it carries. A code outside the closed list
 * (an older or newer backend) becomes `INTERNAL` but keeps the server's message and request id.
 */
export function unwrapEnvelope<T>(envelope: unknown): T {
  if (typeof envelope !== 'object' || envelope === null || typeof (envelope as { ok?: unknown }).ok !== 'boolean') {
    throw new CloudError('INTERNAL');
  }
  const answer = envelope as Envelope<T>;
  if (answer.ok) return answer.data;
  const { code, userMessage, requestId, fields } = answer.error ?? {};
  throw new CloudError(isErrorCode(code) ? code : 'INTERNAL', { userMessage, requestId, fields });
}
