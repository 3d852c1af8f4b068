// Errors are values with stable codes: nothing here throws on bad input. A ballot problem makes that ballot
// invalid (counted and reported by code); a definition problem means there is nothing to count.

export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): { readonly ok: true; readonly value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { readonly ok: false; readonly error: E } => ({ ok: false, error });

/** Why one ballot's choice is invalid. */
export type BallotErrorCode =
  /** The weight is not a positive whole number. */
  | 'weight'
  /** Yes/no: not one of "yes", "no", "abstain". */
  | 'unknown-answer'
  /** Approval: not a list of option ids. */
  | 'not-a-list'
  /** An entry is not a string. */
  | 'not-an-option'
  /** An option id the question does not have. */
  | 'unknown-option'
  /** Approval: the same option twice. */
  | 'duplicate-option'
  /** Choose-one: more than one option. */
  | 'too-many-choices';

export interface BallotError {
  readonly code: BallotErrorCode;
  readonly message: string;
}

/** Why a question (or its count's options) cannot be counted. */
export type QuestionErrorCode =
  'kind' | 'id' | 'options' | 'majority' | 'abstentions' | 'winners' | 'quorum' | 'eligible' | 'amendment';

export interface QuestionError {
  readonly code: QuestionErrorCode;
  readonly message: string;
}

export const ballotError = (code: BallotErrorCode, message: string): BallotError => ({ code, message });
export const questionError = (code: QuestionErrorCode, message: string): QuestionError => ({ code, message });
