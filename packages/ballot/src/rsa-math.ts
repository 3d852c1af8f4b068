// Integer helpers for RSA on native BigInt: RFC 8017 §4.1 I2OSP, §4.2 OS2IP, and modular arithmetic.
// Not constant-time: used only with public values, or on the voter's own device for the blinding factor.
import { randomBytes } from '@noble/hashes/utils.js';
import { BallotError } from './errors.js';

const HEX_OF_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** RFC 8017 §4.2 OS2IP: big-endian bytes to a non-negative integer. */
export function os2ip(bytes: Uint8Array): bigint {
  let hex = '';
  for (const b of bytes) hex += HEX_OF_BYTE[b];
  return hex === '' ? 0n : BigInt('0x' + hex);
}

/** The value of an ASCII hex digit (0–9, a–f). */
const nibble = (c: number): number => (c <= 57 ? c - 48 : c - 87);

/** RFC 8017 §4.1 I2OSP: a non-negative integer to exactly `length` big-endian bytes. */
export function i2osp(x: bigint, length: number): Uint8Array {
  if (x < 0n || x >= 1n << BigInt(8 * length)) throw new BallotError('MALFORMED_INPUT', 'integer too large');
  const hex = x.toString(16).padStart(2 * length, '0');
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++)
    out[i] = (nibble(hex.charCodeAt(2 * i)) << 4) | nibble(hex.charCodeAt(2 * i + 1));
  return out;
}

export function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  let e = exponent;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
    e >>= 1n;
  }
  return result;
}

/** Inverse of `a` modulo `m` (extended Euclid), or undefined when gcd(a, m) ≠ 1. */
export function modInverse(a: bigint, m: bigint): bigint | undefined {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) return undefined;
  return ((oldS % m) + m) % m;
}

export function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** Uniform integer in [1, n) by rejection sampling (RFC 9474 §4.2 random_integer_uniform). */
export function randomBelow(n: bigint): bigint {
  const bits = bitLength(n);
  const bytes = Math.ceil(bits / 8);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    const r = os2ip(randomBytes(bytes)) & mask;
    if (r > 0n && r < n) return r;
  }
}
