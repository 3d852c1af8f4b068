// Quorum: the least turnout (weight of every ballot received, valid or not, abstentions included) for a
// question's result to stand. A fractional quorum is reached when turnout/eligible >= n/d (cross-multiplied).
import { fraction, fractionReport, fractionWords, leastMeeting, meetsShare } from './fraction.js';
import type { Quorum, QuorumReport } from './types.js';

export function evaluateQuorum(
  quorum: Quorum | undefined,
  turnout: bigint,
  eligible: bigint | undefined,
): QuorumReport | null {
  if (quorum === undefined) return null;
  if (quorum.kind === 'weight') {
    return {
      words: `at least ${quorum.weight} ${quorum.weight === 1n ? 'vote' : 'votes'}`,
      fraction: null,
      required: quorum.weight.toString(),
      turnout: turnout.toString(),
      reached: turnout >= quorum.weight,
    };
  }
  const share = fraction(BigInt(quorum.numerator), BigInt(quorum.denominator));
  const roll = eligible ?? 0n; // checkQuestion guarantees an eligible weight for a fractional quorum
  return {
    words: `at least ${fractionWords(share)} of the ${roll} eligible votes`,
    fraction: fractionReport(share),
    required: leastMeeting(roll, share, false).toString(),
    turnout: turnout.toString(),
    reached: meetsShare(turnout, roll, share, false),
  };
}
