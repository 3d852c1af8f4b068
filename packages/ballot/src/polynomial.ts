// Shamir polynomials over the scalars of ristretto255 and the Feldman commitments to them
// (Feldman 1987; ElectionGuard 2.0 §3.2.2): share f(j), commitments C_k = a_k·G, check f(j)·G = Σ j^k·C_k.
import { IDENTITY, mod, publicMul, randomScalar } from './group.js';
import type { GroupElement } from './group.js';
import { modInverse } from './rsa-math.js';
import { ORDER } from './group.js';

export const randomPolynomial = (degree: number): bigint[] =>
  Array.from({ length: degree + 1 }, () => randomScalar());

/** f(x) by Horner's rule, mod ℓ. */
export function evaluate(coefficients: readonly bigint[], x: bigint): bigint {
  let y = 0n;
  for (let k = coefficients.length - 1; k >= 0; k--) y = mod(y * x + (coefficients[k] ?? 0n));
  return y;
}

/** Σ_k x^k·C_k: the public image f(x)·G of a committed polynomial. */
export function evaluateCommitments(commitments: readonly GroupElement[], x: bigint): GroupElement {
  let acc = IDENTITY;
  let power = 1n;
  for (const c of commitments) {
    acc = acc.add(publicMul(c, power));
    power = mod(power * x);
  }
  return acc;
}

/** Lagrange coefficient at 0 of index `i` among the distinct `indices` (all non-zero mod ℓ). */
export function lagrangeAtZero(indices: readonly bigint[], i: bigint): bigint {
  let num = 1n;
  let den = 1n;
  for (const j of indices) {
    if (j === i) continue;
    num = mod(num * j);
    den = mod(den * (j - i));
  }
  const inv = modInverse(den, ORDER);
  if (inv === undefined) throw new Error('indices must be distinct');
  return mod(num * inv);
}

/** f(0) from t points (x, f(x)). */
export function interpolateAtZero(points: readonly (readonly [bigint, bigint])[]): bigint {
  const xs = points.map(([x]) => x);
  return points.reduce((acc, [x, y]) => mod(acc + y * lagrangeAtZero(xs, x)), 0n);
}
