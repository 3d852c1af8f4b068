// Quotas, in units of 10^-places of a vote (exact BigInt arithmetic).
import { divRound, scaleOf } from './arith/index.js';

/** SSI 2007/42 Sch. 1 rule 46: valid votes ÷ (seats + 1), decimals ignored, plus one. */
export function droopIntegerQuota(validUnits: bigint, seats: number, places: number): bigint {
  const scale = scaleOf(places);
  return (divRound(validUnits, BigInt(seats + 1) * scale, 'down') + 1n) * scale;
}

/** PRF reference WIGM A.1: valid votes ÷ (seats + 1), truncated at the precision, plus 10^-places. */
export function droopFixedQuota(validUnits: bigint, seats: number): bigint {
  return divRound(validUnits, BigInt(seats + 1), 'down') + 1n;
}

/** ERS97 5.1.6: valid votes ÷ (seats + 1), taken to 2 decimals and rounded up (exact quotient unchanged). */
export function droopRoundedUpQuota(validUnits: bigint, seats: number): bigint {
  return divRound(validUnits, BigInt(seats + 1), 'ceiling');
}
