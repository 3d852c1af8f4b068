// count(election, options): validates the options against the election, then runs the chosen rule.
import { validateConstraints } from './constraints.js';
import { StvInputError } from './errors.js';
import { countErs97 } from './rules/ers97.js';
import { countMeek } from './rules/meek.js';
import { countScottish } from './rules/scottish.js';
import { countWigm } from './rules/wigm.js';
import type { Constraint, CountOptions, Election, Report, RuleName } from './types.js';

/** Options after validation: seats decided, constraints checked. */
export interface ResolvedOptions {
  readonly seats: number;
  readonly constraints: readonly Constraint[];
  readonly seed?: string;
}

const RULES: Record<RuleName, (election: Election, options: ResolvedOptions) => Report> = {
  scottish: countScottish,
  wigm: countWigm,
  ers97: countErs97,
  meek: countMeek,
};

/** Checks seats and constraints against the election (StvInputError on bad input). */
export function resolveOptions(election: Election, options: CountOptions): ResolvedOptions {
  const seats = options.seats ?? election.seats;
  const standing = election.candidates.filter((c) => !election.withdrawn.includes(c.id));
  if (!Number.isInteger(seats) || seats < 1)
    throw new StvInputError('seats', `seats must be a whole number ≥ 1, not ${seats}`);
  if (seats > standing.length) {
    throw new StvInputError('seats', `${seats} seats but only ${standing.length} candidates standing`);
  }
  const constraints = options.constraints ?? [];
  validateConstraints(standing, seats, constraints);
  return { seats, constraints, ...(options.seed !== undefined ? { seed: options.seed } : {}) };
}

/** Counts `election` under `options.rule`. Throws StvInputError (never anything else) on bad input. */
export function count(election: Election, options: CountOptions): Report {
  const run = Object.hasOwn(RULES, options.rule) ? RULES[options.rule] : undefined;
  if (!run)
    throw new StvInputError('rule', `unknown rule "${String(options.rule)}" (scottish, ers97, wigm, meek)`);
  return run(election, resolveOptions(election, options));
}
