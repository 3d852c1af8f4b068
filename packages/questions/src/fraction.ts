// Exact comparisons of whole-number weights against fractions. Decisions use cross-multiplication only
// (a/b ≥ n/d ⇔ a·d ≥ n·b for positive b, d); integer division appears only in figures shown to people.

export interface Fraction {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export const fraction = (numerator: bigint, denominator: bigint): Fraction => ({ numerator, denominator });
export const HALF = fraction(1n, 2n);
export const TWO_THIRDS = fraction(2n, 3n);

/** `votes` compared with `share` of `base`: more than it (`strict`) or at least it. A base of 0 never meets. */
export function meetsShare(votes: bigint, base: bigint, share: Fraction, strict: boolean): boolean {
  if (base <= 0n) return false;
  const left = votes * share.denominator;
  const right = share.numerator * base;
  return strict ? left > right : left >= right;
}

/** The least whole `votes` for which `meetsShare(votes, base, share, strict)` holds (1 when base is 0). */
export function leastMeeting(base: bigint, share: Fraction, strict: boolean): bigint {
  const product = share.numerator * base;
  const floor = product / share.denominator;
  const least = strict ? floor + 1n : floor + (product % share.denominator === 0n ? 0n : 1n);
  return least > 0n ? least : 1n;
}

/**
 * `part` as a percentage of `whole` to one decimal place, rounded half up from the exact fraction: "68.3".
 * For people only; never used to decide. Null when `whole` is 0.
 */
export function percent(part: bigint, whole: bigint): string | null {
  if (whole <= 0n) return null;
  const tenths = (part * 2000n + whole) / (2n * whole);
  return `${tenths / 10n}.${tenths % 10n}`;
}

/** "half", "two thirds", "one third", or "3/5". */
export function fractionWords(f: Fraction): string {
  const key = `${f.numerator}/${f.denominator}`;
  return WORDS[key] ?? key;
}

const WORDS: Readonly<Record<string, string>> = {
  '1/2': 'half',
  '2/3': 'two thirds',
  '1/3': 'one third',
  '1/4': 'one quarter',
  '3/4': 'three quarters',
  '1/10': 'one tenth',
  '1/5': 'one fifth',
};

export const fractionReport = (f: Fraction): { numerator: string; denominator: string } => ({
  numerator: f.numerator.toString(),
  denominator: f.denominator.toString(),
});
