// Scottish local-government STV: The Scottish Local Government Elections Order 2007 (SSI 2007/42), Schedule 1,
// rules 45-52 (the same counting rules in SSI 2011/399). Weighted Inclusive Gregory, integer Droop quota,
// transfer values to 5 decimal places with remainders ignored.
import { divRound } from '../arith/index.js';
import { CountState } from '../count-state.js';
import { runGregory } from '../gregory.js';
import { droopIntegerQuota } from '../quota.js';
import type { Election, Report } from '../types.js';
import type { ResolvedOptions } from '../count.js';

const PLACES = 5; // rule 48(3): "to five decimal places (any remainder being ignored)"

export function countScottish(election: Election, options: ResolvedOptions): Report {
  const state = new CountState(election, {
    rule: 'scottish',
    places: PLACES,
    seats: options.seats,
    constraints: options.constraints,
    parameters: {
      rules: 'SSI 2007/42 Schedule 1 rules 45-52 (SSI 2011/399)',
      precision: String(PLACES),
      quota: 'droop-integer',
      transfer: 'weighted-inclusive-gregory',
      ties: 'most-recent-preceding-stage-then-lot',
    },
    lookback: 'backward', // rules 49(2), 51(2): "the most recent preceding stage at which they had unequal votes"
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  state.quota = droopIntegerQuota(state.validVotes, options.seats, PLACES); // rule 46
  state.firstPreferences(); // rule 45
  state.electReaching(state.quota, 1); // rule 47(1)
  state.record({ kind: 'first-preferences' });
  runGregory(state, {
    // rule 48(3): (surplus × value of the paper) ÷ total votes of the candidate, to 5 places, remainder ignored
    transferValue: (value, surplus, total) => divRound(value * surplus, total, 'down'),
    transferZeroSurplus: false, // rule 48(1): only a vote that "exceeds the quota" has a surplus
  });
  return state.report();
}
