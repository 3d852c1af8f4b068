// Thresholds: the share of a base that the votes for must reach. Motions (docs/counting-rules.md, "Questions and
// proposals"): simple = more than half of the votes for and against; two-thirds = at least two thirds of them;
// of-eligible = more than half of the eligible roll. `abstentions: 'included'` takes the fraction of all valid
// votes instead of those for and against. Choose-one's majority: more than half, same base choice.
import {
  HALF,
  TWO_THIRDS,
  fractionReport,
  fractionWords,
  leastMeeting,
  meetsShare,
  type Fraction,
} from './fraction.js';
import type { Abstentions, Majority, ThresholdBase, ThresholdReport } from './types.js';

interface Rule {
  readonly share: Fraction;
  readonly strict: boolean;
}

const RULES: Record<Majority | 'majority', Rule> = {
  simple: { share: HALF, strict: true },
  'two-thirds': { share: TWO_THIRDS, strict: false },
  'of-eligible': { share: HALF, strict: true },
  majority: { share: HALF, strict: true },
};

const BASE_WORDS: Record<ThresholdBase, string> = {
  'for-and-against': 'the votes for and against',
  'for-options': 'the votes for options',
  'valid-votes': 'the valid votes (abstentions included)',
  eligible: 'the eligible votes',
};

/** Which base a rule takes its fraction of. */
export function thresholdBase(
  rule: Majority | 'majority',
  abstentions: Abstentions | undefined,
): ThresholdBase {
  if (rule === 'of-eligible') return 'eligible';
  if (abstentions === 'included') return 'valid-votes';
  return rule === 'majority' ? 'for-options' : 'for-and-against';
}

/** `votes` against the rule's share of `baseVotes`. */
export function evaluateThreshold(
  rule: Majority | 'majority',
  base: ThresholdBase,
  votes: bigint,
  baseVotes: bigint,
): ThresholdReport {
  const { share, strict } = RULES[rule];
  return {
    rule,
    fraction: fractionReport(share),
    comparison: strict ? 'more-than' : 'at-least',
    base,
    baseVotes: baseVotes.toString(),
    votes: votes.toString(),
    needed: leastMeeting(baseVotes, share, strict).toString(),
    met: meetsShare(votes, baseVotes, share, strict),
    words: `${strict ? 'more than' : 'at least'} ${fractionWords(share)} of ${BASE_WORDS[base]}`,
  };
}
