// Every check in this package fails closed with a stable, named code; callers branch on `code`, never on text.

export type BallotErrorCode =
  | 'MALFORMED_INPUT'
  | 'MALFORMED_KEY'
  | 'MALFORMED_CIPHERTEXT'
  | 'UNKNOWN_ISSUER_KEY'
  | 'BAD_ISSUER_SIGNATURE'
  | 'BAD_BALLOT_SIGNATURE'
  | 'BAD_MEMBER_SIGNATURE'
  | 'NON_CANONICAL_ENCODING'
  | 'SMALL_ORDER_POINT'
  | 'WRONG_ELECTION'
  | 'WRONG_WEIGHT'
  | 'CONTEST_NOT_ALLOWED'
  | 'REPLAYED_CIPHERTEXT'
  | 'DECRYPTION_FAILED'
  | 'BLIND_SIGNING_FAILED'
  | 'BAD_TRUSTEE_PROOF'
  | 'BAD_TRUSTEE_COMMITMENT'
  | 'BAD_TRUSTEE_SHARE'
  | 'NOT_ENOUGH_SHARES'
  | 'BAD_CEREMONY_PARAMETERS'
  | 'KEY_MISMATCH'
  | 'STALE_COUNTER';

export class BallotError extends Error {
  override readonly name = 'BallotError';
  constructor(
    readonly code: BallotErrorCode,
    message: string,
    /** The trustee at fault, for BAD_TRUSTEE_* codes. */
    readonly trustee?: number,
  ) {
    super(`${code}: ${message}`);
  }
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BallotError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(code: BallotErrorCode, message: string, trustee?: number): Result<T> => ({
  ok: false,
  error: new BallotError(code, message, trustee),
});

/** Runs `f`, turning any thrown error into a failed Result (`fallback` code unless it is a BallotError). */
export function attempt<T>(fallback: BallotErrorCode, f: () => T): Result<T> {
  try {
    return ok(f());
  } catch (e) {
    if (e instanceof BallotError) return { ok: false, error: e };
    return fail(fallback, e instanceof Error ? e.message : String(e));
  }
}
