// The shared vocabulary of the question counter: what a question is, what a ballot holds, what a count reports.
// Definitions (this file) are checked by define.ts; choices are parsed by choice.ts; count.ts turns a question and
// its ballots into a `QuestionReport`; render/*.ts turn a report into a table or plain English.

/** A whole number of votes, as printed: "41", "0". Weights are exact (BigInt); no fractions ever appear. */
export type DecimalString = string;

/** One answer a member may choose; `id` is what ballots carry, `name` what people read. */
export interface QuestionOption {
  readonly id: string;
  readonly name: string;
}

/**
 * The majority a yes/no question needs:
 * - `simple`: more yes than no (yes > 1/2 of the base);
 * - `two-thirds`: yes >= 2/3 of the base (exactly two thirds carries);
 * - `of-eligible`: yes > 1/2 of the eligible roll's weight (abstaining or not voting counts against).
 */
export type Majority = 'simple' | 'two-thirds' | 'of-eligible';

/**
 * Whether abstentions (and blank choose-one ballots) are part of the base a fraction is taken of:
 * `excluded` (the usual rule for motions: "of those voting", i.e. for and against) or `included` ("of the
 * valid votes cast", so an abstention weighs like a vote against). Ignored by `of-eligible`.
 */
export type Abstentions = 'excluded' | 'included';

/** Minimum turnout: an absolute weight, or a fraction of the eligible roll's weight (reached when equal). */
export type Quorum =
  | { readonly kind: 'weight'; readonly weight: bigint }
  | { readonly kind: 'fraction-of-eligible'; readonly numerator: number; readonly denominator: number };

interface QuestionBase {
  /** Stable identifier (what ballots and amendments refer to). */
  readonly id: string;
  readonly title: string;
  readonly quorum?: Quorum;
}

/** A motion or proposal: each ballot says `yes`, `no` or `abstain`. */
export interface YesNoQuestion extends QuestionBase {
  readonly kind: 'yes-no-abstain';
  readonly majority: Majority;
  /** Default `excluded`. */
  readonly abstentions?: Abstentions;
}

/** Approval: each ballot lists any number of distinct option ids (none at all is an abstention). */
export interface ApprovalQuestion extends QuestionBase {
  readonly kind: 'approval';
  readonly options: readonly QuestionOption[];
  /** Choose this many winners by highest totals (ties at the cut decided by lot); omitted: totals only. */
  readonly winners?: number;
}

/** Plurality: each ballot names one option id, or `null` (a blank ballot, i.e. an abstention). */
export interface ChooseOneQuestion extends QuestionBase {
  readonly kind: 'choose-one';
  readonly options: readonly QuestionOption[];
  /** The winner must have more than half of the base (see `abstentions`); otherwise no one is chosen. */
  readonly requireMajority?: boolean;
  /** Default `excluded`; matters only with `requireMajority`. */
  readonly abstentions?: Abstentions;
}

export type Question = YesNoQuestion | ApprovalQuestion | ChooseOneQuestion;
export type QuestionKind = Question['kind'];

/** One ballot's answer to one question, as decrypted; `choice` is checked by `parseChoice`. */
export interface CastBallot {
  /** A delegate's number of votes; default 1. Must be a positive whole number. */
  readonly weight?: bigint;
  readonly choice: unknown;
}

export interface CountOptions {
  /** Total weight of the eligible roll: needed by `of-eligible` and by a fractional quorum. */
  readonly eligible?: bigint;
  /** Seed of the published lot for ties (Openslate passes the sealed log root); recorded in the report. */
  readonly seed?: string;
}

/** A fraction as printed in reports: { numerator: "2", denominator: "3" }. */
export interface FractionReport {
  readonly numerator: string;
  readonly denominator: string;
}

export interface TurnoutReport {
  /** Weight of every ballot received for the question: valid (including abstentions) and invalid. */
  readonly received: DecimalString;
  readonly valid: DecimalString;
  readonly invalid: DecimalString;
  /** Invalid weight by the code of the problem found, e.g. { "duplicate-option": "2" }. */
  readonly invalidByCode: Readonly<Record<string, DecimalString>>;
  /** The eligible roll's weight, when given. */
  readonly eligible: DecimalString | null;
}

export interface QuorumReport {
  /** The rule in words: "at least 30 votes", "at least one third of the 90 eligible votes". */
  readonly words: string;
  readonly fraction: FractionReport | null;
  /** The least turnout that reaches the quorum. */
  readonly required: DecimalString;
  readonly turnout: DecimalString;
  readonly reached: boolean;
}

/** The votes a fraction is taken of: yes + no; every option's votes (choose-one); all valid; the roll. */
export type ThresholdBase = 'for-and-against' | 'for-options' | 'valid-votes' | 'eligible';

export interface ThresholdReport {
  /** `majority` is choose-one's majority requirement. */
  readonly rule: Majority | 'majority';
  readonly fraction: FractionReport;
  /** `more-than` (strictly) or `at-least` (equal is enough). */
  readonly comparison: 'more-than' | 'at-least';
  readonly base: ThresholdBase;
  /** The weight the fraction is taken of. */
  readonly baseVotes: DecimalString;
  /** The weight that has to meet it (yes, or the leading option). */
  readonly votes: DecimalString;
  /** The least `votes` that meets it, for this base (display only; `met` is decided by cross-multiplication). */
  readonly needed: DecimalString;
  readonly met: boolean;
  /** "at least two thirds of the votes for and against". */
  readonly words: string;
}

export interface OptionTotal {
  readonly id: string;
  readonly name: string;
  readonly votes: DecimalString;
}

/** A tie settled by the published lot (packages/stv's lot: stage 1, options numbered from 1 in question order). */
export interface LotDraw {
  /** Tied option ids, in question order. */
  readonly between: readonly string[];
  /** How many of them were to be chosen. */
  readonly places: number;
  /** SHA-256 tickets, one per `between` entry; the smallest are drawn. */
  readonly tickets: readonly string[];
  /** Drawn option ids, smallest ticket first. */
  readonly chosen: readonly string[];
}

interface ReportBase {
  readonly id: string;
  readonly title: string;
  /** Everything besides the ballots that decides the result, e.g. { majority: "two-thirds" }. */
  readonly parameters: Readonly<Record<string, string>>;
  readonly turnout: TurnoutReport;
  readonly quorum: QuorumReport | null;
  /** Weight of every option (yes/no for a motion), in question order. */
  readonly totals: readonly OptionTotal[];
  /** Valid ballots that chose nothing: `abstain`, an empty approval list, a blank choose-one. */
  readonly abstained: DecimalString;
  /**
   * Motion: the threshold was met and the quorum reached. Approval and choose-one: the result stands (quorum
   * reached and, when winners are wanted, they could be chosen).
   */
  readonly carried: boolean;
  /** The lot's seed; null if no lot was drawn. */
  readonly seed: string | null;
  readonly lots: readonly LotDraw[];
}

export interface YesNoReport extends ReportBase {
  readonly kind: 'yes-no-abstain';
  readonly threshold: ThresholdReport;
}

export interface ApprovalReport extends ReportBase {
  readonly kind: 'approval';
  readonly winnersWanted: number | null;
  /** Option ids, highest total first. */
  readonly winners: readonly string[];
}

export interface ChooseOneReport extends ReportBase {
  readonly kind: 'choose-one';
  /** With `requireMajority`: the leading option's majority test. */
  readonly threshold: ThresholdReport | null;
  /** The chosen option id, or null (no votes, no majority, or quorum not reached). */
  readonly winner: string | null;
}

export type QuestionReport = YesNoReport | ApprovalReport | ChooseOneReport;
