// Hybrid encryption to a ristretto255 public key: ElGamal KEM (R = r·G, shared point r·Y), HKDF-SHA-256
// (RFC 5869) to a 32-byte key, XChaCha20-Poly1305 (draft-irtf-cfrg-xchacha) with the context as associated data,
// and a Schnorr proof of knowledge of r whose challenge hashes group, recipient key, context and the whole
// ciphertext. The proof makes the ciphertext non-malleable and bound to its context (for ballots: the election
// and the credential's ballot key), which defeats copying it under another credential (Helios replay attack).
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import {
  concatBytes,
  fixedBytes,
  fromBase64url,
  isRecord,
  requireExactMembers,
  toBase64url,
  utf8,
} from './encoding.js';
import { BallotError } from './errors.js';
import { baseMul, checkElementBytes, decodeBytes, encodePoint, pointBytes, randomScalar } from './group.js';
import type { GroupElement } from './group.js';
import { pureGroup } from './group-backend.js';
import type { GroupBackend } from './group-backend.js';
import { proveKnowledge, verifyKnowledgeOfEncoding } from './schnorr.js';
import type { SchnorrProof } from './schnorr.js';

const KDF_INFO = 'openslate/hybrid-kem/v1';
const PROOF_LABEL = 'openslate/ciphertext-proof/v1';
const NONCE_LENGTH = 24;

export interface Ciphertext {
  /** R = r·G. */
  readonly ephemeral: string;
  readonly nonce: string;
  /** AEAD output (ciphertext and 16-byte tag). */
  readonly body: string;
  readonly proof: SchnorrProof;
}

interface ParsedCiphertext {
  /** R's encoding: canonical, not the identity. */
  readonly ephemeral: Uint8Array;
  readonly nonce: Uint8Array;
  readonly body: Uint8Array;
  readonly proof: unknown;
}

/** Key derivation from the encodings of the shared point r·Y, of R and of Y. */
function deriveKey(shared: Uint8Array, ephemeral: Uint8Array, recipient: GroupElement): Uint8Array {
  return hkdf(sha256, shared, undefined, concatBytes(utf8(KDF_INFO), ephemeral, pointBytes(recipient)), 32);
}

/** Bytes the proof's challenge covers besides R: recipient key, caller context, nonce and body. */
function proofContext(
  recipient: GroupElement,
  context: Uint8Array,
  nonce: Uint8Array,
  body: Uint8Array,
): Uint8Array {
  const digest = (b: Uint8Array) => sha256(b);
  return concatBytes(pointBytes(recipient), digest(context), nonce, digest(body));
}

export function encrypt(recipient: GroupElement, plaintext: Uint8Array, context: Uint8Array): Ciphertext {
  const r = randomScalar();
  const ephemeral = baseMul(r);
  const key = deriveKey(recipient.multiply(r).toBytes(), pointBytes(ephemeral), recipient);
  const nonce = randomBytes(NONCE_LENGTH);
  const body = xchacha20poly1305(key, nonce, context).encrypt(plaintext);
  return {
    ephemeral: encodePoint(ephemeral),
    nonce: toBase64url(nonce),
    body: toBase64url(body),
    proof: proveKnowledge(PROOF_LABEL, r, ephemeral, proofContext(recipient, context, nonce, body)),
  };
}

/** Shape and encoding checks only (MALFORMED_CIPHERTEXT); `group` decodes R. */
function parseCiphertext(value: unknown, group: GroupBackend): ParsedCiphertext {
  if (!isRecord(value)) throw new BallotError('MALFORMED_CIPHERTEXT', 'ciphertext must be an object');
  requireExactMembers(value, ['ephemeral', 'nonce', 'body', 'proof'], 'ciphertext', 'MALFORMED_CIPHERTEXT');
  const body = fromBase64url(value.body, 'ciphertext body', 'MALFORMED_CIPHERTEXT');
  if (body.length < 16) throw new BallotError('MALFORMED_CIPHERTEXT', 'ciphertext body shorter than its tag');
  const ephemeral = fixedBytes(value.ephemeral, 32, 'ephemeral key', 'MALFORMED_CIPHERTEXT');
  checkElementBytes(ephemeral, (b) => group.isCanonical(b), 'ephemeral key', 'MALFORMED_CIPHERTEXT');
  return {
    ephemeral,
    nonce: fixedBytes(value.nonce, NONCE_LENGTH, 'nonce', 'MALFORMED_CIPHERTEXT'),
    body,
    proof: value.proof,
  };
}

/**
 * Checks the proof of knowledge of r in this exact context. Throws MALFORMED_CIPHERTEXT on bad encodings and
 * REPLAYED_CIPHERTEXT when the proof does not hold here (made for another credential, or altered).
 */
export function verifyCiphertext(
  recipient: GroupElement,
  value: unknown,
  context: Uint8Array,
  group: GroupBackend = pureGroup,
): void {
  const c = parseCiphertext(value, group);
  const bound = proofContext(recipient, context, c.nonce, c.body);
  if (!verifyKnowledgeOfEncoding(PROOF_LABEL, c.ephemeral, c.proof, bound, 'MALFORMED_CIPHERTEXT', group)) {
    throw new BallotError(
      'REPLAYED_CIPHERTEXT',
      'ciphertext proof is not bound to this election and ballot key',
    );
  }
}

/** Decrypts with the recipient's secret scalar; DECRYPTION_FAILED if the tag or context does not match. */
export function decrypt(
  secret: bigint,
  recipient: GroupElement,
  value: unknown,
  context: Uint8Array,
  group: GroupBackend = pureGroup,
): Uint8Array {
  const c = parseCiphertext(value, group);
  return open(c, group.multiply(c.ephemeral, secret), recipient, context);
}

/** Decrypts with a published shared point instead of the secret key. */
export function decryptWithSharedPoint(
  shared: GroupElement,
  recipient: GroupElement,
  value: unknown,
  context: Uint8Array,
): Uint8Array {
  return open(parseCiphertext(value, pureGroup), pointBytes(shared), recipient, context);
}

function open(
  c: ParsedCiphertext,
  shared: Uint8Array,
  recipient: GroupElement,
  context: Uint8Array,
): Uint8Array {
  const key = deriveKey(shared, c.ephemeral, recipient);
  try {
    return xchacha20poly1305(key, c.nonce, context).decrypt(c.body);
  } catch {
    throw new BallotError('DECRYPTION_FAILED', 'authentication failed');
  }
}

/** R of a ciphertext (for proofs about its shared point). */
export const ephemeralOf = (value: unknown): GroupElement =>
  decodeBytes(parseCiphertext(value, pureGroup).ephemeral) as GroupElement;
