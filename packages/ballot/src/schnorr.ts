// Schnorr proof of knowledge of x with X = x·G, non-interactive by Fiat–Shamir; the challenge hashes the caller's
// whole context (group, keys, election, ciphertext…), so a proof is valid in exactly one place.
import {
  pointBytes,
  baseMul,
  decodeScalar,
  encodeScalar,
  hashToChallenge,
  mod,
  randomScalar,
  GROUP_NAME,
} from './group.js';
import type { GroupElement } from './group.js';
import { pureGroup } from './group-backend.js';
import type { GroupBackend } from './group-backend.js';
import { isRecord, requireExactMembers, utf8 } from './encoding.js';
import { BallotError } from './errors.js';
import type { BallotErrorCode } from './errors.js';

export interface SchnorrProof {
  /** c, a scalar: H(label, group, X, commitment, context). */
  readonly challenge: string;
  /** z = k + c·x mod ℓ. */
  readonly response: string;
}

const challengeOf = (label: string, x: Uint8Array, t: Uint8Array, context: Uint8Array): bigint =>
  hashToChallenge(label, utf8(GROUP_NAME), x, t, context);

export function proveKnowledge(
  label: string,
  secret: bigint,
  publicPoint: GroupElement,
  context: Uint8Array,
): SchnorrProof {
  const k = randomScalar();
  const c = challengeOf(label, pointBytes(publicPoint), baseMul(k).toBytes(), context);
  return { challenge: encodeScalar(c), response: encodeScalar(mod(k + c * secret)) };
}

/** True iff `proof` shows knowledge of log_G(publicPoint) in exactly this `label` and `context`. */
export function verifyKnowledge(
  label: string,
  publicPoint: GroupElement,
  proof: unknown,
  context: Uint8Array,
  malformed: BallotErrorCode,
  group: GroupBackend = pureGroup,
): boolean {
  return verifyKnowledgeOfEncoding(label, pointBytes(publicPoint), proof, context, malformed, group);
}

/** `verifyKnowledge` for a public point given by its (canonical, checked) encoding. */
export function verifyKnowledgeOfEncoding(
  label: string,
  publicPoint: Uint8Array,
  proof: unknown,
  context: Uint8Array,
  malformed: BallotErrorCode,
  group: GroupBackend,
): boolean {
  if (!isRecord(proof)) throw new BallotError(malformed, 'proof must be an object');
  requireExactMembers(proof, ['challenge', 'response'], 'proof', malformed);
  const c = decodeScalar(proof.challenge, 'proof challenge', malformed);
  const z = decodeScalar(proof.response, 'proof response', malformed);
  // T = z·G − c·X (public values: variable-time arithmetic is fine).
  const t = group.baseMultiplySubtract(z, c, publicPoint);
  return challengeOf(label, publicPoint, t, context) === c;
}
