// Exact fixed-point decimals: a BigInt count of units of 10^-places. No floating point anywhere.
import { StvInputError } from '../errors.js';
import { divRound, type RoundingMode } from './rounding.js';

const scales: bigint[] = [];
/** 10^places as a BigInt (cached). */
export function scaleOf(places: number): bigint {
  if (!Number.isInteger(places) || places < 0 || places > 60) throw new RangeError(`bad precision ${places}`);
  return (scales[places] ??= 10n ** BigInt(places));
}

/** A decimal number with exactly `places` digits after the point, stored as `units` × 10^-places. */
export class Fixed {
  private constructor(
    readonly units: bigint,
    readonly places: number,
  ) {}

  static fromUnits(units: bigint, places: number): Fixed {
    scaleOf(places);
    return new Fixed(units, places);
  }

  static fromInteger(n: bigint | number, places: number): Fixed {
    return new Fixed(BigInt(n) * scaleOf(places), places);
  }

  static zero(places: number): Fixed {
    return Fixed.fromUnits(0n, places);
  }

  /** Parses "12", "-3.5", "0.00744"; more digits than `places` are rounded by `mode` (default: refused). */
  static parse(text: string, places: number, mode?: RoundingMode): Fixed {
    const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
    if (!m) throw new StvInputError('decimal', `not a decimal number: ${JSON.stringify(text)}`);
    const [, sign = '', whole = '0', frac = ''] = m;
    const digits = BigInt(whole + frac) * (sign === '-' ? -1n : 1n);
    const have = frac.length;
    if (have <= places) return Fixed.fromUnits(digits * scaleOf(places - have), places);
    if (mode === undefined)
      throw new StvInputError('decimal', `${text} has more than ${places} decimal places`);
    return Fixed.fromUnits(divRound(digits, scaleOf(have - places), mode), places);
  }

  private same(other: Fixed): bigint {
    if (other.places !== this.places)
      throw new RangeError(`precision mismatch ${this.places} vs ${other.places}`);
    return other.units;
  }

  add(other: Fixed): Fixed {
    return new Fixed(this.units + this.same(other), this.places);
  }

  sub(other: Fixed): Fixed {
    return new Fixed(this.units - this.same(other), this.places);
  }

  /** this × other, rounded to this precision by `mode`. */
  mul(other: Fixed, mode: RoundingMode): Fixed {
    return new Fixed(divRound(this.units * this.same(other), scaleOf(this.places), mode), this.places);
  }

  /** this ÷ other, rounded to this precision by `mode`. */
  div(other: Fixed, mode: RoundingMode): Fixed {
    return new Fixed(divRound(this.units * scaleOf(this.places), this.same(other), mode), this.places);
  }

  /** this × n (an integer, e.g. a ballot weight): exact. */
  times(n: bigint): Fixed {
    return new Fixed(this.units * n, this.places);
  }

  /** this × a ÷ b in one step, rounded once by `mode` (SSI 2007/42 rule 48(3): A ÷ B to 5 places). */
  mulDiv(a: Fixed, b: Fixed, mode: RoundingMode): Fixed {
    return new Fixed(divRound(this.units * this.same(a), this.same(b), mode), this.places);
  }

  /** Changes precision; fewer places round by `mode`. */
  rescale(places: number, mode: RoundingMode): Fixed {
    if (places >= this.places) return new Fixed(this.units * scaleOf(places - this.places), places);
    return new Fixed(divRound(this.units, scaleOf(this.places - places), mode), places);
  }

  cmp(other: Fixed): -1 | 0 | 1 {
    const o = this.same(other);
    return this.units < o ? -1 : this.units > o ? 1 : 0;
  }

  eq(other: Fixed): boolean {
    return this.cmp(other) === 0;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  toString(): string {
    return formatUnits(this.units, this.places);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Prints units at `places` decimals: formatUnits(-35300000n, 5) === "-353.00000". */
export function formatUnits(units: bigint, places: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(places + 1, '0');
  const whole = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places);
  return `${negative ? '-' : ''}${whole}${places > 0 ? `.${frac}` : ''}`;
}
