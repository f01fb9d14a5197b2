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

  constructor(code: DbErrorCode, message: string) {
    super(message);
    this.name = 'DbError';
    this.code = code;
  }
}

/** Shorthand for the error every operation on an unknown collection answers with. */
export function collectionNotExist(name: string): DbError {
  return new DbError(
    'DATABASE_COLLECTION_NOT_EXIST',
    `[ResourceNotFound] Db or Table not exist: ${name}. Create the collection first (config/database.json or db.createCollection).`,
  );
}

/** Shorthand for a write-write or read-write conflict that aborted a transaction. */
export function transactionConflict(detail: string): DbError {
  return new DbError('DATABASE_TRANSACTION_CONFLICT', `database transaction conflict: ${detail}`);
}
