// Shared by the tests: build ballots from counts, count and unwrap, compute a lot ticket independently.
import { createHash } from 'node:crypto';
import {
  countQuestion,
  type CastBallot,
  type CountOptions,
  type Question,
  type QuestionReport,
  type YesNoQuestion,
} from '../src/index.js';

/** `n` ballots of weight 1 for every [choice, n] pair, in order. */
export function ballots(...groups: readonly (readonly [unknown, number])[]): CastBallot[] {
  return groups.flatMap(([choice, n]) => Array.from({ length: n }, () => ({ choice })));
}

/** Yes, no and abstain ballots of weight 1. */
export const motionBallots = (yes: number, no: number, abstain = 0): CastBallot[] =>
  ballots(['yes', yes], ['no', no], ['abstain', abstain]);

/** The report, or the test fails with the error's code. */
export function counted(
  question: Question,
  cast: readonly CastBallot[],
  options?: CountOptions,
): QuestionReport {
  const result = countQuestion(question, cast, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

export function motion(
  majority: YesNoQuestion['majority'],
  extra: Partial<YesNoQuestion> = {},
): YesNoQuestion {
  return { kind: 'yes-no-abstain', id: 'm1', title: 'Motion 1', majority, ...extra };
}

/** The error code of a count expected to fail (undefined if it counted). */
export function countError(
  question: Question,
  cast: readonly CastBallot[],
  options?: CountOptions,
): string | undefined {
  const result = countQuestion(question, cast, options);
  return result.ok ? undefined : result.error.code;
}

/** docs/counting-rules.md: SHA-256 of `openslate-lot-v1\n<seed>\n1\n<n>`, computed here with node:crypto. */
export const ticket = (seed: string, n: number): string =>
  createHash('sha256').update(`openslate-lot-v1\n${seed}\n1\n${n}`).digest('hex');
