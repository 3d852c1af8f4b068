// One interface, two back-ends: `pureBackend` (@noble/*, BigInt; browsers and verifiers) and
// `createNodeBackend()` from '@openslate/ballot/node' (node:crypto; the API's hot paths). Callers pick one
// explicitly; both must give the same answer on every input (test/backends.test.ts).
import { checkEd25519Encoding } from './ed25519-strict.js';
import type { RsaPublicKey } from './rsa-key.js';

export interface CryptoBackend {
  readonly name: string;
  /** RFC 8032 §5.1.5: the 32-byte public key of a 32-byte secret seed. */
  ed25519PublicKey(seed: Uint8Array): Uint8Array;
  /** RFC 8032 §5.1.6 signing. */
  ed25519Sign(seed: Uint8Array, message: Uint8Array): Uint8Array;
  /** RFC 8032 §5.1.7 group equation only; use `verifyEd25519`, which applies the strict encoding rule first. */
  ed25519VerifyRaw(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean;
  /** RFC 8017 §8.1.2 RSASSA-PSS-VERIFY, SHA-384, MGF1-SHA-384, salt length 48. */
  rsaPssVerify(key: RsaPublicKey, message: Uint8Array, signature: Uint8Array): boolean;
  /** FIPS 180-4 SHA-256 (receipts). */
  sha256(data: Uint8Array): Uint8Array;
}

export type Ed25519Verdict = 'ok' | 'non-canonical' | 'small-order' | 'invalid';

/** The project's single Ed25519 rule (see ed25519-strict.ts), on either back-end. */
export function verifyEd25519(
  backend: CryptoBackend,
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
): Ed25519Verdict {
  const encoding = checkEd25519Encoding(publicKey, signature);
  if (encoding !== 'ok') return encoding;
  return backend.ed25519VerifyRaw(publicKey, message, signature) ? 'ok' : 'invalid';
}
