// A question contest counted with packages/questions (docs/counting-rules.md, "Questions and proposals"): the
// manifest's contest as a Question, each decrypted choice as the answer packages/questions reads, the quorum of
// any contest. The API's count and the independent verifier run these same functions.
import {
  countQuestion,
  evaluateQuorum,
  parseChoice,
  questionError,
  renderQuestionExplanation,
  renderQuestionText,
  type Question,
  type QuestionError,
  type QuestionReport,
  type Quorum,
  type QuorumReport,
  type Result,
} from '@openslate/questions';
import type { ContestKind, ManifestContest, ManifestQuorum } from './manifest.js';

const ok = <T>(value: T) => ({ ok: true, value }) as const;

export type QuestionKind = Exclude<ContestKind, 'stv'>;

/** A contest's kind; manifests written before question contests have none: `stv`. */
export const contestKind = (contest: ManifestContest): ContestKind => contest.kind ?? 'stv';

/**
 * The plaintext a ballot carries for a question contest (encrypted exactly like an STV `{ ranking }`):
 * a motion `{ answer: 'yes' | 'no' | 'abstain' }`, approval `{ approve: [candidateId, …] }` (empty: abstain),
 * choose-one `{ choose: candidateId | null }` (null: a blank ballot).
 */
export type QuestionChoice =
  | { readonly answer: 'yes' | 'no' | 'abstain' }
  | { readonly approve: readonly string[] }
  | { readonly choose: string | null };

const CHOICE_FIELD = { 'yes-no-abstain': 'answer', approval: 'approve', 'choose-one': 'choose' } as const;

/** The answer inside a choice; anything not shaped as `QuestionChoice` gives undefined, which parseChoice refuses. */
export function answerOf(kind: QuestionKind, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return (value as Record<string, unknown>)[CHOICE_FIELD[kind]];
}

export const quorumOf = (q: ManifestQuorum): Quorum =>
  q.kind === 'weight' ? { kind: 'weight', weight: BigInt(q.weight) } : q;

/** The contest as packages/questions' Question (its candidates are the options). */
export function questionOf(contest: ManifestContest & { kind: QuestionKind }): Question {
  const s = contest.question ?? {};
  const base = {
    id: contest.id,
    title: contest.title,
    ...(contest.quorum && { quorum: quorumOf(contest.quorum) }),
  };
  const options = contest.candidates.map((c) => ({ id: c.id, name: c.name }));
  switch (contest.kind) {
    case 'yes-no-abstain':
      return { ...base, kind: contest.kind, majority: s.majority!, abstentions: s.abstentions };
    case 'approval':
      return { ...base, kind: contest.kind, options, ...(s.winners !== undefined && { winners: s.winners }) };
    case 'choose-one':
      return {
        ...base,
        kind: contest.kind,
        options,
        requireMajority: s.requireMajority === true,
        abstentions: s.abstentions,
      };
  }
}

/** One counted ballot's choice for the contest (undefined: the ballot has none) and its credential's weight. */
export interface ContestChoice {
  readonly value: unknown;
  readonly weight: number;
}

export interface QuestionTally {
  readonly report: QuestionReport;
  readonly text: string;
  readonly explanation: string;
  /** Approval's winners, choose-one's winner; none for a motion. */
  readonly elected: readonly string[];
  /** Ballots (not weight) whose choice packages/questions refuses. */
  readonly invalid: number;
  /** Ballots without a choice for this contest, or that chose nothing (abstain, [], null). */
  readonly blank: number;
}

export interface CountContext {
  /** The published lot's seed: the sealed root. */
  readonly seed: string;
  /** The roll's total weight at the close (the close entry's `eligible`); absent in older logs. */
  readonly eligible?: bigint;
}

/** Counts a question contest; ballots without a choice for it were not received for it (not turnout). */
export function tallyQuestion(
  contest: ManifestContest & { kind: QuestionKind },
  choices: readonly ContestChoice[],
  context: CountContext,
): Result<QuestionTally, QuestionError> {
  const question = questionOf(contest);
  let invalid = 0;
  let blank = 0;
  const ballots = [];
  for (const { value, weight } of choices) {
    if (value === undefined) {
      blank++;
      continue;
    }
    const choice = answerOf(contest.kind, value);
    const parsed = parseChoice(question, choice);
    if (!parsed.ok) invalid++;
    else if (parsed.value.length === 0) blank++;
    ballots.push({ choice, weight: BigInt(weight) });
  }
  const counted = countQuestion(question, ballots, context);
  if (!counted.ok) return counted;
  const report = counted.value;
  const elected =
    report.kind === 'approval'
      ? report.winners
      : report.kind === 'choose-one' && report.winner
        ? [report.winner]
        : [];
  return ok({
    report,
    text: renderQuestionText(report),
    explanation: renderQuestionExplanation(report),
    elected,
    invalid,
    blank,
  });
}

/**
 * Any contest's quorum (an STV contest's is reported beside packages/stv's report): turnout is the weight of the
 * ballots that carry a choice for the contest, as for a question.
 */
export function contestQuorum(
  contest: ManifestContest,
  choices: readonly ContestChoice[],
  eligible: bigint | undefined,
): Result<QuorumReport | null, QuestionError> {
  if (contest.quorum === undefined) return ok(null);
  if (contest.quorum.kind === 'fraction-of-eligible' && eligible === undefined)
    return {
      ok: false,
      error: questionError('eligible', 'a quorum that is a fraction of the roll needs the eligible weight'),
    };
  const turnout = choices.reduce((sum, c) => (c.value === undefined ? sum : sum + BigInt(c.weight)), 0n);
  return ok(evaluateQuorum(quorumOf(contest.quorum), turnout, eligible));
}
