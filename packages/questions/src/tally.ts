// Adds up the ballots' weights: per option, abstentions, and invalid ballots by the code of their problem.
// Order does not matter (addition), and a ballot of weight w counts exactly as w ballots of weight 1.
import { parseChoice, parseWeight } from './choice.js';
import type { BallotErrorCode } from './errors.js';
import { optionsOf } from './define.js';
import type { CastBallot, Question } from './types.js';

export interface Tally {
  /** Indexed like `optionsOf(question)`. */
  readonly totals: readonly bigint[];
  readonly abstained: bigint;
  readonly valid: bigint;
  readonly invalid: bigint;
  readonly invalidByCode: ReadonlyMap<BallotErrorCode, bigint>;
  /** valid + invalid. */
  readonly received: bigint;
}

/** A ballot whose weight itself is invalid counts as one invalid ballot. */
export function tally(question: Question, ballots: readonly CastBallot[]): Tally {
  const totals = optionsOf(question).map(() => 0n);
  const invalidByCode = new Map<BallotErrorCode, bigint>();
  let abstained = 0n;
  let valid = 0n;
  let invalid = 0n;
  for (const ballot of ballots) {
    const weight = parseWeight(ballot.weight);
    const choice = weight.ok ? parseChoice(question, ballot.choice) : weight;
    if (!choice.ok || !weight.ok) {
      const w = weight.ok ? weight.value : 1n;
      const code = choice.ok ? 'weight' : choice.error.code;
      invalidByCode.set(code, (invalidByCode.get(code) ?? 0n) + w);
      invalid += w;
      continue;
    }
    valid += weight.value;
    if (choice.value.length === 0) abstained += weight.value;
    for (const at of choice.value) totals[at] = (totals[at] ?? 0n) + weight.value;
  }
  return { totals, abstained, valid, invalid, invalidByCode, received: valid + invalid };
}
