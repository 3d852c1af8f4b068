// One rule for every object signed with Ed25519 in this package (ballots, recorded votes, credential requests):
// the signature covers the RFC 8785 canonical JSON of the object without its `signature` member.
import { canonicalBytes } from '@openslate/canonical-json';
import type { CryptoBackend } from './backend.js';
import { verifyEd25519 } from './backend.js';
import { fixedBytes, toBase64url } from './encoding.js';
import { BallotError } from './errors.js';
import type { BallotErrorCode } from './errors.js';

export function signObject<T extends object>(
  body: T,
  seed: Uint8Array,
  backend: CryptoBackend,
): T & { readonly signature: string } {
  return { ...body, signature: toBase64url(backend.ed25519Sign(seed, canonicalBytes(body))) };
}

/**
 * Verifies `object.signature` by `publicKey` (base64url) under the strict Ed25519 rule; throws `code`.
 * Returns the UTF-8 canonical JSON of the signed body (callers may hash it).
 */
export function checkObjectSignature(
  backend: CryptoBackend,
  object: Record<string, unknown>,
  publicKey: unknown,
  code: BallotErrorCode,
): Uint8Array {
  const key = fixedBytes(publicKey, 32, 'public key', code);
  const signature = fixedBytes(object.signature, 64, 'signature', code);
  const { signature: _omit, ...body } = object;
  const bodyBytes = canonicalBytes(body);
  const verdict = verifyEd25519(backend, key, bodyBytes, signature);
  if (verdict !== 'ok') throw new BallotError(code, `signature: ${verdict}`);
  return bodyBytes;
}

/** The member registry must hold `identityKey` for `memberId` (BAD_MEMBER_SIGNATURE otherwise). */
export function checkMemberKey(
  expectedIdentityKey: (memberId: string) => string | undefined,
  memberId: string,
  identityKey: unknown,
): void {
  if (expectedIdentityKey(memberId) !== identityKey) {
    throw new BallotError('BAD_MEMBER_SIGNATURE', 'identity key is not the member’s registered key');
  }
}
