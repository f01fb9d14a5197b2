/** True when the SDK threw CloudBase's duplicate-key error (unique index or existing `_id`). */
export function isDuplicateWrite(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_DUPLICATE_WRITE';
}

/** True when a transaction lost a write conflict (the SDK retries these itself first). */
export function isTransactionConflict(err: unknown): boolean {
  return errorCode(err) === 'DATABASE_TRANSACTION_CONFLICT';
}

/** The CloudBase error code the SDK attaches to a thrown error, if any. */
export function errorCode(err: unknown): string | undefined {
  if (err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string') {
    return (err as { code: string }).code;
  }
  return undefined;
}
