// The default back-end: @noble/curves Ed25519 in strict RFC 8032 mode (zip215: false) and BigInt RSA-PSS.
// Runs unchanged in browsers, Node and workers.
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CryptoBackend } from './backend.js';
import { rsaPssVerifyPure } from './rsa-key.js';

export const pureBackend: CryptoBackend = {
  name: 'pure',
  ed25519PublicKey: (seed) => ed25519.getPublicKey(seed),
  ed25519Sign: (seed, message) => ed25519.sign(message, seed),
  ed25519VerifyRaw(publicKey, message, signature) {
    try {
      return ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      return false;
    }
  },
  rsaPssVerify: rsaPssVerifyPure,
  sha256: (data) => sha256(data),
};
