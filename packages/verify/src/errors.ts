// Every verification failure is a value with a stable code and a message naming what is wrong and where.
export type VerifyErrorCode =
  | 'TAR_MALFORMED'
  | 'BUNDLE_MISSING_FILE'
  | 'BUNDLE_MALFORMED'
  | 'BUNDLE_UNSUPPORTED_FORMAT'
  | 'LOG_INVALID'
  | 'COSIGNATURE_MISSING'
  | 'ENTRY_MALFORMED'
  | 'MANIFEST_MISMATCH'
  | 'SEQUENCE_ILLEGAL'
  | 'BALLOT_INVALID'
  | 'REVOTE_ORDER'
  | 'ROLL_MISMATCH'
  | 'CREDENTIAL_REUSED'
  | 'OVER_ISSUED'
  | 'SHARE_INVALID'
  | 'KEYS_MISMATCH'
  | 'KEY_NOT_RECONSTRUCTED'
  | 'BALLOT_UNDECRYPTABLE'
  | 'RESULT_MISMATCH'
  | 'BLT_MISMATCH'
  | 'RECEIPT_NOT_FOUND'
  | 'RECEIPT_NOT_COUNTED'
  | 'DERIVED_ROLL_MISMATCH'
  | 'PROPOSAL_ILLEGAL'
  | 'PROPOSAL_COUNT_MISMATCH'
  | 'PROPOSAL_DOUBLE_SUPPORT'
  | 'PROPOSAL_ELIGIBILITY_MISMATCH'
  | 'PROPOSAL_NOT_ELIGIBLE'
  | 'PROPOSAL_NOT_IN_MANIFEST'
  | 'PROPOSAL_OUTCOME_MISMATCH';

export class VerifyError extends Error {
  constructor(
    readonly code: VerifyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VerifyError';
  }
}

/** Throws a VerifyError unless the condition holds. */
export function check(condition: boolean, code: VerifyErrorCode, message: () => string): asserts condition {
  if (!condition) throw new VerifyError(code, message());
}
