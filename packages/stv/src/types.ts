// The shared vocabulary of the counter: what an election is, what a count produces.
// Parsers (blt.ts, json-ballots.ts) produce an `Election`; rules (rules/*.ts) turn it into a `Report`;
// renderers (render/*.ts) turn a `Report` into JSON, text, CSV or plain English.

/** A candidate's position in `Election.candidates` (0-based; BLT numbers candidates from 1). */
export type CandidateId = number & { readonly __brand: 'CandidateId' };
export const candidateId = (index: number): CandidateId => index as CandidateId;

export interface Candidate {
  readonly id: CandidateId;
  /** Exactly as in the input, byte for byte (BLT names may carry double spaces or double-encoded UTF-8). */
  readonly name: string;
  /** The second quoted string on a BLT candidate line (party), when present. */
  readonly affiliation?: string;
  /** Attributes used by constraints, e.g. `{ gender: 'woman' }`. */
  readonly attributes: Readonly<Record<string, string>>;
}

/** One position in a ranking; more than one candidate is an equal ranking (`2=3` in BLT). */
export type Preference = readonly CandidateId[];

export interface Ballot {
  /** How many voters cast this ranking (identical ballots are grouped), or a weighted voter's weight. */
  readonly weight: bigint;
  /** Highest preference first. */
  readonly preferences: readonly Preference[];
}

export interface Election {
  readonly title: string;
  readonly seats: number;
  readonly candidates: readonly Candidate[];
  /** Withdrawn candidates: never elected, skipped on every ballot. */
  readonly withdrawn: readonly CandidateId[];
  readonly ballots: readonly Ballot[];
  /** An explicit tie-break order given with the ballots (BLT `[tie]`): the earliest tied candidate is chosen. */
  readonly tieOrder?: readonly CandidateId[];
}

export type RuleName = 'scottish' | 'ers97' | 'wigm' | 'meek';

/** "At least `min` / at most `max` of the seats go to candidates whose `attribute` is `value`." */
export interface Constraint {
  readonly attribute: string;
  readonly value: string;
  readonly min?: number;
  readonly max?: number;
}

export interface CountOptions {
  readonly rule: RuleName;
  /** Overrides `Election.seats`. */
  readonly seats?: number;
  readonly constraints?: readonly Constraint[];
  /** Seed of the published lot used for ties nothing else breaks; recorded in the report. */
  readonly seed?: string;
}

/** A non-negative or signed decimal at the rule's precision, as printed: "1062.72107", "1799", "-353.00000". */
export type DecimalString = string;

export type StageAction =
  | { readonly kind: 'first-preferences' }
  | {
      readonly kind: 'surplus';
      readonly candidate: CandidateId;
      readonly surplus: DecimalString;
      readonly transferValue?: DecimalString;
    }
  /** More than one candidate when a rule excludes in bulk (ERS97 5.2.5) or a constraint excludes a group. */
  | {
      readonly kind: 'exclusion';
      readonly candidates: readonly CandidateId[];
      /** ERS97 5.4: the value of each paper in the batch transferred at this stage (one stage per batch). */
      readonly transferValue?: DecimalString;
    }
  /** A diversity-constraint action (see docs/counting-rules.md), e.g. excluding everyone outside a group. */
  | {
      readonly kind: 'constraint';
      readonly constraint: Constraint;
      readonly candidates: readonly CandidateId[];
      readonly description: string;
    }
  /** Meek: one round of keep-factor iteration ending in an election or an exclusion. */
  | { readonly kind: 'iteration'; readonly iterations: number }
  /** Remaining seats filled by the continuing candidates (or the rest excluded) without a transfer. */
  | { readonly kind: 'fill-remaining'; readonly candidates: readonly CandidateId[] };

/** `threshold`: elected on ERS97's lower threshold for the last places (5.1.7(b), 5.6.1), below the quota. */
export type ElectionReason = 'quota' | 'threshold' | 'remaining-seats' | 'constraint';
export type ExclusionReason = 'lowest' | 'bulk' | 'constraint' | 'withdrawn';

export interface TieBreak {
  /** What the tie decided. */
  readonly purpose: 'surplus-order' | 'exclusion' | 'election';
  readonly between: readonly CandidateId[];
  /** How it was decided: an earlier stage (rule-specific direction), the ballot file's tie order, or by lot. */
  readonly method: 'earlier-stage' | 'tie-order' | 'lot';
  /** The stage consulted when `method` is 'earlier-stage'. */
  readonly stage?: number;
  readonly chosen: CandidateId;
}

export interface Stage {
  /** 1 = first preferences. */
  readonly number: number;
  readonly action: StageAction;
  /** Every candidate's total after this stage, indexed by CandidateId, at the rule's precision. */
  readonly votes: readonly DecimalString[];
  /** Change since the previous stage, indexed by CandidateId (all "0" at stage 1). */
  readonly transferred: readonly DecimalString[];
  /** Cumulative votes that could not pass on (no further preference). */
  readonly nonTransferable: DecimalString;
  /** Cumulative votes lost to rounding (dropped remainders). */
  readonly roundingLoss: DecimalString;
  /** Quota in force at this stage (it changes during a Meek count). */
  readonly quota: DecimalString;
  /** Meek keep factors, indexed by CandidateId. */
  readonly keepFactors?: readonly DecimalString[];
  readonly elected: readonly { readonly candidate: CandidateId; readonly reason: ElectionReason }[];
  readonly excluded: readonly { readonly candidate: CandidateId; readonly reason: ExclusionReason }[];
  readonly ties: readonly TieBreak[];
}

export interface Report {
  readonly rule: RuleName;
  /** Everything that determines the count besides the ballots, e.g. `{ precision: '5', quota: 'droop-integer' }`. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly title: string;
  readonly seats: number;
  readonly candidates: readonly Candidate[];
  readonly withdrawn: readonly CandidateId[];
  readonly constraints: readonly Constraint[];
  readonly validVotes: DecimalString;
  /** The quota at stage 1 (for Meek, see each stage's `quota`). */
  readonly quota: DecimalString;
  /** The lot's seed; null if no lot was needed. */
  readonly seed: string | null;
  readonly stages: readonly Stage[];
  /** In order of election. */
  readonly elected: readonly CandidateId[];
}
