// Chaum–Pedersen proof of equality of discrete logarithms (Chaum & Pedersen 1992, as in ElectionGuard 2.0
// §3.6.3): knowledge of x with X = x·G and S = x·B, non-interactive by Fiat–Shamir over the whole context.
import {
  decodeScalar,
  encodeScalar,
  G,
  hashToChallenge,
  mod,
  pointBytes,
  publicMul,
  randomScalar,
  GROUP_NAME,
} from './group.js';
import type { GroupElement } from './group.js';
import { requireExactMembers, utf8 } from './encoding.js';
import type { BallotErrorCode } from './errors.js';
import type { SchnorrProof } from './schnorr.js';

const challengeOf = (
  label: string,
  x: GroupElement,
  b: GroupElement,
  s: GroupElement,
  a1: GroupElement,
  a2: GroupElement,
  context: Uint8Array,
): bigint =>
  hashToChallenge(
    label,
    utf8(GROUP_NAME),
    pointBytes(x),
    pointBytes(b),
    pointBytes(s),
    a1.toBytes(),
    a2.toBytes(),
    context,
  );

/** Proves log_G(X) = log_B(S) = `secret`. Same encoding as a Schnorr proof: {challenge, response}. */
export function proveEqualLogs(
  label: string,
  secret: bigint,
  b: GroupElement,
  context: Uint8Array,
): { shared: GroupElement; proof: SchnorrProof } {
  const x = G.multiply(secret);
  const s = b.multiply(secret);
  const k = randomScalar();
  const c = challengeOf(label, x, b, s, G.multiply(k), b.multiply(k), context);
  return { shared: s, proof: { challenge: encodeScalar(c), response: encodeScalar(mod(k + c * secret)) } };
}

export function verifyEqualLogs(
  label: string,
  x: GroupElement,
  b: GroupElement,
  s: GroupElement,
  proof: unknown,
  context: Uint8Array,
  malformed: BallotErrorCode,
): boolean {
  const p = requireExactMembers(proof, ['challenge', 'response'], 'proof', malformed);
  const c = decodeScalar(p.challenge, 'proof challenge', malformed);
  const z = decodeScalar(p.response, 'proof response', malformed);
  const a1 = publicMul(G, z).subtract(publicMul(x, c));
  const a2 = publicMul(b, z).subtract(publicMul(s, c));
  return challengeOf(label, x, b, s, a1, a2, context) === c;
}
