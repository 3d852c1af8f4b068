// Node-only back-end: node:crypto (OpenSSL) for keys, signing, RSA-PSS and SHA-256, and libsodium (through
// sodium-native's prebuilt N-API binding) for Ed25519 verification, the cast path's most frequent operation.
// Import from '@openslate/ballot/node', never from browser code. Speeds: scripts/bench/src/ballot.ts.
import { createPrivateKey, createPublicKey, constants, hash, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import sodium from 'sodium-native';
import type { CryptoBackend } from './backend.js';
import { encodeRsaInteger } from './rsa-key.js';
import type { RsaPublicKey } from './rsa-key.js';

// RFC 8410 §4 and §7: DER prefixes of an Ed25519 SubjectPublicKeyInfo and a PKCS #8 private key.
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

const ed25519PrivateKeyObject = (seed: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });

/** An RSA public KeyObject per modulus, built once (issuer keys are few and reused for every ballot). */
const rsaKeyObjects = new WeakMap<RsaPublicKey, KeyObject>();

export function rsaPublicKeyObject(key: RsaPublicKey): KeyObject {
  let object = rsaKeyObjects.get(key);
  if (!object) {
    object = createPublicKey({
      key: { kty: 'RSA', n: encodeRsaInteger(key.n), e: encodeRsaInteger(key.e) },
      format: 'jwk',
    });
    rsaKeyObjects.set(key, object);
  }
  return object;
}

export function createNodeBackend(): CryptoBackend {
  return {
    name: 'node',
    ed25519PublicKey(seed) {
      const spki = createPublicKey(ed25519PrivateKeyObject(seed)).export({ format: 'der', type: 'spki' });
      return new Uint8Array(spki.subarray(SPKI_PREFIX.length));
    },
    ed25519Sign: (seed, message) => new Uint8Array(sign(null, message, ed25519PrivateKeyObject(seed))),
    // RFC 8032 §5.1.7, cofactorless, as OpenSSL and @noble check it. libsodium also refuses non-canonical S and
    // small-order or non-canonical keys and R by itself, which ed25519-strict.ts has already refused. Measured here:
    // 65 µs a verification against 130 µs for node:crypto's one-shot verify, which imports the key (every ballot
    // has its own) into OpenSSL on each call.
    ed25519VerifyRaw(publicKey, message, signature) {
      if (publicKey.length !== 32 || signature.length !== 64) return false;
      return sodium.crypto_sign_verify_detached(signature, message, publicKey);
    },
    sha256: (data) => new Uint8Array(hash('sha256', data, 'buffer')),
    rsaPssVerify(key, message, signature) {
      if (signature.length !== key.modulusBytes) return false;
      try {
        return verify(
          'sha384',
          message,
          { key: rsaPublicKeyObject(key), padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 48 },
          signature,
        );
      } catch {
        return false;
      }
    },
  };
}
