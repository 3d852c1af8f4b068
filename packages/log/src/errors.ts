// Every failure in this package is a LogError with a stable `code`; callers branch on the code, people read the message.

export type LogErrorCode =
  | 'LOG_BAD_ARGUMENT'
  | 'LOG_BAD_HASH'
  | 'LOG_BAD_BASE64'
  | 'LOG_MALFORMED_NOTE'
  | 'LOG_MALFORMED_KEY'
  | 'LOG_UNKNOWN_KEY'
  | 'LOG_BAD_SIGNATURE'
  | 'LOG_MALFORMED_CHECKPOINT'
  | 'LOG_WRONG_ORIGIN'
  | 'LOG_MALFORMED_COSIGNATURE'
  | 'LOG_MALFORMED_TILE_PATH'
  | 'LOG_MALFORMED_TILE'
  | 'LOG_TRUNCATED_BUNDLE'
  | 'LOG_BUNDLE_WRONG_COUNT'
  | 'LOG_ENTRY_TOO_LARGE'
  | 'LOG_MISSING_TILE'
  | 'LOG_MISSING_HASH'
  | 'LOG_TILE_MISMATCH'
  | 'LOG_ROOT_MISMATCH'
  | 'LOG_PROOF_WRONG_SIZE'
  | 'LOG_PROOF_MISMATCH'
  | 'LOG_INCONSISTENT'
  | 'LOG_MALFORMED_ENTRY'
  | 'LOG_UNEXPECTED';

export class LogError extends Error {
  override readonly name = 'LogError';
  constructor(
    readonly code: LogErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Throws a LogError unless `condition` holds; keeps the many format checks one line each. */
export function check(condition: boolean, code: LogErrorCode, message: string): asserts condition {
  if (!condition) throw new LogError(code, message);
}

/** Turns anything thrown into a LogError; foreign exceptions keep their message under the `fallback` code. */
export function asLogError(e: unknown, fallback: LogErrorCode): LogError {
  if (e instanceof LogError) return e;
  return new LogError(fallback, e instanceof Error ? e.message : String(e));
}
