// The Proportional Representation Foundation's reference Weighted Inclusive Gregory rule (PRF reference WIGM,
// prfound.org/resources/reference/reference-wigm-rule): 4-decimal fixed point truncated after every
// multiplication and division (D.4), quota = votes ÷ (seats + 1) + 0.0001 (A.1), zero surpluses transferred
// (B.3), one defeat per round (B.4), ties by a predetermined random order (D.1).
import { divRound } from '../arith/index.js';
import { CountState } from '../count-state.js';
import { runGregory } from '../gregory.js';
import { droopFixedQuota } from '../quota.js';
import type { Election, Report } from '../types.js';
import type { ResolvedOptions } from '../count.js';

const PLACES = 4; // D.4: "Truncate, with no rounding, the result of each multiplication or division to four decimal places"

export function countWigm(election: Election, options: ResolvedOptions): Report {
  const state = new CountState(election, {
    rule: 'wigm',
    places: PLACES,
    seats: options.seats,
    constraints: options.constraints,
    parameters: {
      rules: 'PRF reference WIGM (single defeat)',
      precision: String(PLACES),
      quota: 'droop-fixed-plus-0.0001',
      transfer: 'weighted-inclusive-gregory',
      ties: 'tie-order-then-lot',
    },
    lookback: 'none', // D.1: "the tied candidate who is earliest in a predetermined random tiebreaking order"
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  const scale = state.scale;
  state.quota = droopFixedQuota(state.validVotes, options.seats); // A.1
  state.firstPreferences(); // A.4-A.5
  state.electReaching(state.quota, 1); // B.1
  state.record({ kind: 'first-preferences' });
  runGregory(state, {
    // B.3 with D.4: weight × surplus truncated, then ÷ total vote truncated
    transferValue: (value, surplus, total) =>
      divRound(divRound(value * surplus, scale, 'down') * scale, total, 'down'),
    transferZeroSurplus: true, // B.3: "the largest surplus (possibly zero)"
  });
  return state.report();
}
