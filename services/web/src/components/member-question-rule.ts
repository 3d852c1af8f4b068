// A question contest as the ballot reads it (the public election's `kind`, `question` and `quorum`; services/api
// src/contest-kind.ts), its rule in one sentence (docs/counting-rules.md, "Questions and proposals"), and the
// member's answer kept as a list of strings beside the STV rankings, turned into the ballot's plaintext choice
// (docs/log-entries.md, "The voting manifest": `{ answer }`, `{ approve }`, `{ choose }`).
import type { ABSTENTIONS, ContestKind, MAJORITIES } from '@openslate/client';

export type Quorum =
  | { readonly kind: 'weight'; readonly weight: number }
  | { readonly kind: 'fraction-of-eligible'; readonly numerator: number; readonly denominator: number };
export interface QuestionSettings {
  readonly majority?: (typeof MAJORITIES)[number];
  readonly abstentions?: (typeof ABSTENTIONS)[number];
  readonly winners?: number;
  readonly requireMajority?: boolean;
  readonly text?: string;
}
/** The fields a contest of any kind may carry; absent `kind` is STV. */
export interface KindFields {
  readonly kind?: ContestKind;
  readonly question?: QuestionSettings;
  readonly quorum?: Quorum;
}

export const MOTION_ANSWERS = [
  ['yes', 'Yes'],
  ['no', 'No'],
  ['abstain', 'Abstain'],
] as const;
export type MotionAnswer = (typeof MOTION_ANSWERS)[number][0];

export const isQuestion = (c: KindFields): boolean => (c.kind ?? 'stv') !== 'stv';

const FRACTIONS: Readonly<Record<string, string>> = {
  '1/2': 'half',
  '1/3': 'a third',
  '2/3': 'two thirds',
  '1/4': 'a quarter',
  '3/4': 'three quarters',
};

/** "needs a turnout of at least a third of the roll", "… of at least 30 votes". */
export function quorumWords(q: Quorum): string {
  const least =
    q.kind === 'weight'
      ? `${q.weight} ${q.weight === 1 ? 'vote' : 'votes'}`
      : `${FRACTIONS[`${q.numerator}/${q.denominator}`] ?? `${q.numerator}/${q.denominator}`} of the roll`;
  return `needs a turnout of at least ${least}`;
}

function motionRule(q: QuestionSettings): string[] {
  if (q.majority === 'of-eligible')
    return [
      'Carried if more than half of everyone on the roll votes yes; abstaining or not voting counts as no',
    ];
  const share = q.majority === 'two-thirds' ? 'at least two thirds' : 'more than half';
  return q.abstentions === 'included'
    ? [`Carried if ${share} of all valid votes are yes; an abstention counts like a no`]
    : [`Carried if ${share} of those voting yes or no vote yes`, 'abstentions are not counted'];
}

function approvalRule(q: QuestionSettings): string[] {
  const n = q.winners;
  const wins =
    n === undefined
      ? 'the approvals of each option are counted'
      : `the ${n === 1 ? 'option' : `${n} options`} with the most approvals ${n === 1 ? 'wins' : 'win'}`;
  return [`Choose any number; ${wins}`];
}

function chooseOneRule(q: QuestionSettings): string[] {
  if (!q.requireMajority) return ['Choose one or leave it blank; the option with the most votes is chosen'];
  const base =
    q.abstentions === 'included' ? 'all valid votes, blank ones included' : 'the votes for options';
  return [
    `Choose one or leave it blank; the option with the most votes is chosen only if it has more than half of ${base}`,
  ];
}

/** The question's rule in one sentence, e.g. "Carried if at least two thirds … ; needs a turnout of …". */
export function questionRule(c: KindFields): string {
  const q = c.question ?? {};
  const parts =
    c.kind === 'yes-no-abstain' ? motionRule(q) : c.kind === 'approval' ? approvalRule(q) : chooseOneRule(q);
  return [...parts, ...(c.quorum ? [quorumWords(c.quorum)] : [])].join('; ');
}

export type BallotChoice =
  | { readonly answer: MotionAnswer }
  | { readonly approve: string[] }
  | { readonly choose: string | null }
  | { readonly ranking: string[] };

/** The plaintext choice for one contest, from the saved list (STV: the ranking; a motion: [answer], unanswered
 *  is an abstention; approval: the approved ids, none is an abstention; choose-one: [id], or [] for blank). */
export function ballotChoice(c: KindFields, saved: readonly string[]): BallotChoice {
  switch (c.kind ?? 'stv') {
    case 'yes-no-abstain':
      return { answer: MOTION_ANSWERS.find(([a]) => a === saved[0])?.[0] ?? 'abstain' };
    case 'approval':
      return { approve: [...saved] };
    case 'choose-one':
      return { choose: saved[0] ?? null };
    default:
      return { ranking: [...saved] };
  }
}
