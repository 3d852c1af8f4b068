// Errors are values with stable codes: parsers and the counter throw only these, never a bare crash.

export type StvErrorCode =
  | 'blt-header'
  | 'blt-option'
  | 'blt-ballot'
  | 'blt-weight'
  | 'blt-candidate'
  | 'blt-duplicate'
  | 'blt-names'
  | 'blt-unterminated'
  | 'json-ballots'
  | 'seats'
  | 'unsupported-ranking'
  | 'constraint'
  | 'rule'
  | 'decimal';

/** Bad input: names the line and column (1-based) when it comes from a file. */
export class StvInputError extends Error {
  override readonly name = 'StvInputError';
  constructor(
    readonly code: StvErrorCode,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `line ${line}, column ${column ?? 1}: ${message}`);
  }
}
