// Integer division with an explicit rounding mode: the only division the counter ever does.

/** 'down' truncates toward zero (the "any remainder being ignored" of SSI 2007/42 rule 48(3)); 'up' away from zero. */
export type RoundingMode = 'down' | 'up' | 'half-up' | 'half-even' | 'floor' | 'ceiling';

const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/** n / d rounded by `mode`. Throws RangeError on d = 0 (a programming error, never an input error). */
export function divRound(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d === 0n) throw new RangeError('division by zero');
  const q = n / d; // BigInt division truncates toward zero
  const r = n % d;
  if (r === 0n) return q;
  const negative = n < 0n !== d < 0n;
  const away = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'up':
      return away;
    case 'floor':
      return negative ? away : q;
    case 'ceiling':
      return negative ? q : away;
    case 'half-up':
    case 'half-even': {
      const twice = 2n * abs(r);
      const ad = abs(d);
      if (twice > ad) return away;
      if (twice < ad) return q;
      if (mode === 'half-up') return away;
      return q % 2n === 0n ? q : away;
    }
  }
}
