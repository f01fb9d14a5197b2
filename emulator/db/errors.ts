/**
 * Error codes the emulator answers with. They are the codes real CloudBase puts in
 * `{ requestId, code, message }`; the SDK turns such an answer into a thrown `TcbError`
 * whose `code` is this string.
 */
export type DbErrorCode =
  | 'INVALID_PARAM'
  | 'INVALID_ACTION'
  | 'DATABASE_COLLECTION_NOT_EXIST'
  | 'DATABASE_COLLECTION_ALREADY_EXIST'
  | 'DATABASE_DUPLICATE_WRITE'
  | 'DATABASE_TRANSACTION_CONFLICT'
  | 'DATABASE_TRANSACTION_FAIL'
  | 'DATABASE_REQUEST_FAILED'
  | 'SYS_ERR';

/** An error that travels to the SDK as `{ requestId, code, message }`. */
export class DbError extends Error {
  readonly code: DbErrorCode;
  /**
   * Why the emulator refused, where CloudBase's message is a fixed sentence that does not say
   * (transaction errors). Kept for debugging; never sent.
   */
  readonly detail?: string;

  constructor(code: DbErrorCode, message: string, detail?: string) {
    super(message);
    this.name = 'DbError';
    this.code = code;
    this.detail = detail;
  }
}

/**
 * CloudBase's messages for a transaction conflict and for a transaction the server no longer has,
 * word for word: its SDK's own suite asserts them against a real environment
 * (TencentCloudBase/node-sdk, test/database/unit/transaction.test.ts, "读偏" and
 * "事务提交后, 不能进行其它操作").
 */
export const TRANSACTION_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';
export const TRANSACTION_NOT_EXIST_MESSAGE =
  '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds. Please check your request, but if the problem persists, contact us.';

/** Shorthand for the error every operation on an unknown collection answers with. */
export function collectionNotExist(name: string): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Create the collection first (config/database.json or db.createCollection).`,
  );
}

/** Shorthand for a write-write or read-write conflict that aborted a transaction. */
export function transactionConflict(detail: string): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', TRANSACTION_CONFLICT_MESSAGE, detail);
}
