// One rule for every object signed with Ed25519 in this package (ballots, recorded votes, credential requests):
// the signature covers the RFC 8785 canonical JSON of the object without its `signature` member.
import { canonicalBytes, canonicalize } from '@openslate/canonical-json';
import type { CryptoBackend } from './backend.js';
import { verifyEd25519 } from './backend.js';
import { fixedBytes, toBase64url, utf8 } from './encoding.js';
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
 * Returns the canonical text of the signed body (callers may hash it).
 */
export function checkObjectSignature(
  backend: CryptoBackend,
  object: Record<string, unknown>,
  publicKey: unknown,
  code: BallotErrorCode,
): string {
  const key = fixedBytes(publicKey, 32, 'public key', code);
  const signature = fixedBytes(object.signature, 64, 'signature', code);
  const { signature: _omit, ...body } = object;
  const bodyText = canonicalize(body);
  const verdict = verifyEd25519(backend, key, utf8(bodyText), signature);
  if (verdict !== 'ok') throw new BallotError(code, `signature: ${verdict}`);
  return bodyText;
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
